package org.imagesmith.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A DISM 6.1 command that Imagesmith does not carry out: it is recognized, with its options, and refused before
 * anything is opened or changed, with ERROR_NOT_SUPPORTED (50) and the reason, so that a script learns at once what
 * it cannot do here rather than reading "unknown command".
 */
final class RefusedCommand implements ServicingCommand {
    private final String name;
    private final Set<String> options;
    private final String summary;
    private final String reason;

    /**
     * @param name the command's name, without the slash
     * @param commandOptions its own options, besides the session's (/Image, /LogPath, ...)
     * @param summary one line for the help listing
     * @param reason why it is refused and what to do instead
     */
    RefusedCommand(String name, Set<String> commandOptions, String summary, String reason) {
        this.name = name;
        Set<String> all = new HashSet<>(ImageServicingCommand.SESSION_OPTIONS);
        all.addAll(commandOptions);
        this.options = Set.copyOf(all);
        this.summary = summary;
        this.reason = reason;
    }

    /** The Windows PE 3.0 profiling commands (DISM 6.1's /Enable-Profiling and the others). */
    static List<ServicingCommand> profiling() {
        String reason = " is not supported: Imagesmith does not service Windows PE profiling (where Windows PE 3.0"
                + " keeps its profiling switch and the profile file's format are not published in a form Imagesmith"
                + " can check, and /Apply-Profiles deletes files, so a guess could leave a Windows PE that does not"
                + " boot). Run DISM 6.1 on Windows for profiling; the image was not changed.";
        return List.of(
                new RefusedCommand("Enable-Profiling", Set.of(), "/Image:<dir> /Enable-Profiling   (Windows PE 3.0"
                        + " profiling: not supported, refused with error 50)", "/Enable-Profiling" + reason),
                new RefusedCommand("Disable-Profiling", Set.of(), "/Image:<dir> /Disable-Profiling   (not supported,"
                        + " refused with error 50)", "/Disable-Profiling" + reason),
                new RefusedCommand("Get-Profiling", Set.of(), "/Image:<dir> /Get-Profiling   (not supported, refused"
                        + " with error 50)", "/Get-Profiling" + reason),
                new RefusedCommand("Apply-Profiles", Set.of(), "/Image:<dir> /Apply-Profiles:<file>[,<file>]   (not"
                        + " supported, refused with error 50)", "/Apply-Profiles" + reason));
    }

    /** DISM 6.1 SP1's /Cleanup-Image /spsuperseded [/hidesp]. */
    static RefusedCommand cleanupImage() {
        return new RefusedCommand("Cleanup-Image", Set.of("spsuperseded", "hidesp"),
                "/Image:<dir> /Cleanup-Image /spsuperseded [/hidesp]   (not supported, refused with error 50)",
                "/Cleanup-Image /spsuperseded is not supported: it deletes the service pack's backup files from the"
                        + " component store and makes the service pack permanent, which cannot be undone, and"
                        + " Imagesmith does not model the component store's superseded states well enough to do it"
                        + " safely. Run DISM 6.1 (Windows 7 SP1) on Windows for it; the image was not changed.");
    }

    @Override
    public List<String> names() {
        return List.of(name);
    }

    @Override
    public Set<String> options() {
        return options;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException {
        throw new CommandLineException(ExitCode.NOT_SUPPORTED, reason);
    }
}
