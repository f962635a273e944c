package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code /Unmount-Wim /MountDir:<dir> /Discard}: unmounts an image, throwing its changes away. */
final class UnmountWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Unmount-Wim", "Unmount-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("MountDir", "Commit", "Discard", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "/Unmount-Wim /MountDir:<dir> /Commit | /Discard   Unmounts an image, saving or discarding its changes.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path mountDir = Path.of(commandLine.required("MountDir", "<mount directory>"));
        boolean commit = commandLine.has("Commit");
        if (commit == commandLine.has("Discard")) {
            throw new CommandLineException("Give either /Commit (save the changes into the WIM file) or /Discard.");
        }
        if (commit) {
            throw new CommandLineException("/Commit is not available yet: this version cannot write changes back into"
                    + " a WIM file. Unmount with /Discard, or capture the directory into a new image.");
        }
        console.line("Image File : " + MountCommands.mountedImages().record(mountDir).imageFile());
        console.line("Image Index : " + MountCommands.mountedImages().record(mountDir).imageIndex());
        console.line("Unmounting image");
        MountCommands.mountedImages().discard(mountDir);
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
