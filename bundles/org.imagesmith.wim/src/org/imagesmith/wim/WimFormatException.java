package org.imagesmith.wim;

import java.io.IOException;

/**
 * The file is not a WIM file, or a structure inside it is damaged or of a kind this engine does not read.
 * {@link #isNotWimFile()} tells the two apart: DISM reports a file that is not a WIM file (ERROR_BAD_FORMAT) and a
 * damaged WIM file (ERROR_INVALID_DATA) with different codes.
 */
public class WimFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean notWimFile;

    /** A damaged structure inside a WIM file. */
    public WimFormatException(String message) {
        this(message, null, false);
    }

    /** A damaged structure inside a WIM file, found while reading {@code cause}. */
    public WimFormatException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private WimFormatException(String message, Throwable cause, boolean notWimFile) {
        super(message, cause);
        this.notWimFile = notWimFile;
    }

    /** The file is not a WIM file at all (its header is not a WIM header of a known version). */
    public static WimFormatException notWimFile(String message) {
        return new WimFormatException(message, null, true);
    }

    /** True when the file is not a WIM file; false when it is one whose data is damaged. */
    public boolean isNotWimFile() {
        return notWimFile;
    }
}
