package org.imagesmith.wim.mount;

/** The status DISM's /Get-MountedWimInfo prints for a mount (Unmount Pending is Imagesmith's, for an interrupted unmount). */
public enum MountStatus {
    /** The mount directory holds the image and the WIM file is as it was when mounted. */
    OK("Ok"),
    /** The mount directory was emptied or removed (a reboot, a cleaned /tmp): /Remount-Wim applies it again. */
    NEEDS_REMOUNT("Needs Remount"),
    /** The WIM file is gone or was changed by someone else since the mount: only /Unmount-Wim /Discard or /Cleanup-Wim. */
    INVALID("Invalid"),
    /**
     * An unmount was interrupted after its changes were saved (or while it discarded them): the directory may hold
     * only part of the image and is never committed again. /Unmount-Wim (or /Cleanup-Wim) finishes it.
     */
    UNMOUNT_PENDING("Unmount Pending");

    private final String text;

    MountStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
