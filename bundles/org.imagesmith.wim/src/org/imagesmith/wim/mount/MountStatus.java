package org.imagesmith.wim.mount;

/** The status DISM's /Get-MountedWimInfo prints for a mount. */
public enum MountStatus {
    /** The mount directory holds the image and the WIM file is as it was when mounted. */
    OK("Ok"),
    /** The mount directory was emptied or removed (a reboot, a cleaned /tmp): /Remount-Wim applies it again. */
    NEEDS_REMOUNT("Needs Remount"),
    /** The WIM file is gone or was changed by someone else since the mount: only /Unmount-Wim /Discard or /Cleanup-Wim. */
    INVALID("Invalid");

    private final String text;

    MountStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
