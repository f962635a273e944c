package org.imagesmith.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import org.imagesmith.registry.HiveFormatException;
import org.imagesmith.registry.ValueTypeMismatchException;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.wim.SplitWimException;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.WriterLock;
import org.imagesmith.wim.mount.MountException;

/**
 * A failure as DISM reports it: its Win32 or HRESULT code and a message that says what to do. {@link #of} is the
 * one place where the command line turns what the engine raised into DISM's code.
 */
record DismError(int code, String message) {

    /** The operating system's words for a full disk (ENOSPC) or an exhausted quota (EDQUOT). */
    private static final String[] DISK_FULL_REASONS = {"No space left on device", "Disk quota exceeded"};
    private static final String READ_ONLY_REASON = "Read-only file system";
    private static final String FILE_NAME_TOO_LONG_REASON = "File name too long";

    /** The DISM error for what a command raised. */
    static DismError of(Throwable failure) {
        Throwable e = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (e instanceof CommandLineException c) {
            return new DismError(c.exitCode(), c.getMessage());
        }
        if (e instanceof ServicingException s) {
            return ofServicing(s);
        }
        if (e instanceof MountException m) {
            return new DismError(m.errorCode(), m.getMessage());
        }
        if (e instanceof WriterLock.TargetLockedException) {
            return new DismError(ServicingException.SHARING_VIOLATION, sentence(e.getMessage()));
        }
        if (isDiskFull(e)) {
            return new DismError(ExitCode.DISK_FULL, "There is not enough space on the disk"
                    + where(e) + ". Free some space, or choose a target on a disk with more room, and run the"
                    + " command again.");
        }
        if (e instanceof ReadOnlyFileSystemException || reasonIs(e, READ_ONLY_REASON)) {
            return new DismError(ExitCode.WRITE_PROTECT, "The media is write protected" + where(e)
                    + ". Choose a target on a file system that can be written.");
        }
        if (reasonIs(e, FILE_NAME_TOO_LONG_REASON)) {
            return new DismError(ExitCode.FILENAME_TOO_LONG, "The file name or path is longer than the file system"
                    + " allows" + where(e) + ". Give a shorter path.");
        }
        if (e instanceof InvalidPathException p) {
            return new DismError(ExitCode.INVALID_NAME, "The name \"" + p.getInput().replace("\0", "\\0")
                    + "\" is not valid on this system: " + p.getReason() + ".");
        }
        if (e instanceof NoSuchFileException n) {
            return new DismError(ExitCode.FILE_NOT_FOUND, "The system cannot find the file specified: "
                    + n.getFile() + ".");
        }
        if (e instanceof AccessDeniedException a) {
            return new DismError(ExitCode.ACCESS_DENIED, "Access is denied: " + a.getFile()
                    + ". Run the command as a user who may read and write it.");
        }
        if (e instanceof SplitWimException s) {
            // a file of another set, or parts that do not make a set, are files of another format than expected
            int code = s.missingParts().isEmpty() ? ExitCode.BAD_FORMAT : ExitCode.FILE_NOT_FOUND;
            return new DismError(code, "The split WIM cannot be read: " + s.getMessage() + ".");
        }
        if (e instanceof WimFormatException w) {
            return w.isNotWimFile()
                    ? new DismError(ExitCode.BAD_FORMAT, "The file cannot be read as a WIM file: " + w.getMessage() + ".")
                    : new DismError(ExitCode.INVALID_DATA, "The WIM file is damaged: " + w.getMessage()
                            + ". Use a good copy of the file (wimlib-imagex verify tells which data is damaged).");
        }
        if (e instanceof ValueTypeMismatchException || e instanceof HiveFormatException) {
            return new DismError(ExitCode.BAD_REGISTRY, "A registry hive of the image is damaged: " + e.getMessage()
                    + ". Repair the value in the image's hive (for example with hivexregedit), or use a good copy of"
                    + " the image.");
        }
        if (e instanceof IOException) {
            return new DismError(ExitCode.BAD_FORMAT, "An error occurred while reading or writing"
                    + where(e) + ": " + reason(e) + ".");
        }
        if (e instanceof OutOfMemoryError) {
            return new DismError(ExitCode.NOT_ENOUGH_MEMORY, "Not enough memory to complete the command. Give Java"
                    + " more memory (JAVA_TOOL_OPTIONS=-Xmx4g) and run the command again.");
        }
        return unexpected(e);
    }

    /**
     * A servicing failure as DISM reports it: its own code, unless the engine gave a general one (access denied, bad
     * format) for what was in truth a full disk or a read-only file system, which get DISM's codes for those.
     */
    static DismError ofServicing(ServicingException e) {
        boolean general = e.errorCode() == ServicingException.ACCESS_DENIED
                || e.errorCode() == ServicingException.BAD_FORMAT;
        if (general && isDiskFull(e)) {
            return new DismError(ExitCode.DISK_FULL, e.getMessage() + " There is not enough space on the disk: free"
                    + " some space, or give /ScratchDir on a disk with more room, and run the command again.");
        }
        if (general && reasonIs(e, READ_ONLY_REASON)) {
            return new DismError(ExitCode.WRITE_PROTECT, e.getMessage() + " The media is write protected: choose a"
                    + " folder on a file system that can be written.");
        }
        return new DismError(e.errorCode(), e.getMessage());
    }

    /** A failure Imagesmith did not foresee: E_UNEXPECTED, with what happened (no stack trace). */
    static DismError unexpected(Throwable e) {
        return new DismError(ExitCode.UNEXPECTED, "An unexpected error occurred: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". This is a defect in Imagesmith;"
                + " please report it with the command line and the input that caused it.");
    }

    /** The code a shell sees. */
    int exitStatus() {
        return ExitCode.status(code);
    }

    /** This error as a servicing failure, which the servicing commands log and print with the log's path. */
    ServicingException asServicingException(Throwable cause) {
        return new ServicingException(code, message, cause);
    }

    private static boolean isDiskFull(Throwable e) {
        for (String reason : DISK_FULL_REASONS) {
            if (reasonIs(e, reason)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reasonIs(Throwable e, String reason) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            if (text != null && text.toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String where(Throwable e) {
        return e instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
    }

    private static String reason(Throwable e) {
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return text == null ? e.getClass().getSimpleName() : text;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
