package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code /Unmount-Wim /MountDir:<dir> /Commit [/CheckIntegrity] | /Discard}: unmounts an image, saving its changes
 * into the WIM file first or throwing them away; then the mount directory is emptied and the mount forgotten.
 */
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
        return "/Unmount-Wim /MountDir:<dir> /Commit [/CheckIntegrity] | /Discard   Unmounts an image, saving or"
                + " discarding its changes.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path mountDir = Path.of(commandLine.required("MountDir", "<mount directory>"));
        boolean commit = commandLine.has("Commit");
        if (commit == commandLine.has("Discard")) {
            throw new CommandLineException("Give either /Commit (save the changes into the WIM file) or /Discard.");
        }
        console.line("Image File : " + MountCommands.mountedImages().record(mountDir).imageFile());
        console.line("Image Index : " + MountCommands.mountedImages().record(mountDir).imageIndex());
        if (commit) {
            CommitWimCommand.save(mountDir, commandLine.has("CheckIntegrity"), console);
        }
        console.line("Unmounting image");
        MountCommands.mountedImages().discard(mountDir);
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
