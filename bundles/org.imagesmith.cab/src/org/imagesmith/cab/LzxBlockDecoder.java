package org.imagesmith.cab;

import org.imagesmith.compression.CompressionException;
import org.imagesmith.compression.LzxDecompressor;
import org.imagesmith.compression.LzxFormat;

/** The blocks of an LZX folder: one LZX stream (cabinet flavour) of which each CFDATA block is a frame. */
final class LzxBlockDecoder implements BlockDecoder {
    private final LzxDecompressor decompressor;

    private LzxBlockDecoder(LzxDecompressor decompressor) {
        this.decompressor = decompressor;
    }

    static LzxBlockDecoder forWindowBits(int windowBits, String folder) throws CabinetFormatException {
        if (windowBits < 15 || windowBits > 21) {
            throw new CabinetFormatException(folder + " is damaged: its LZX window is 2^" + windowBits
                    + " bytes; LZX windows have 2^15 to 2^21");
        }
        return new LzxBlockDecoder(new LzxDecompressor(LzxFormat.cabinet(windowBits)));
    }

    @Override
    public void decode(byte[] input, int length, byte[] output, int uncompressedSize, String where)
            throws CabinetFormatException {
        try {
            decompressor.decompressNextFrame(input, 0, length, output, 0, uncompressedSize);
        } catch (CompressionException e) {
            throw new CabinetFormatException(where + " is damaged: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // the decoder's own guards (frame sizes, window wrap) on data no valid cabinet has
            throw new CabinetFormatException(where + " is damaged: its LZX data cannot be decoded (" + e + ")", e);
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
