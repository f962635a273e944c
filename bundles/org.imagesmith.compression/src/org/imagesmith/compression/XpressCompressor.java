package org.imagesmith.compression;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compresses chunks to XPRESS Huffman ([MS-XCA] "LZ77+Huffman") as WIM files store them: one block per chunk of
 * at most 64 KiB, ending with the end-of-data symbol Windows expects. Lazy matching over hash chains. Reuse one
 * object for many chunks; it is not thread-safe.
 */
public final class XpressCompressor {
    private static final int END_OF_DATA = 256;
    private static final int MAX_OFFSET = 65535;
    private static final int MAX_MATCH = 65535 + XpressDecompressor.MIN_MATCH_LENGTH;

    private final LzParser parser = new LzParser(XpressDecompressor.MIN_MATCH_LENGTH, MAX_MATCH, MAX_OFFSET, 32);
    private final int[] frequencies = new int[XpressDecompressor.NUM_SYMBOLS];
    private final byte[] lengths = new byte[XpressDecompressor.NUM_SYMBOLS];
    private final int[] codes = new int[XpressDecompressor.NUM_SYMBOLS];
    private final HuffmanEncoder huffman = new HuffmanEncoder(XpressDecompressor.NUM_SYMBOLS);
    private byte[] scratch = new byte[0];

    // the output bitstream: two 16-bit slots are reserved ahead, bytes go after them (see MS-XCA)
    private byte[] out;
    private int nextBits;
    private int nextBits2;
    private int nextByte;
    private int bitBuffer;
    private int bitCount;

    /**
     * Compresses {@code inLen} (at most 65536) bytes and returns the compressed size, or 0 when the result would
     * not be smaller than the input or not fit in {@code outCapacity} bytes (WIM files then store the chunk raw).
     */
    public int compress(byte[] in, int inOff, int inLen, byte[] dst, int dstOff, int outCapacity) {
        Objects.checkFromIndexSize(inOff, inLen, in.length);
        Objects.checkFromIndexSize(dstOff, outCapacity, dst.length);
        if (inLen > XpressDecompressor.MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("an XPRESS block holds at most " + XpressDecompressor.MAX_BLOCK_SIZE
                    + " bytes, not " + inLen);
        }
        if (inLen == 0) {
            return 0;
        }
        parser.parse(in, inOff, inLen);
        Arrays.fill(frequencies, 0);
        int pos = inOff;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                frequencies[in[pos++] & 0xFF]++;
            } else {
                frequencies[matchSymbol(length, parser.offset(i))]++;
                pos += length;
            }
        }
        frequencies[END_OF_DATA]++;
        huffman.buildLengths(frequencies, XpressDecompressor.NUM_SYMBOLS,
                XpressDecompressor.MAX_CODEWORD_LENGTH, lengths);
        HuffmanEncoder.assignCodes(lengths, XpressDecompressor.NUM_SYMBOLS, XpressDecompressor.MAX_CODEWORD_LENGTH,
                codes);
        // worst case: the table, 15 bits per literal and a few bytes per match
        int bound = XpressDecompressor.TABLE_SIZE + 2 * inLen + 16;
        if (scratch.length < bound) {
            scratch = new byte[bound];
        }
        out = scratch;
        for (int i = 0; i < XpressDecompressor.TABLE_SIZE; i++) {
            out[i] = (byte) (lengths[2 * i] | lengths[2 * i + 1] << 4);
        }
        nextBits = XpressDecompressor.TABLE_SIZE;
        nextBits2 = nextBits + 2;
        nextByte = nextBits + 4;
        bitBuffer = 0;
        bitCount = 0;
        pos = inOff;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                int symbol = in[pos++] & 0xFF;
                writeBits(codes[symbol], lengths[symbol]);
                continue;
            }
            int offset = parser.offset(i);
            int symbol = matchSymbol(length, offset);
            writeBits(codes[symbol], lengths[symbol]);
            int adjusted = length - XpressDecompressor.MIN_MATCH_LENGTH;
            if (adjusted >= 15) {
                if (adjusted - 15 < 255) {
                    writeByte(adjusted - 15);
                } else {
                    writeByte(255);
                    writeByte(adjusted & 0xFF);
                    writeByte(adjusted >>> 8);
                }
            }
            int log2 = 31 - Integer.numberOfLeadingZeros(offset);
            writeBits(offset - (1 << log2), log2);
            pos += length;
        }
        writeBits(codes[END_OF_DATA], lengths[END_OF_DATA]);
        // flush: the pending bits, then a zero word in the second reserved slot
        writeWord(nextBits, bitBuffer << (16 - bitCount));
        writeWord(nextBits2, 0);
        int size = nextByte;
        out = null;
        if (size >= inLen || size > outCapacity) {
            return 0;
        }
        System.arraycopy(scratch, 0, dst, dstOff, size);
        return size;
    }

    private static int matchSymbol(int length, int offset) {
        int log2 = 31 - Integer.numberOfLeadingZeros(offset);
        return 256 + (log2 << 4) + Math.min(length - XpressDecompressor.MIN_MATCH_LENGTH, 15);
    }

    private void writeBits(int bits, int count) {
        bitBuffer = bitBuffer << count | bits;
        bitCount += count;
        if (bitCount > 16) {
            bitCount -= 16;
            writeWord(nextBits, bitBuffer >>> bitCount);
            nextBits = nextBits2;
            nextBits2 = nextByte;
            nextByte += 2;
        }
    }

    private void writeByte(int b) {
        out[nextByte++] = (byte) b;
    }

    private void writeWord(int at, int word) {
        out[at] = (byte) word;
        out[at + 1] = (byte) (word >>> 8);
    }
}
