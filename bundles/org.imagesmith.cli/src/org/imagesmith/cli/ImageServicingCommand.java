package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingTarget;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingSession;

/**
 * A command that services an offline image ({@code /Image:<folder>}, or {@code /WimFile /Index} in place): a thin
 * adapter over {@link ServicingRun}, which opens and locks the image with DISM's session options (/LogPath, /LogLevel,
 * /ScratchDir, /CheckIntegrity); it prints the image version, runs the command on the session and, for a command that
 * writes, commits before "The operation completed successfully." is printed.
 */
abstract class ImageServicingCommand implements ServicingCommand {
    static final Set<String> SESSION_OPTIONS = Set.of("Image", "WinDir", "SysDriveDir", "LogPath", "LogLevel",
            "ScratchDir", "Quiet", "NoRestart", "Format", "WimFile", "Index", "Name", "CheckIntegrity");

    private final ServicingProvider provider;
    private final List<String> names;
    private final Set<String> options;
    private final String summary;

    /**
     * @param names the command's name and aliases, without the slash
     * @param commandOptions the command's own options, besides the session's
     * @param summary one line for the help listing
     */
    ImageServicingCommand(List<String> names, Set<String> commandOptions, String summary) {
        this(ServicingProvider.PACKAGES, names, commandOptions, summary);
    }

    /** A command of another provider than package servicing (drivers, international, editions, ...). */
    ImageServicingCommand(ServicingProvider provider, List<String> names, Set<String> commandOptions, String summary) {
        this.provider = provider;
        this.names = List.copyOf(names);
        Set<String> all = new HashSet<>(commandOptions);
        all.addAll(SESSION_OPTIONS);
        this.options = Set.copyOf(all);
        this.summary = summary;
    }

    @Override
    public final List<String> names() {
        return names;
    }

    @Override
    public final String summary() {
        return summary;
    }

    /** The DISM provider that serves this command; the command is refused for images the provider does not serve. */
    final ServicingProvider provider() {
        return provider;
    }

    /**
     * Whether this command changes the image (it then holds the image folder's writer's lock for the whole run) or
     * only reads it (no lock; the image is opened read-only). Each command says so explicitly.
     */
    abstract ServicingRun.Access access(CommandLine commandLine) throws CommandLineException;

    /** Runs on the open session; the banner and image version have been printed. */
    abstract int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException;

    @Override
    public final Set<String> options() {
        return options;
    }

