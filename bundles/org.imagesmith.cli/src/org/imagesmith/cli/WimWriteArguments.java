package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.imagesmith.wim.CompressionType;
import org.imagesmith.wim.IntegrityTable;
import org.imagesmith.wim.WimFile;

/** What the commands that write WIM files share: /Compress, /CheckIntegrity and DISM's output around a write. */
final class WimWriteArguments {
    /** ERROR_FILE_EXISTS: /Capture-Image onto a file that exists. */
    static final int FILE_EXISTS = 80;
    /** ERROR_ALREADY_EXISTS: an image of that name is in the file already. */
    static final int ALREADY_EXISTS = 183;

    private WimWriteArguments() {
    }

    /** /Compress:none|fast|max|maximum, as DISM spells them; empty when not given. */
    static Optional<CompressionType> compression(CommandLine commandLine) throws CommandLineException {
        Optional<String> value = commandLine.value("Compress");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "none" -> CompressionType.NONE;
            case "fast" -> CompressionType.XPRESS;
            case "max", "maximum" -> CompressionType.LZX;
            case "recovery" -> throw new CommandLineException("/Compress:recovery (LZMS solid compression, for"
                    + " push-button reset) is not supported; use /Compress:max, fast or none.");
            default -> throw new CommandLineException("The value \"" + value.get() + "\" of /Compress is not valid;"
                    + " give /Compress:max, /Compress:fast or /Compress:none.");
        });
    }

    /** The /Compress value DISM accepts for a compression type. */
    static String dismName(CompressionType compression) {
        return switch (compression) {
            case NONE -> "none";
            case XPRESS -> "fast";
            case LZX -> "max";
            case LZMS -> "recovery";
        };
    }

    /**
     * Whether a changed existing file gets an integrity table: with /CheckIntegrity (which first checks the table it
     * has), or when it has one already.
     */
    static boolean integrityForExisting(CommandLine commandLine, Path file) throws IOException {
        try (WimFile wim = WimFile.open(file)) {
            if (commandLine.has("CheckIntegrity")) {
                IntegrityTable.verify(wim);
                return true;
            }
            return wim.header().hasIntegrityTable();
        }
    }

    /** The image name DISM requires: present and not blank. */
    static String name(CommandLine commandLine, String option) throws CommandLineException {
        String name = commandLine.required(option, "<image name>");
        if (name.isBlank()) {
            throw new CommandLineException("The option /" + option + " needs a name that is not blank.");
        }
        return name;
    }

    /** A directory to capture, which must exist. */
    static Path captureDirectory(CommandLine commandLine) throws CommandLineException {
        Path dir = Path.of(commandLine.required("CaptureDir", "<directory to capture>"));
        if (!Files.isDirectory(dir)) {
            throw new CommandLineException(ExitCode.FILE_NOT_FOUND, "The directory " + dir + " to capture does not"
                    + " exist or is not a directory.");
        }
        return dir;
    }

    /** Runs a write, turning the writer's refusals (a taken name, no such image) into DISM errors. */
    static void write(String action, DismConsole console, WriteAction write) throws CommandLineException, IOException {
        console.line(action);
        try {
            write.run();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            int code = message.contains("already has an image named") ? ALREADY_EXISTS : ExitCode.INVALID_PARAMETER;
            throw new CommandLineException(code, Character.toUpperCase(message.charAt(0)) + message.substring(1)
                    + (message.endsWith(".") ? "" : "."));
        }
        console.progress(100.0);
    }

    @FunctionalInterface
    interface WriteAction {
        void run() throws IOException, CommandLineException;
    }
}
