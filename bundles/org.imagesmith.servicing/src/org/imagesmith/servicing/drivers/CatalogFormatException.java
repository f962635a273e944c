package org.imagesmith.servicing.drivers;

import java.io.IOException;

/** A catalog file (.cat) is not a PKCS #7 SignedData holding a certificate trust list; the message says what is wrong. */
public class CatalogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public CatalogFormatException(String message) {
        super(message);
    }

    public CatalogFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
