package org.imagesmith.cab;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The blocks of an MSZIP folder: each is "CK" and a raw deflate stream that may refer back to the last 32 KiB of
 * the folder's earlier blocks.
 */
final class MszipBlockDecoder implements BlockDecoder {
    static final int WINDOW = 32768;

    private final Inflater inflater = new Inflater(true);
    private final byte[] history = new byte[WINDOW];
    private int historyLength;

    @Override
    public void decode(byte[] input, int length, byte[] output, int uncompressedSize, String where)
            throws CabinetFormatException {
        if (length < 2 || input[0] != 'C' || input[1] != 'K') {
            throw new CabinetFormatException(where + " is damaged: an MSZIP block does not start with the signature CK");
        }
        inflater.reset();
        if (historyLength > 0) {
            inflater.setDictionary(history, WINDOW - historyLength, historyLength);
        }
        // one extra zero byte, as java.util.zip.Inflater wants in nowrap mode
        byte[] padded = new byte[length - 2 + 1];
        System.arraycopy(input, 2, padded, 0, length - 2);
        inflater.setInput(padded);
        int produced = 0;
        try {
            while (produced < uncompressedSize) {
                int count = inflater.inflate(output, produced, uncompressedSize - produced);
                if (count == 0) {
                    break; // finished, or needs input or a dictionary it will not get
                }
                produced += count;
            }
        } catch (DataFormatException e) {
            throw new CabinetFormatException(where + " is damaged: its MSZIP data is not valid deflate data ("
                    + e.getMessage() + ")", e);
        }
        if (produced != uncompressedSize) {
            throw new CabinetFormatException(where + " is damaged: its MSZIP data gives " + produced
                    + " bytes but cbUncomp says " + uncompressedSize);
        }
        remember(output, uncompressedSize);
    }

    private void remember(byte[] block, int length) {
        if (length >= WINDOW) {
            System.arraycopy(block, length - WINDOW, history, 0, WINDOW);
        } else {
            System.arraycopy(history, length, history, 0, WINDOW - length);
            System.arraycopy(block, 0, history, WINDOW - length, length);
        }
        historyLength = Math.min(WINDOW, historyLength + length);
    }

    @Override
    public void close() {
        inflater.end();
    }
}
