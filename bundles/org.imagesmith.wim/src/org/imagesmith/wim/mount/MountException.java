package org.imagesmith.wim.mount;

import java.io.IOException;

/**
 * A mount operation that cannot be done; the message says why and what to do instead, the error code is the
 * Win32 error DISM reports for it.
 */
public class MountException extends IOException {
    private static final long serialVersionUID = 1L;
    /** ERROR_PATH_NOT_FOUND: the mount directory does not exist, or is not a mount point. */
    public static final int PATH_NOT_FOUND = 3;
    /** ERROR_ACCESS_DENIED: the image is mounted read-only, so it cannot be committed. */
    public static final int ACCESS_DENIED = 5;
    /** ERROR_NOT_SUPPORTED: the WIM file cannot be written (split, solid, LZMS), so it is mounted read-only only. */
    public static final int NOT_SUPPORTED = 50;
    /** ERROR_DIR_NOT_EMPTY: the mount directory holds files. */
    public static final int DIR_NOT_EMPTY = 145;
    /** ERROR_ALREADY_EXISTS: the directory, or the image read/write, is already mounted. */
    public static final int ALREADY_MOUNTED = 183;
    /** ERROR_INVALID_STATE: an unmount was interrupted; only finishing it is possible. */
    public static final int UNMOUNT_PENDING = 5023;
    /** ERROR_FILE_INVALID: the WIM file changed or went away since the mount. */
    public static final int IMAGE_CHANGED = 1006;

    private final int errorCode;

    public MountException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
