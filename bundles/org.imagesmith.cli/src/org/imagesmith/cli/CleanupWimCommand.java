package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.TemporaryFiles;
import org.imagesmith.wim.mount.MountRecord;

/**
 * {@code /Cleanup-Wim}: removes what abandoned mounts (Needs Remount, Invalid) left behind, finishes interrupted
 * unmounts (Unmount Pending), and removes the temporary WIM files and staging and scratch folders of Imagesmith
 * commands that were killed (see {@link TemporaryFiles}).
 */
final class CleanupWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Cleanup-Wim", "Cleanup-Mountpoints");
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String summary() {
        return "/Cleanup-Wim   Deletes the resources of abandoned mounts (status Needs Remount or Invalid), finishes"
                + " interrupted unmounts and removes the temporary files of interrupted commands.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws IOException {
        console.line("Scanning drive for mounted images");
        List<MountRecord> cleaned = MountCommands.mountedImages().cleanup();
        for (MountRecord record : cleaned) {
            console.line("Removed the mount of " + record.imageFile() + " (index " + record.imageIndex() + ") at "
                    + record.mountDir());
        }
        for (Path removed : TemporaryFiles.removeOrphans()) {
            console.line("Removed " + removed + ", left by an Imagesmith command that was interrupted");
        }
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
