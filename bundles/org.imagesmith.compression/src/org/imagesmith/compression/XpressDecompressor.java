package org.imagesmith.compression;

import java.util.Objects;

/**
 * Decompresses XPRESS Huffman data ([MS-XCA] "LZ77+Huffman") as WIM files store it: one block per chunk, a
 * 256-byte table of 512 four-bit codeword lengths followed by the Huffman-coded literals and matches. Reuse one
 * object for many chunks; it is not thread-safe.
 */
public final class XpressDecompressor implements ChunkDecompressor {
    /** The largest output one block can describe. */
    public static final int MAX_BLOCK_SIZE = 65536;
    static final int NUM_SYMBOLS = 512;
    static final int MAX_CODEWORD_LENGTH = 15;
    static final int TABLE_SIZE = NUM_SYMBOLS / 2;
    static final int MIN_MATCH_LENGTH = 3;

    private final HuffmanDecoder decoder = new HuffmanDecoder(NUM_SYMBOLS, 11, MAX_CODEWORD_LENGTH);
    private final byte[] lengths = new byte[NUM_SYMBOLS];
    private final BitReader reader = new BitReader();

    /**
     * Decompresses {@code inLen} bytes into exactly {@code outLen} bytes.
     *
     * @throws CompressionException when the data is damaged or does not decompress to {@code outLen} bytes
     */
    @Override
    public void decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen)
            throws CompressionException {
        Objects.checkFromIndexSize(inOff, inLen, in.length);
        Objects.checkFromIndexSize(outOff, outLen, out.length);
        if (outLen > MAX_BLOCK_SIZE) {
            throw new IllegalArgumentException("an XPRESS block decompresses to at most " + MAX_BLOCK_SIZE
                    + " bytes, not " + outLen);
        }
        if (outLen == 0) {
            return;
        }
        if (inLen < TABLE_SIZE) {
            throw new CompressionException("the XPRESS compressed data has " + inLen + " bytes, fewer than the "
                    + TABLE_SIZE + " of its Huffman table alone; it is truncated or damaged");
        }
        for (int i = 0; i < TABLE_SIZE; i++) {
            int b = in[inOff + i] & 0xFF;
            lengths[2 * i] = (byte) (b & 0x0F);
            lengths[2 * i + 1] = (byte) (b >>> 4);
        }
        decoder.build(lengths, 0, NUM_SYMBOLS, "XPRESS Huffman code");
        reader.init(in, inOff + TABLE_SIZE, inLen - TABLE_SIZE, "XPRESS");
        int pos = outOff;
        int end = outOff + outLen;
        while (pos < end) {
            int symbol = decoder.decode(reader);
            if (symbol < 256) {
                out[pos++] = (byte) symbol;
                continue;
            }
            int length = symbol & 0x0F;
            int log2Offset = (symbol >>> 4) & 0x0F;
            reader.ensure(16);
            int offset = (1 << log2Offset) | reader.peek(log2Offset);
            reader.skip(log2Offset);
            if (length == 0x0F) {
                length += reader.readByte();
                if (length == 0x0F + 0xFF) {
                    length = reader.readLE16();
                    if (length == 0) {
                        length = reader.readLE32();
                    }
                    if (length < 0x0F || length > MAX_BLOCK_SIZE) {
                        throw new CompressionException("the XPRESS data holds a match length of "
                                + Integer.toUnsignedString(length) + ", which is impossible; the data is damaged");
                    }
                }
            }
            length += MIN_MATCH_LENGTH;
            LzCopy.copyMatch(out, outOff, pos, end, offset, length, "XPRESS");
            pos += length;
        }
    }
}
