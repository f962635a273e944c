package org.imagesmith.compression;

import static org.imagesmith.compression.LzxConstants.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decompresses LZX in the flavour its {@link LzxFormat} gives: independent WIM chunks ({@link #decompress}), or a
 * cabinet folder's stream, frame by frame ({@link #reset} then {@link #decompressNextFrame} per CFDATA block).
 * Verbatim, aligned-offset and uncompressed blocks are supported. Tables are allocated once; reuse the object.
 */
public final class LzxDecompressor implements ChunkDecompressor {
    private final LzxFormat format;
    private final int windowSize;
    private final int mainSymbols;
    private final byte[] window;
    private final BitReader reader = new BitReader();
    private final HuffmanDecoder mainCode = new HuffmanDecoder(MAX_MAIN_SYMBOLS, 11, MAX_CODEWORD_LENGTH);
    private final HuffmanDecoder lengthCode = new HuffmanDecoder(LENGTH_SYMBOLS, 10, MAX_CODEWORD_LENGTH);
    private final HuffmanDecoder alignedCode = new HuffmanDecoder(ALIGNED_SYMBOLS, 7, MAX_ALIGNED_CODEWORD_LENGTH);
    private final HuffmanDecoder preCode = new HuffmanDecoder(PRETREE_SYMBOLS, 8, MAX_PRE_CODEWORD_LENGTH);
    /** Codeword lengths, kept between blocks for the delta coding (with room for a run that overshoots). */
    private final byte[] mainLengths = new byte[MAX_MAIN_SYMBOLS + 64];
    private final byte[] lengthLengths = new byte[LENGTH_SYMBOLS + 64];
    private final byte[] alignedLengths = new byte[ALIGNED_SYMBOLS];
    private final byte[] preLengths = new byte[PRETREE_SYMBOLS];

    private int r0;
    private int r1;
    private int r2;
    private int windowPos;
    /** Bytes decoded since the stream started (cabinet: the E8 position of the next frame). */
    private long streamPos;
    private int frameIndex;
    private boolean headerRead;
    private int e8FileSize;
    private int blockType;
    /** Bytes left in the current block; negative when a match ran that far into the next block. */
    private int blockRemaining;
    private int blockSize;

    public LzxDecompressor(LzxFormat format) {
        this.format = format;
        this.windowSize = format.windowSize();
        this.mainSymbols = format.mainSymbols();
        this.window = new byte[windowSize];
        reset();
    }

    public LzxFormat format() {
        return format;
    }

    /** Starts a new stream: clears the window, the repeat offsets, the code lengths and the block state. */
    public void reset() {
        r0 = r1 = r2 = 1;
        windowPos = 0;
        streamPos = 0;
        frameIndex = 0;
        headerRead = false;
        e8FileSize = 0;
        blockType = 0;
        blockRemaining = 0;
        blockSize = 0;
        Arrays.fill(mainLengths, (byte) 0);
        Arrays.fill(lengthLengths, (byte) 0);
    }

    /** Decompresses one independent chunk (WIM): {@link #reset} and then the chunk as the stream's only frame. */
    @Override
    public void decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen)
            throws CompressionException {
        reset();
        decompressNextFrame(in, inOff, inLen, out, outOff, outLen);
    }

    /**
     * Decompresses the next frame of the stream (cabinet: the data of the next CFDATA block, which decompresses to
     * 32768 bytes except in the last block of a folder).
     *
     * @throws CompressionException when the data is damaged or does not decompress to {@code outLen} bytes
     */
    public void decompressNextFrame(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen)
            throws CompressionException {
        Objects.checkFromIndexSize(inOff, inLen, in.length);
        Objects.checkFromIndexSize(outOff, outLen, out.length);
        int maxFrame = format.cabinet() ? LzxFormat.CAB_FRAME_SIZE : windowSize;
        if (outLen > maxFrame) {
            throw new IllegalArgumentException("an LZX frame of this format has at most " + maxFrame
                    + " bytes, not " + outLen);
        }
        if (outLen == 0) {
            return;
        }
        reader.init(in, inOff, inLen, "LZX");
        if (!headerRead) {
            if (format.cabinet()) {
                e8FileSize = reader.read(1) == 0 ? 0 : reader.read(16) << 16 | reader.read(16);
            } else {
                e8FileSize = LzxFormat.WIM_E8_FILE_SIZE;
            }
            headerRead = true;
        }
        if (windowPos == windowSize) {
            windowPos = 0;
        }
        if (outLen > windowSize - windowPos) {
            throw new IllegalArgumentException("an LZX frame may not wrap around the window");
        }
        int frameStart = windowPos;
        int frameEnd = windowPos + outLen;
        while (windowPos < frameEnd) {
            if (blockRemaining <= 0) {
                readBlockHeader();
            }
            int limit = windowPos + Math.min(blockRemaining, frameEnd - windowPos);
            int start = windowPos;
            if (blockType == BLOCKTYPE_UNCOMPRESSED) {
                reader.readBytes(window, windowPos, limit - windowPos);
                windowPos = limit;
                if (blockRemaining == limit - start && (blockSize & 1) != 0) {
                    reader.skipPaddingByte();
                }
            } else {
                decodeSymbols(limit, frameStart, frameEnd);
            }
            blockRemaining -= windowPos - start;
        }
        System.arraycopy(window, frameStart, out, outOff, outLen);
        if (e8FileSize != 0 && (!format.cabinet() || frameIndex < 32768)) {
            LzxConstants.e8Translate(out, outOff, outLen, format.cabinet() ? streamPos : 0, e8FileSize, false);
        }
        streamPos += outLen;
        frameIndex++;
    }

    private void readBlockHeader() throws CompressionException {
        int overrun = blockRemaining;
        blockType = reader.read(3);
        if (format.cabinet()) {
            blockSize = reader.read(16) << 8 | reader.read(8);
        } else if (reader.read(1) == 1) {
            blockSize = DEFAULT_BLOCK_SIZE;
        } else {
            blockSize = reader.read(16);
            if (windowSize >= 1 << 16) {
                blockSize = blockSize << 8 | reader.read(8);
            }
        }
        switch (blockType) {
            case BLOCKTYPE_ALIGNED -> {
                for (int i = 0; i < ALIGNED_SYMBOLS; i++) {
                    alignedLengths[i] = (byte) reader.read(3);
                }
                alignedCode.build(alignedLengths, 0, ALIGNED_SYMBOLS, "LZX aligned offset code");
                readMainAndLengthCodes();
            }
            case BLOCKTYPE_VERBATIM -> readMainAndLengthCodes();
            case BLOCKTYPE_UNCOMPRESSED -> {
                if (overrun < 0) {
                    throw new CompressionException("an LZX match runs into the following uncompressed block;"
                            + " the data is damaged");
                }
                reader.alignToWord();
                r0 = reader.readLE32();
                r1 = reader.readLE32();
                r2 = reader.readLE32();
                if (r0 <= 0 || r1 <= 0 || r2 <= 0) {
                    throw new CompressionException("an LZX uncompressed block header holds the repeat offsets "
                            + Integer.toUnsignedString(r0) + ", " + Integer.toUnsignedString(r1) + ", "
                            + Integer.toUnsignedString(r2) + "; offsets are at least 1, the data is damaged");
                }
            }
            default -> throw new CompressionException("the LZX data holds a block of type " + blockType
                    + ", which is none of 1 (verbatim), 2 (aligned offset) and 3 (uncompressed); the data is damaged");
        }
        blockRemaining = blockSize + overrun;
        if (blockRemaining <= 0) {
            throw new CompressionException("an LZX block of " + blockSize + " bytes is empty or shorter than the"
                    + " match that ran into it; the data is damaged");
        }
    }

    private void readMainAndLengthCodes() throws CompressionException {
        readLengths(mainLengths, 0, NUM_CHARS);
        readLengths(mainLengths, NUM_CHARS, mainSymbols - NUM_CHARS);
        mainCode.build(mainLengths, 0, mainSymbols, "LZX main code");
        readLengths(lengthLengths, 0, LENGTH_SYMBOLS);
        lengthCode.build(lengthLengths, 0, LENGTH_SYMBOLS, "LZX length code");
    }

    /** Reads a pretree, then codeword lengths coded as deltas from the previous block's with run-length codes. */
    private void readLengths(byte[] lengths, int from, int count) throws CompressionException {
        for (int i = 0; i < PRETREE_SYMBOLS; i++) {
            preLengths[i] = (byte) reader.read(4);
        }
        preCode.build(preLengths, 0, PRETREE_SYMBOLS, "LZX pretree");
        int i = from;
        int end = from + count;
        while (i < end) {
            int symbol = preCode.decode(reader);
            if (symbol <= 16) {
                lengths[i] = (byte) ((lengths[i] - symbol + 17) % 17);
                i++;
                continue;
            }
            int run;
            byte value;
            if (symbol == 17) {
                run = 4 + reader.read(4);
                value = 0;
            } else if (symbol == 18) {
                run = 20 + reader.read(5);
                value = 0;
            } else {
                run = 4 + reader.read(1);
                int delta = preCode.decode(reader);
                if (delta > 16) {
                    throw new CompressionException("the LZX pretree codes a run of the length delta " + delta
                            + ", which is no delta; the data is damaged");
                }
                // the delta applies to the first length of the run; the result repeats
                value = (byte) ((lengths[i] - delta + 17) % 17);
            }
            int runEnd = Math.min(i + run, end);
            Arrays.fill(lengths, i, runEnd, value);
            i = runEnd;
        }
    }

    /**
     * Decodes literals and matches up to {@code limit}. The bit buffer lives in local variables here (the hot loop
     * of the decoder): refilled 32 bits at a time while the input lasts, through {@link BitReader#ensure} near its
     * end, and stored back at the end.
     */
    private void decodeSymbols(int limit, int frameStart, int frameEnd) throws CompressionException {
        final byte[] win = window;
        final boolean aligned = blockType == BLOCKTYPE_ALIGNED;
        final BitReader r = reader;
        final byte[] in = r.in;
        final int inEnd = r.end;
        final HuffmanDecoder main = mainCode;
        int ip = r.pos;
        long buf = r.buffer;
        int bits = r.bitCount;
        int pos = windowPos;
        while (pos < limit) {
            // The 32-bit refill is written out here and before the offset bits below, on purpose: the bit state stays
            // in locals in this hot loop (a shared method would have to hand three values back through the reader).
            if (bits < 32) {
                if (ip + 4 <= inEnd) {
                    buf = buf << 32 | (in[ip] & 0xFFL) << 16 | (in[ip + 1] & 0xFFL) << 24 | (in[ip + 2] & 0xFF)
                            | (in[ip + 3] & 0xFF) << 8;
                    ip += 4;
                    bits += 32;
                } else {
                    r.pos = ip;
                    r.buffer = buf;
                    r.bitCount = bits;
                    r.ensure(32);
                    ip = r.pos;
                    buf = r.buffer;
                    bits = r.bitCount;
                }
            }
            int entry = main.lookup((int) (buf >>> (bits - MAX_CODEWORD_LENGTH)) & 0xFFFF);
            bits -= entry & 0xFF;
            int symbol = entry >>> 8;
            if (symbol < NUM_CHARS) {
                win[pos++] = (byte) symbol;
                continue;
            }
            symbol -= NUM_CHARS;
            int length = symbol & 7;
            int slot = symbol >>> 3;
            if (length == NUM_PRIMARY_LENS) {
                entry = lengthCode.lookup((int) (buf >>> (bits - MAX_CODEWORD_LENGTH)) & 0xFFFF);
                bits -= entry & 0xFF;
                length += entry >>> 8;
            }
            length += MIN_MATCH;
            int offset;
            if (slot == 0) {
                offset = r0;
            } else if (slot == 1) {
                offset = r1;
                r1 = r0;
                r0 = offset;
            } else if (slot == 2) {
                offset = r2;
                r2 = r0;
                r0 = offset;
            } else {
                if (bits < 32) {
                    if (ip + 4 <= inEnd) {
                        buf = buf << 32 | (in[ip] & 0xFFL) << 16 | (in[ip + 1] & 0xFFL) << 24 | (in[ip + 2] & 0xFF)
                                | (in[ip + 3] & 0xFF) << 8;
                        ip += 4;
                        bits += 32;
                    } else {
                        r.pos = ip;
                        r.buffer = buf;
                        r.bitCount = bits;
                        r.ensure(32);
                        ip = r.pos;
                        buf = r.buffer;
                        bits = r.bitCount;
                    }
                }
                int extra = EXTRA_BITS[slot];
                offset = SLOT_BASE[slot];
                if (aligned && extra >= 3) {
                    bits -= extra - 3;
                    offset += ((int) (buf >>> bits) & ((1 << (extra - 3)) - 1)) << 3;
                    entry = alignedCode.lookup((int) (buf >>> (bits - MAX_ALIGNED_CODEWORD_LENGTH))
                            & ((1 << MAX_ALIGNED_CODEWORD_LENGTH) - 1));
                    bits -= entry & 0xFF;
                    offset += entry >>> 8;
                } else {
                    bits -= extra;
                    offset += (int) (buf >>> bits) & ((1 << extra) - 1);
                }
                offset -= OFFSET_ADJUSTMENT;
                r2 = r1;
                r1 = r0;
                r0 = offset;
            }
            if (length > frameEnd - pos) {
                throw new CompressionException("an LZX match of " + length + " bytes runs past the end of the "
                        + (frameEnd - frameStart) + " bytes of its frame; the data is damaged");
            }
            int src = pos - offset;
            if (src >= 0 && offset >= 8 && length + 8 <= frameEnd - pos) {
                // eight bytes at a time, as in XPRESS: the bytes written past the match are the frame's, decoded later
                LzCopy.copyWords(win, src, pos, length);
            } else if (src >= 0 && offset >= length && length <= 32) {
                for (int i = 0; i < length; i++) {
                    win[pos + i] = win[src + i];
                }
            } else {
                copyMatch(pos, offset, length, frameStart);
            }
            pos += length;
        }
        r.pos = ip;
        r.buffer = buf;
        r.bitCount = bits;
        windowPos = pos;
    }

    private void copyMatch(int pos, int offset, int length, int frameStart) throws CompressionException {
        byte[] win = window;
        int src = pos - offset;
        if (src >= 0 && offset >= length) {
            System.arraycopy(win, src, win, pos, length);
            return;
        }
        long available = format.cabinet() ? streamPos + (pos - frameStart) : pos;
        if (offset > available || offset > windowSize) {
            throw new CompressionException("an LZX match refers " + offset + " bytes back at position "
                    + available + ", before the start of the data; the data is damaged");
        }
        if (src >= 0) {
            LzCopy.copy(win, src, pos, length);
        } else {
            int mask = windowSize - 1;
            for (int i = 0; i < length; i++) {
                win[pos + i] = win[(src + i) & mask];
            }
        }
    }
}
