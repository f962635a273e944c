package org.imagesmith.cab;

import java.io.IOException;

/**
 * The file is not a cabinet, or a structure inside it is damaged, truncated or of a kind this engine does not read.
 * The message says what is wrong and where (cabinet, structure, offset or file name).
 */
public class CabinetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CabinetFormatException(String message) {
        super(message);
    }

    public CabinetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
