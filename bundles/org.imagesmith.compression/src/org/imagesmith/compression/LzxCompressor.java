package org.imagesmith.compression;

import static org.imagesmith.compression.LzxConstants.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compresses to LZX with verbatim blocks and lazy matches over hash chains (no repeat offsets). WIM flavour: each
 * chunk independently ({@link #compress}). Cabinet flavour: a folder's stream frame by frame ({@link #reset}, then
 * {@link #compressNextFrame} per 32 KiB frame, one CFDATA block each); a frame that does not compress becomes an
 * uncompressed block. Matches stay within a chunk or frame. Reusable, not thread-safe.
 */
public final class LzxCompressor {
    private final LzxFormat format;
    private final int cabinetE8FileSize;
    private final int mainSymbols;
    private final LzParser parser;
    private final BitWriter writer = new BitWriter();
    private final int[] mainFrequencies = new int[MAX_MAIN_SYMBOLS];
    private final int[] lengthFrequencies = new int[LENGTH_SYMBOLS];
    private final int[] preFrequencies = new int[PRETREE_SYMBOLS];
    private final byte[] mainLengths = new byte[MAX_MAIN_SYMBOLS];
    private final byte[] lengthLengths = new byte[LENGTH_SYMBOLS];
    private final byte[] preLengths = new byte[PRETREE_SYMBOLS];
    private final int[] mainCodes = new int[MAX_MAIN_SYMBOLS];
    private final int[] lengthCodes = new int[LENGTH_SYMBOLS];
    private final int[] preCodes = new int[PRETREE_SYMBOLS];
    /** The previous block's lengths, which the next block's are coded against. */
    private final byte[] previousMain = new byte[MAX_MAIN_SYMBOLS];
    private final byte[] previousLength = new byte[LENGTH_SYMBOLS];
    private final byte[] savedMain = new byte[MAX_MAIN_SYMBOLS];
    private final byte[] savedLength = new byte[LENGTH_SYMBOLS];
    private final HuffmanEncoder huffman = new HuffmanEncoder(MAX_MAIN_SYMBOLS);
    private byte[] work = new byte[0];
    private byte[] scratch = new byte[0];
    private long streamPos;
    private int frameIndex;

    /** An encoder for the WIM flavour, or the cabinet flavour without E8 translation. */
    public LzxCompressor(LzxFormat format) {
        this(format, 0);
    }

    /**
     * An encoder; for the cabinet flavour {@code cabinetE8FileSize} is the E8 translation size written in the
     * stream header (0 for none).
     */
    public LzxCompressor(LzxFormat format, int cabinetE8FileSize) {
        this.format = format;
        this.cabinetE8FileSize = cabinetE8FileSize;
        this.mainSymbols = format.mainSymbols();
        this.parser = new LzParser(3, MAX_MATCH, format.windowSize() - 3, 32);
        reset();
    }

    /** Starts a new stream (cabinet flavour: a new folder). */
    public void reset() {
        Arrays.fill(previousMain, (byte) 0);
        Arrays.fill(previousLength, (byte) 0);
        streamPos = 0;
        frameIndex = 0;
    }

    /**
     * Compresses one WIM chunk and returns the compressed size, or 0 when it would not be smaller than the input
     * or not fit in {@code outCapacity} bytes (WIM files then store the chunk raw).
     */
    public int compress(byte[] in, int inOff, int inLen, byte[] dst, int dstOff, int outCapacity) {
        if (format.cabinet()) {
            throw new IllegalStateException("use compressNextFrame for the cabinet flavour");
        }
        reset();
        int size = encodeFrame(in, inOff, inLen, false);
        if (size >= inLen || size > outCapacity) {
            return 0;
        }
        Objects.checkFromIndexSize(dstOff, size, dst.length);
        System.arraycopy(scratch, 0, dst, dstOff, size);
        return size;
    }

    /**
     * Compresses the next frame of a cabinet stream (at most 32768 bytes; only the last frame may be shorter) and
     * returns the size of its CFDATA payload, which never exceeds {@code inLen + 32}.
     */
    public int compressNextFrame(byte[] in, int inOff, int inLen, byte[] dst, int dstOff) {
        if (!format.cabinet()) {
            throw new IllegalStateException("use compress for the WIM flavour");
        }
        if (inLen <= 0 || inLen > LzxFormat.CAB_FRAME_SIZE) {
            throw new IllegalArgumentException("a cabinet frame has 1 to 32768 bytes, not " + inLen);
        }
        int size = encodeFrame(in, inOff, inLen, true);
        System.arraycopy(scratch, 0, dst, dstOff, size);
        streamPos += inLen;
        frameIndex++;
        return size;
    }

    private int encodeFrame(byte[] in, int inOff, int inLen, boolean rawFallback) {
        Objects.checkFromIndexSize(inOff, inLen, in.length);
        int maxFrame = format.cabinet() ? LzxFormat.CAB_FRAME_SIZE : format.windowSize();
        if (inLen > maxFrame) {
            throw new IllegalArgumentException("an LZX frame of this format has at most " + maxFrame + " bytes");
        }
        if (work.length < inLen) {
            work = new byte[inLen];
        }
        System.arraycopy(in, inOff, work, 0, inLen);
        int e8 = format.cabinet() ? cabinetE8FileSize : LzxFormat.WIM_E8_FILE_SIZE;
        if (e8 != 0 && (!format.cabinet() || frameIndex < 32768)) {
            e8Translate(work, 0, inLen, format.cabinet() ? streamPos : 0, e8, true);
        }
        int bound = 2 * inLen + 4096; // literals of up to 16 bits and three coded trees
        if (scratch.length < bound) {
            scratch = new byte[bound];
        }
        writer.init(scratch, 0);
        boolean first = format.cabinet() && frameIndex == 0;
        writeStreamHeader(first);
        System.arraycopy(previousMain, 0, savedMain, 0, mainSymbols);
        System.arraycopy(previousLength, 0, savedLength, 0, LENGTH_SYMBOLS);
        writeVerbatimBlock(inLen);
        writer.flush();
        int size = writer.position();
        if (rawFallback && size > inLen + 16) {
            // the decoder will not see this block's trees: the next block's are coded against the earlier ones
            System.arraycopy(savedMain, 0, previousMain, 0, mainSymbols);
            System.arraycopy(savedLength, 0, previousLength, 0, LENGTH_SYMBOLS);
            writer.init(scratch, 0);
            writeStreamHeader(first);
            writeBlockHeader(BLOCKTYPE_UNCOMPRESSED, inLen);
            writer.alignForRawBytes();
            writer.writeLE32(1);
            writer.writeLE32(1);
            writer.writeLE32(1);
            writer.writeRawBytes(work, 0, inLen);
            if ((inLen & 1) != 0) {
                writer.writeRawByte(0);
            }
            size = writer.position();
        }
        return size;
    }

    /** The E8 header bit (and translation size) that starts a cabinet stream. */
    private void writeStreamHeader(boolean first) {
        if (!first) {
            return;
        }
        writer.write(cabinetE8FileSize != 0 ? 1 : 0, 1);
        if (cabinetE8FileSize != 0) {
            writer.write(cabinetE8FileSize >>> 16, 16);
            writer.write(cabinetE8FileSize & 0xFFFF, 16);
        }
    }

    private void writeBlockHeader(int type, int size) {
        writer.write(type, 3);
        if (format.cabinet()) {
            writer.write(size >>> 8, 16);
            writer.write(size & 0xFF, 8);
        } else if (size == DEFAULT_BLOCK_SIZE) {
            writer.write(1, 1);
        } else {
            writer.write(0, 1);
            if (format.windowSize() >= 1 << 16) {
                writer.write(size >>> 8, 16);
                writer.write(size & 0xFF, 8);
            } else {
                writer.write(size, 16);
            }
        }
    }

    private void writeVerbatimBlock(int size) {
        parser.parse(work, 0, size);
        Arrays.fill(mainFrequencies, 0);
        Arrays.fill(lengthFrequencies, 0);
        int pos = 0;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                mainFrequencies[work[pos++] & 0xFF]++;
                continue;
            }
            int formatted = parser.offset(i) + OFFSET_ADJUSTMENT;
            int header = Math.min(length - MIN_MATCH, NUM_PRIMARY_LENS);
            mainFrequencies[NUM_CHARS + slotOf(formatted) * 8 + header]++;
            if (header == NUM_PRIMARY_LENS) {
                lengthFrequencies[length - MIN_MATCH - NUM_PRIMARY_LENS]++;
            }
            pos += length;
        }
        huffman.buildLengths(mainFrequencies, mainSymbols, MAX_CODEWORD_LENGTH, mainLengths);
        HuffmanEncoder.assignCodes(mainLengths, mainSymbols, MAX_CODEWORD_LENGTH, mainCodes);
        huffman.buildLengths(lengthFrequencies, LENGTH_SYMBOLS, MAX_CODEWORD_LENGTH, lengthLengths);
        HuffmanEncoder.assignCodes(lengthLengths, LENGTH_SYMBOLS, MAX_CODEWORD_LENGTH, lengthCodes);

        writeBlockHeader(BLOCKTYPE_VERBATIM, size);
        writeLengths(mainLengths, previousMain, 0, NUM_CHARS);
        writeLengths(mainLengths, previousMain, NUM_CHARS, mainSymbols - NUM_CHARS);
        writeLengths(lengthLengths, previousLength, 0, LENGTH_SYMBOLS);

        pos = 0;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                int symbol = work[pos++] & 0xFF;
                writer.write(mainCodes[symbol], mainLengths[symbol]);
                continue;
            }
            int formatted = parser.offset(i) + OFFSET_ADJUSTMENT;
            int slot = slotOf(formatted);
            int header = Math.min(length - MIN_MATCH, NUM_PRIMARY_LENS);
            int symbol = NUM_CHARS + slot * 8 + header;
            writer.write(mainCodes[symbol], mainLengths[symbol]);
            if (header == NUM_PRIMARY_LENS) {
                int lengthSymbol = length - MIN_MATCH - NUM_PRIMARY_LENS;
                writer.write(lengthCodes[lengthSymbol], lengthLengths[lengthSymbol]);
            }
            writer.write(formatted - SLOT_BASE[slot], EXTRA_BITS[slot]);
            pos += length;
        }
    }

    /** Writes a pretree and the lengths as deltas from the previous block's (no run-length codes). */
    private void writeLengths(byte[] lengths, byte[] previous, int from, int count) {
        Arrays.fill(preFrequencies, 0);
        for (int i = from; i < from + count; i++) {
            preFrequencies[(previous[i] - lengths[i] + 17) % 17]++;
        }
        huffman.buildLengths(preFrequencies, PRETREE_SYMBOLS, MAX_PRE_CODEWORD_LENGTH, preLengths);
        HuffmanEncoder.assignCodes(preLengths, PRETREE_SYMBOLS, MAX_PRE_CODEWORD_LENGTH, preCodes);
        for (int i = 0; i < PRETREE_SYMBOLS; i++) {
            writer.write(preLengths[i], 4);
        }
        for (int i = from; i < from + count; i++) {
            int delta = (previous[i] - lengths[i] + 17) % 17;
            writer.write(preCodes[delta], preLengths[delta]);
            previous[i] = lengths[i];
        }
    }
}
