package org.imagesmith.compression;

/** Writes the LZX bitstream: 16-bit little-endian words, filled from their most significant bit. */
final class BitWriter {
    private byte[] out;
    private int pos;
    private long buffer;
    private int bitCount;
    private long bitsWritten;

    void init(byte[] dst, int offset) {
        out = dst;
        pos = offset;
        buffer = 0;
        bitCount = 0;
        bitsWritten = 0;
    }

    /** Writes the low {@code count} (at most 32) bits of {@code bits}. */
    void write(int bits, int count) {
        buffer = buffer << count | (bits & ((1L << count) - 1));
        bitCount += count;
        bitsWritten += count;
        while (bitCount >= 16) {
            bitCount -= 16;
            int word = (int) (buffer >>> bitCount);
            out[pos++] = (byte) word;
            out[pos++] = (byte) (word >>> 8);
        }
    }

    /** Pads with zero bits to the next word boundary (nothing when aligned). */
    void flush() {
        if (bitCount > 0) {
            write(0, 16 - bitCount);
        }
    }

    /** Pads with 1 to 16 zero bits, as an LZX uncompressed block header requires. */
    void alignForRawBytes() {
        write(0, 16 - (int) (bitsWritten % 16));
    }

    void writeRawBytes(byte[] src, int off, int len) {
        System.arraycopy(src, off, out, pos, len);
        pos += len;
    }

    void writeLE32(int value) {
        for (int i = 0; i < 4; i++) {
            out[pos++] = (byte) (value >>> (8 * i));
        }
    }

    void writeRawByte(int b) {
        out[pos++] = (byte) b;
    }

    int position() {
        return pos;
    }
}
