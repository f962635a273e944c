package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountedImages;

/**
 * {@code /Unmount-Wim /MountDir:<dir> /Commit [/CheckIntegrity] | /Discard}: unmounts an image, saving its changes
 * into the WIM file first or throwing them away; then the mount directory is emptied and the mount forgotten. Run
 * again after an interruption, it finishes what was left (see {@link MountedImages#unmountCommitting}).
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
        MountedImages mounts = MountCommands.mountedImages();
        MountRecord record = mounts.record(mountDir);
        console.line("Image File : " + record.imageFile());
        console.line("Image Index : " + record.imageIndex());
        if (commit) {
            console.line("Saving image");
            Optional<CommitResult> result = mounts.unmountCommitting(mountDir, commandLine.has("CheckIntegrity"),
                    (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total));
            console.progress(100.0);
            if (result.isEmpty()) {
                console.line("The changes had been saved by the unmount that was interrupted; finishing it.");
            }
            result.ifPresent(saved -> saved.warnings().forEach(console::warning));
            console.line("Unmounting image");
        } else {
            console.line("Unmounting image");
            mounts.discard(mountDir);
        }
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
