package org.imagesmith.compression;

/**
 * Reads the bitstream of XPRESS Huffman and LZX: 16-bit little-endian words, each read from its most significant
 * bit. Words are fetched only when needed, so the byte position after the fetched words is exactly where the
 * formats place their byte-aligned fields (XPRESS long match lengths, LZX uncompressed blocks). Reading past the
 * end yields zero bits for a few words (decoders prefetch), then fails.
 */
final class BitReader {
    /** Zero words a decoder may fetch past the end of the data before the data counts as truncated. */
    private static final int MAX_OVERRUN_BYTES = 16;

    // package-private so that a decoder's inner loop can keep them in local variables (see LzxDecompressor)
    byte[] in;
    private int start;
    int pos;
    int end;
    long buffer;
    int bitCount;
    private String format;

    void init(byte[] data, int offset, int length, String formatName) {
        this.in = data;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
        this.buffer = 0;
        this.bitCount = 0;
        this.format = formatName;
    }

    /** Makes at least n (at most 48) bits available. */
    void ensure(int n) throws CompressionException {
        while (bitCount < n) {
            int word;
            if (pos + 2 <= end) {
                word = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
            } else {
                if (pos - end >= MAX_OVERRUN_BYTES) {
                    throw truncated();
                }
                word = pos < end ? in[pos] & 0xFF : 0;
            }
            pos += 2;
            buffer = buffer << 16 | word;
            bitCount += 16;
        }
    }

    /** The next n bits without consuming them; call {@link #ensure} first. */
    int peek(int n) {
        return (int) (buffer >>> (bitCount - n)) & ((1 << n) - 1);
    }

    void skip(int n) {
        bitCount -= n;
    }

    int read(int n) throws CompressionException {
        ensure(n);
        int value = peek(n);
        bitCount -= n;
        return value;
    }

    /** Reads a byte at the byte position after the fetched words (XPRESS long match lengths). */
    int readByte() throws CompressionException {
        if (pos >= end) {
            throw truncated();
        }
        return in[pos++] & 0xFF;
    }

    int readLE16() throws CompressionException {
        return readByte() | readByte() << 8;
    }

    int readLE32() throws CompressionException {
        return readLE16() | readLE16() << 16;
    }

    /**
     * Skips the 1 to 16 padding bits that align the stream to the next 16-bit word (an LZX uncompressed block
     * header): the rest of the current word, or a whole word when the stream is already aligned.
     */
    void alignToWord() {
        pos -= 2 * (bitCount / 16);
        if (bitCount % 16 == 0) {
            pos += 2;
        }
        buffer = 0;
        bitCount = 0;
    }

    void readBytes(byte[] dst, int off, int n) throws CompressionException {
        if (n > end - pos) {
            throw truncated();
        }
        System.arraycopy(in, pos, dst, off, n);
        pos += n;
    }

    /** Skips one byte if there is one (the padding after an LZX uncompressed block of odd size). */
    void skipPaddingByte() {
        pos++;
    }

    private CompressionException truncated() {
        return new CompressionException("the " + format + " compressed data (" + (end - start)
                + " bytes) ends before the data it should decompress to; it is truncated or damaged");
    }
}
