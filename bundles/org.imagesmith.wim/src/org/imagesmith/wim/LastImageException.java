package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Raised when the only image of a WIM file is to be deleted: Windows' imaging API refuses to leave a file without
 * images (ERROR_ACCESS_DENIED), and so does this engine. Nothing was changed.
 */
public final class LastImageException extends IOException {
    private static final long serialVersionUID = 1L;
    /** ERROR_ACCESS_DENIED, the code DISM reports. */
    public static final int ERROR_CODE = 5;

    LastImageException(Path wimFile) {
        super("Image 1 is the only image of " + wimFile + ", and a WIM file keeps at least one image. To replace it,"
                + " add the new image first (/Append-Image or /Export-Image), then delete this one; to remove the"
                + " image entirely, delete the file.");
    }
}
