package org.imagesmith.wim.mount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What is remembered of one mounted image, so that it survives the process and a reboot: the mount directory, the
 * WIM file and image index, whether it is mounted read/write, the WIM file's size and modification time at mount
 * time (to tell when someone else changed it), for a split WIM (mounted read-only) the files of its other parts, the
 * SHA-1 digest of the image's metadata resource as mounted or last committed ({@code imageHash}, which identifies the
 * image in the file; empty in records of older versions), where the mount is in its life cycle ({@code phase}) and,
 * while a commit puts a new file in place, the digest of the committed image's metadata ({@code pendingHash}, else
 * empty): the record is rewritten before each step that cannot be undone, so that a retry after a kill knows what
 * is done.
 */
public record MountRecord(Path mountDir, Path imageFile, int imageIndex, boolean readWrite, Instant mountedAt,
        long imageFileSize, Instant imageFileModified, List<Path> splitParts, String imageHash, MountPhase phase,
        String pendingHash) {

    public MountRecord {
        splitParts = List.copyOf(splitParts);
    }

    /** This record in another phase of the life cycle, with the digest of the image a commit is putting in place. */
    public MountRecord inPhase(MountPhase newPhase, String newPendingHash) {
        return new MountRecord(mountDir, imageFile, imageIndex, readWrite, mountedAt, imageFileSize, imageFileModified,
                splitParts, imageHash, newPhase, newPendingHash);
    }

    /** This record of the WIM file as it is now (size, time, the image's digest), mounted. */
    MountRecord ofFile(long size, Instant modified, String hash) {
        return new MountRecord(mountDir, imageFile, imageIndex, readWrite, mountedAt, size, modified, splitParts, hash,
                MountPhase.MOUNTED, "");
    }
}
