package org.imagesmith.inf;

import java.io.IOException;

/** An INF file breaks the INF syntax or a value of a known section is malformed; the message names file and line. */
public class InfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public InfFormatException(String message) {
        super(message);
    }

    public InfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
