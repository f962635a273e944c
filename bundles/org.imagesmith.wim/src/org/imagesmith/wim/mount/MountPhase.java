package org.imagesmith.wim.mount;

/**
 * Where a mount is in its life cycle. The mount record is rewritten atomically before each step that cannot be
 * undone, so a retry after a kill at any instant finishes what was left and never commits a directory that an
 * unmount had begun to delete.
 */
public enum MountPhase {
    /**
     * The image is being applied into the directory (empty before): a mount killed then shows Needs Remount;
     * /Remount-Wim completes it, /Unmount-Wim /Discard or /Cleanup-Wim removes it.
     */
    MOUNTING,
    /** The directory holds the image and its changes. */
    MOUNTED,
    /** /Commit-Wim is putting a new WIM file in place (the record's pending digest is its image); the mount stays. */
    COMMITTING,
    /** /Unmount-Wim /Commit is putting a new WIM file in place (the record's pending digest is its image). */
    UNMOUNT_COMMITTING,
    /** /Unmount-Wim /Commit saved the changes durably and is deleting the directory, which is never committed again. */
    UNMOUNT_COMMITTED,
    /** /Unmount-Wim /Discard (or /Cleanup-Wim) is deleting the directory; the changes are given up. */
    UNMOUNT_DISCARDING
}
