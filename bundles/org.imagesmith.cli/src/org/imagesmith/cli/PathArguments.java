package org.imagesmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the options that name files and folders before a command runs: a Windows path (C:\out, D:\x.wim,
 * \\server\share) means nothing on Linux and would silently become a file of that name in the current folder, so
 * it is refused with ERROR_INVALID_NAME; /LogPath must name a file, not a folder.
 */
final class PathArguments {
    /** The options whose values are paths of this system. */
    static final List<String> PATH_OPTIONS = List.of("Image", "WimFile", "ImageFile", "SourceImageFile",
            "DestinationImageFile", "SWMFile", "ApplyDir", "CaptureDir", "MountDir", "LogPath", "ScratchDir",
            "SysDriveDir", "WinDir", "ConfigFile", "PackagePath", "Driver", "PatchLocation", "Distribution",
            "Apply-Unattend");

    /** A drive letter (C:, C:\, C:/) or a UNC path (\\server\share). */
    private static final Pattern WINDOWS_PATH = Pattern.compile("^(?:[A-Za-z]:(?:[\\\\/].*)?|\\\\\\\\.*)$",
            Pattern.DOTALL);

    private PathArguments() {
    }

    /**
     * Refuses Windows paths and a /LogPath that names a folder.
     *
     * @throws CommandLineException naming the option and what to give instead
     */
    static void check(CommandLine commandLine) throws CommandLineException {
        for (Option option : commandLine.options()) {
            Optional<String> value = option.value();
            if (value.isEmpty() || PATH_OPTIONS.stream().noneMatch(option::is)) {
                continue;
            }
            if (isWindowsPath(value.get())) {
                throw new CommandLineException(ExitCode.INVALID_NAME, "The path \"" + value.get() + "\" of /"
                        + option.name() + " is a Windows path, which is not valid on this system: drive letters and"
                        + " \\\\server\\share paths mean nothing here. Give a path of this system with forward slashes,"
                        + " such as /" + option.name() + ":/mnt/data/" + example(option) + ".");
            }
        }
        Optional<String> log = commandLine.all("LogPath").stream().map(Option::value).flatMap(Optional::stream)
                .filter(v -> !v.isEmpty()).findFirst();
        if (log.isPresent() && Files.isDirectory(Path.of(log.get()))) {
            throw new CommandLineException("/LogPath names the folder " + log.get() + "; give the path of the log file,"
                    + " such as /LogPath:" + Path.of(log.get()).resolve("dism.log") + ".");
        }
    }

    /** True for a path that only Windows understands: one with a drive letter, or a UNC path. */
    static boolean isWindowsPath(String path) {
        return WINDOWS_PATH.matcher(path).matches();
    }

    private static String example(Option option) {
        String last = option.value().orElse("").replace('\\', '/');
        String name = last.substring(last.lastIndexOf('/') + 1);
        return name.isEmpty() || name.contains(":") ? "folder" : name;
    }
}
