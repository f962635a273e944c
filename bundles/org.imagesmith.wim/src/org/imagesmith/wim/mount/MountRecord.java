package org.imagesmith.wim.mount;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What is remembered of one mounted image, so that it survives the process and a reboot: the mount directory, the
 * WIM file and image index, whether it is mounted read/write, and the WIM file's size and modification time at
 * mount time (to tell when someone else changed it).
 */
public record MountRecord(Path mountDir, Path imageFile, int imageIndex, boolean readWrite, Instant mountedAt,
        long imageFileSize, Instant imageFileModified) {
}
