package org.imagesmith.cab;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses the frames of an MSZIP folder: each block is "CK" and a raw deflate stream, finished at the end of the
 * block, with the previous 32 KiB of the folder as its preset dictionary.
 */
final class MszipBlockEncoder implements AutoCloseable {
    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final byte[] history = new byte[MszipBlockDecoder.WINDOW];
    private int historyLength;
    private byte[] output = new byte[BlockDecoder.MAX_BLOCK + 1024];

    /** The CFDATA data for one frame of at most 32 KiB: "CK" and the deflate stream. */
    byte[] encode(byte[] frame, int length) {
        deflater.reset();
        if (historyLength > 0) {
            deflater.setDictionary(history, history.length - historyLength, historyLength);
        }
        deflater.setInput(frame, 0, length);
        deflater.finish();
        output[0] = 'C';
        output[1] = 'K';
        int size = 2;
        while (!deflater.finished()) {
            if (size == output.length) {
                output = Arrays.copyOf(output, output.length * 2);
            }
            size += deflater.deflate(output, size, output.length - size);
        }
        remember(frame, length);
        return Arrays.copyOf(output, size);
    }

    private void remember(byte[] frame, int length) {
        int window = history.length;
        if (length >= window) {
            System.arraycopy(frame, length - window, history, 0, window);
        } else {
            System.arraycopy(history, length, history, 0, window - length);
            System.arraycopy(frame, 0, history, window - length, length);
        }
        historyLength = Math.min(window, historyLength + length);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
