package org.imagesmith.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.mount.MountRecord;

/** {@code /Cleanup-Wim}: removes what abandoned mounts (Needs Remount, Invalid) left behind. */
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
        return "/Cleanup-Wim   Deletes the resources of abandoned mounts (status Needs Remount or Invalid).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws IOException {
        console.line("Scanning drive for mounted images");
        List<MountRecord> cleaned = MountCommands.mountedImages().cleanup();
        for (MountRecord record : cleaned) {
            console.line("Removed the mount of " + record.imageFile() + " (index " + record.imageIndex() + ") at "
                    + record.mountDir());
        }
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