    @Override
    public final int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Optional<String> wimFile = commandLine.value("WimFile");
        if (wimFile.isPresent() && commandLine.has("Image")) {
            throw new CommandLineException("Give either /Image:<folder> or /WimFile:<file> with /Index or /Name, not both.");
        }
        String image = wimFile.isPresent() ? wimFile.get() : commandLine.required("Image",
                "<folder of a mounted or applied image>, or /WimFile:<file> /Index:<n> to service an image of a WIM file in place");
        LogLevel level = logLevel(commandLine);
        ServicingRun.Access access = access(commandLine);
        Path logFile = commandLine.value("LogPath").map(Path::of).orElseGet(ServicingLog::defaultLogFile);
        ServicingRun.Options runOptions = new ServicingRun.Options(commandLine.value("ScratchDir").map(Path::of),
                commandLine.has("CheckIntegrity"));
        try (ServicingLog log = ServicingLog.open(logFile, level)) {
            log.info("DISM.EXE", "Executing command line: imagesmith " + String.join(" ",
                    commandLine.options().stream().map(Option::text).toList()));
            try (ServicingRun run = ServicingRun.open(wimFile.isPresent() ? wimTarget(commandLine, Path.of(wimFile.get()))
                    : folderTarget(commandLine, image), access, "/" + names().get(0), runOptions,
                    MountCommands.mountedImages(), log)) {
                ServicingSession session = run.session();
                console.line("Image Version: " + session.identity().version());
                console.blank();
                if (!provider().isAvailableFor(session.identity())) {
                    throw new ServicingException(ServicingException.INVALID_PARAMETER, "The /" + names().get(0)
                            + " option is not available for this image: " + provider().unavailableReason(
                                    session.identity()) + (wimFile.isPresent() ? "."
                                            : ". Run imagesmith /Image:" + image + " /? for the commands this image takes."));
                }
                if (access == ServicingRun.Access.WRITE) {
                    console.beforeSuccess(() -> commit(run, console));
                }
                return run.service(s -> run(commandLine, console, s));
            } catch (ServicingException e) {
                log.error("DISM.EXE", e.getMessage());
                return console.failure(e, logFile);
            } catch (DismConsole.CompletionFailedException e) {
                log.error("DISM.EXE", e.failure().getMessage());
                return console.failure(e.failure(), logFile);
            } catch (RuntimeException e) {
                // what the engine raised while servicing (a registry value of another type): DISM's code, logged
                ServicingException failure = DismError.of(e).asServicingException(e);
                log.error("DISM.EXE", failure.getMessage());
                return console.failure(failure, logFile);
            }
        } catch (ServicingException e) {
            return console.failure(e, logFile);
        }
    }

    /** Saves what the command changed (into the WIM file of an image serviced in place, with "Saving image"). */
    private static void commit(ServicingRun run, DismConsole console) throws ServicingException {
        ServicingRun.CommitProgress saving = new ServicingRun.CommitProgress() {
            @Override
            public void saving(String image) {
                console.line("Saving image");
            }

            @Override
            public void bytesWritten(long done, long total) {
                // DISM shows the saving as one step
            }
        };
        if (run.commit(saving).isPresent()) {
            console.progress(100.0);
        }
    }

    private static ServicingTarget folderTarget(CommandLine commandLine, String image)
            throws CommandLineException, ServicingException {
        checkSystemDrive(commandLine);
        return new ServicingTarget.ImageFolder(Path.of(image), commandLine.value("WinDir").orElse("Windows"));
    }

    /** /WimFile with /Index or /Name: the image is serviced in its WIM file and saved there when the command succeeds. */
    private static ServicingTarget wimTarget(CommandLine commandLine, Path wimFile)
            throws CommandLineException, ServicingException, IOException {
        if (commandLine.has("WinDir") || commandLine.has("SysDriveDir")) {
            throw new CommandLineException("/WinDir and /SysDriveDir go with /Image:<folder>, not with /WimFile.");
        }
        if (!java.nio.file.Files.isRegularFile(wimFile)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The WIM file " + wimFile + " does not exist.");
        }
        try (WimFile wim = WimFile.open(wimFile)) {
            return new ServicingTarget.WimFileImage(wimFile, ImageSelection.required(commandLine, wim).index());
        } catch (WimFormatException e) {
            throw new ServicingException(e.isNotWimFile() ? ServicingException.BAD_FORMAT : ServicingException.INVALID_DATA,
                    "The WIM file " + wimFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** /SysDriveDir names the folder holding the system loader (BootMgr); servicing reads nothing there. */
    private static void checkSystemDrive(CommandLine commandLine) throws CommandLineException, ServicingException {
        Optional<String> systemDrive = commandLine.value("SysDriveDir");
        if (systemDrive.isPresent() && !java.nio.file.Files.isDirectory(Path.of(systemDrive.get()))) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The system drive folder "
                    + systemDrive.get() + " given with /SysDriveDir does not exist.");
        }
    }

    /** /LogLevel:1..4, INFO (3) when not given. */
    static LogLevel logLevel(CommandLine commandLine) throws CommandLineException {
        Optional<String> value = commandLine.value("LogLevel");
        if (value.isEmpty()) {
            return LogLevel.INFO;
        }
        try {
            return LogLevel.ofNumber(Integer.parseInt(value.get().trim()));
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("The value \"" + value.get() + "\" of /LogLevel is not valid; give 1 (errors),"
                    + " 2 (errors and warnings), 3 (also information, the default) or 4 (also debug).");
        }
    }

    /** True when /Format:Table was given (the default is List). */
    static boolean table(CommandLine commandLine) throws CommandLineException {
        Optional<String> format = commandLine.value("Format");
        if (format.isEmpty() || format.get().equalsIgnoreCase("List")) {
            return false;
        }
        if (format.get().equalsIgnoreCase("Table")) {
            return true;
        }
        throw new CommandLineException("The value \"" + format.get() + "\" of /Format is not valid; give Table or List.");
    }
}
