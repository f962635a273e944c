package org.imagesmith.wim.mount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What is remembered of one mounted image, so that it survives the process and a reboot: the mount directory, the
 * WIM file and image index, whether it is mounted read/write, the WIM file's size and modification time at mount
 * time (to tell when someone else changed it), and for a split WIM (mounted read-only) the files of its other parts.
 */
public record MountRecord(Path mountDir, Path imageFile, int imageIndex, boolean readWrite, Instant mountedAt,
        long imageFileSize, Instant imageFileModified, List<Path> splitParts) {

    public MountRecord {
        splitParts = List.copyOf(splitParts);
    }
}
