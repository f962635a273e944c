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
        // the bit buffer in local variables (the hot loop); words are fetched exactly when the format says, as the
        // byte-aligned long match lengths are read from the position after the fetched words
        final BitReader r = reader;
        final int inEnd = r.end;
        int ip = r.pos;
        long buf = r.buffer;
        int bits = r.bitCount;
        int pos = outOff;
        int end = outOff + outLen;
        while (pos < end) {
            if (bits < MAX_CODEWORD_LENGTH) {
                if (ip + 2 <= inEnd) {
                    buf = buf << 16 | (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8;
                    ip += 2;
                    bits += 16;
                } else {
                    r.pos = ip;
                    r.buffer = buf;
                    r.bitCount = bits;
                    r.ensure(MAX_CODEWORD_LENGTH);
                    ip = r.pos;
                    buf = r.buffer;
                    bits = r.bitCount;
                }
            }
            int entry = decoder.lookup((int) (buf >>> (bits - MAX_CODEWORD_LENGTH)) & 0x7FFF);
            bits -= entry & 0xFF;
            int symbol = entry >>> 8;
            if (symbol < 256) {
                out[pos++] = (byte) symbol;
                continue;
            }
            int length = symbol & 0x0F;
            int log2Offset = (symbol >>> 4) & 0x0F;
            if (bits < 16) {
                if (ip + 2 <= inEnd) {
                    buf = buf << 16 | (in[ip] & 0xFF) | (in[ip + 1] & 0xFF) << 8;
                    ip += 2;
                    bits += 16;
                } else {
                    r.pos = ip;
                    r.buffer = buf;
                    r.bitCount = bits;
                    r.ensure(16);
                    ip = r.pos;
                    buf = r.buffer;
                    bits = r.bitCount;
                }
            }
            bits -= log2Offset;
            int offset = (1 << log2Offset) | ((int) (buf >>> bits) & ((1 << log2Offset) - 1));
            if (length == 0x0F) {
                r.pos = ip;
                length += r.readByte();
                if (length == 0x0F + 0xFF) {
                    length = r.readLE16();
                    if (length == 0) {
                        length = r.readLE32();
                    }
                    if (length < 0x0F || length > MAX_BLOCK_SIZE) {
                        throw new CompressionException("the XPRESS data holds a match length of "
                                + Integer.toUnsignedString(length) + ", which is impossible; the data is damaged");
                    }
                }
                ip = r.pos;
            }
            length += MIN_MATCH_LENGTH;
            int src = pos - offset;
            if (src >= outOff && offset >= 8 && length + 8 <= end - pos) {
                // eight bytes at a time; a word never reads what it writes (offset >= 8), and the up to seven bytes
                // written past the match lie inside the block, where later symbols overwrite them
                LzCopy.copyWords(out, src, pos, length);
            } else if (src >= outOff && offset >= length && length <= 32 && length <= end - pos) {
                for (int i = 0; i < length; i++) {
                    out[pos + i] = out[src + i];
                }
            } else {
                LzCopy.copyMatch(out, outOff, pos, end, offset, length, "XPRESS");
            }
            pos += length;
        }
    }
}
