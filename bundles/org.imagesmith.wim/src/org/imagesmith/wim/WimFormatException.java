package org.imagesmith.wim;

import java.io.IOException;

/** The file is not a WIM file, or a structure inside it is damaged or of a kind this engine does not read. */
public class WimFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WimFormatException(String message) {
        super(message);
    }

    public WimFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
