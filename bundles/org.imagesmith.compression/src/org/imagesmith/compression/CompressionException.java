package org.imagesmith.compression;

import java.io.IOException;

/** Compressed data is damaged, truncated or not in the format its decoder reads. */
public class CompressionException extends IOException {
    private static final long serialVersionUID = 1L;

    public CompressionException(String message) {
        super(message);
    }
}
