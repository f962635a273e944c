package org.imagesmith.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountedImages;

/** {@code /Get-MountedWimInfo}: the mounted images with their directory, file, index, read/write and status. */
final class GetMountedWimInfoCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Get-MountedWimInfo", "Get-MountedImageInfo");
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String summary() {
        return "/Get-MountedWimInfo   Lists the mounted images and their status.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws IOException {
        MountedImages mounts = MountCommands.mountedImages();
        List<MountRecord> records = mounts.store().records();
        console.line("Mounted images:");
        console.blank();
        if (records.isEmpty()) {
            console.line("No mounted images found.");
            console.blank();
        }
        for (MountRecord record : records) {
            console.field("Mount Dir", record.mountDir());
            console.field("Image File", record.imageFile());
            console.field("Image Index", record.imageIndex());
            console.field("Mounted Read/Write", record.readWrite() ? "Yes" : "No");
            console.field("Status", mounts.status(record).text());
            console.blank();
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
