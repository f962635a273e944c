package org.imagesmith.compression;

import static org.imagesmith.compression.LzxConstants.*;

import java.util.Arrays;
import java.util.Objects;

/**
 * Compresses to LZX: one verbatim or aligned-offset block per chunk or frame (aligned when its code saves more than
 * its tree costs), with matches from {@link LzxParser} (lazy evaluation over hash chains and the repeat offsets R0-R2)
 * and codeword lengths coded with the pretree's run-length symbols. WIM flavour: each
 * chunk independently ({@link #compress}). Cabinet flavour: a folder's stream frame by frame ({@link #reset}, then
 * {@link #compressNextFrame} per 32 KiB frame, one CFDATA block each); a frame that does not compress becomes an
 * uncompressed block. Matches stay within a chunk or frame. Reusable, not thread-safe.
 */
public final class LzxCompressor {
    private final LzxFormat format;
    private final int cabinetE8FileSize;
    private final int mainSymbols;
    /** Hash chain links followed per position: the search effort. */
    private static final int MAX_CHAIN = 48;
    private final LzxParser parser;
    private final BitWriter writer = new BitWriter();
    private final int[] mainFrequencies = new int[MAX_MAIN_SYMBOLS];
    private final int[] lengthFrequencies = new int[LENGTH_SYMBOLS];
    private final int[] preFrequencies = new int[PRETREE_SYMBOLS];
    private final int[] alignedFrequencies = new int[ALIGNED_SYMBOLS];
    private final byte[] alignedLengths = new byte[ALIGNED_SYMBOLS];
    private final int[] alignedCodes = new int[ALIGNED_SYMBOLS];
    /** Pretree items of a length table: symbol | extra bits << 8 | (symbol 19) delta symbol << 16. */
    private final int[] preItems = new int[MAX_MAIN_SYMBOLS];
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
        this.parser = new LzxParser(MAX_MATCH, format.windowSize() - 3, MAX_CHAIN);
        reset();
    }

    /** Starts a new stream (cabinet flavour: a new folder). */
    public void reset() {
        Arrays.fill(previousMain, (byte) 0);
        Arrays.fill(previousLength, (byte) 0);
        parser.resetRepeatOffsets();
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
        writeCompressedBlock(inLen);
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
            parser.resetRepeatOffsets();
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

    private void writeCompressedBlock(int size) {
        // a first parse with guessed costs, a second with the costs of the code the first one gives
        parser.useDefaultCosts();
        parser.parse(work, 0, size);
        countFrequencies();
        huffman.buildLengths(mainFrequencies, mainSymbols, MAX_CODEWORD_LENGTH, mainLengths);
        huffman.buildLengths(lengthFrequencies, LENGTH_SYMBOLS, MAX_CODEWORD_LENGTH, lengthLengths);
        parser.useCosts(mainLengths, mainSymbols, lengthLengths);
        parser.rewind();
        parser.parse(work, 0, size);
        countFrequencies();
        huffman.buildLengths(mainFrequencies, mainSymbols, MAX_CODEWORD_LENGTH, mainLengths);
        HuffmanEncoder.assignCodes(mainLengths, mainSymbols, MAX_CODEWORD_LENGTH, mainCodes);
        huffman.buildLengths(lengthFrequencies, LENGTH_SYMBOLS, MAX_CODEWORD_LENGTH, lengthLengths);
        HuffmanEncoder.assignCodes(lengthLengths, LENGTH_SYMBOLS, MAX_CODEWORD_LENGTH, lengthCodes);
        boolean aligned = alignedBlockPays();

        writeBlockHeader(aligned ? BLOCKTYPE_ALIGNED : BLOCKTYPE_VERBATIM, size);
        if (aligned) {
            HuffmanEncoder.assignCodes(alignedLengths, ALIGNED_SYMBOLS, MAX_ALIGNED_CODEWORD_LENGTH, alignedCodes);
            for (int i = 0; i < ALIGNED_SYMBOLS; i++) {
                writer.write(alignedLengths[i], 3);
            }
        }
        writeLengths(mainLengths, previousMain, 0, NUM_CHARS);
        writeLengths(mainLengths, previousMain, NUM_CHARS, mainSymbols - NUM_CHARS);
        writeLengths(lengthLengths, previousLength, 0, LENGTH_SYMBOLS);

        int pos = 0;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                int symbol = work[pos++] & 0xFF;
                writer.write(mainCodes[symbol], mainLengths[symbol]);
                continue;
            }
            int formatted = parser.formattedOffset(i);
            int slot = slotOf(formatted);
            int header = Math.min(length - MIN_MATCH, NUM_PRIMARY_LENS);
            int symbol = NUM_CHARS + slot * 8 + header;
            writer.write(mainCodes[symbol], mainLengths[symbol]);
            if (header == NUM_PRIMARY_LENS) {
                int lengthSymbol = length - MIN_MATCH - NUM_PRIMARY_LENS;
                writer.write(lengthCodes[lengthSymbol], lengthLengths[lengthSymbol]);
            }
            int extra = EXTRA_BITS[slot];
            int value = formatted - SLOT_BASE[slot];
            if (aligned && extra >= 3) {
                writer.write(value >>> 3, extra - 3);
                writer.write(alignedCodes[value & 7], alignedLengths[value & 7]);
            } else {
                writer.write(value, extra);
            }
            pos += length;
        }
    }

    /** Counts the symbols of the parser's items: main, length and aligned offset symbols. */
    private void countFrequencies() {
        Arrays.fill(mainFrequencies, 0);
        Arrays.fill(lengthFrequencies, 0);
        Arrays.fill(alignedFrequencies, 0);
        int pos = 0;
        for (int i = 0; i < parser.count(); i++) {
            int length = parser.length(i);
            if (length == 0) {
                mainFrequencies[work[pos++] & 0xFF]++;
                continue;
            }
            int formatted = parser.formattedOffset(i);
            int slot = slotOf(formatted);
            int header = Math.min(length - MIN_MATCH, NUM_PRIMARY_LENS);
            mainFrequencies[NUM_CHARS + slot * 8 + header]++;
            if (header == NUM_PRIMARY_LENS) {
                lengthFrequencies[length - MIN_MATCH - NUM_PRIMARY_LENS]++;
            }
            if (EXTRA_BITS[slot] >= 3) {
                alignedFrequencies[(formatted - SLOT_BASE[slot]) & 7]++;
            }
            pos += length;
        }
    }

    /** Builds the aligned offset code and tells whether it saves more bits than its 24-bit tree costs. */
    private boolean alignedBlockPays() {
        huffman.buildLengths(alignedFrequencies, ALIGNED_SYMBOLS, MAX_ALIGNED_CODEWORD_LENGTH, alignedLengths);
        long verbatimBits = 0;
        long alignedBits = 3L * ALIGNED_SYMBOLS;
        for (int i = 0; i < ALIGNED_SYMBOLS; i++) {
            verbatimBits += 3L * alignedFrequencies[i];
            alignedBits += (long) alignedFrequencies[i] * alignedLengths[i];
        }
        return alignedBits < verbatimBits;
    }

    /**
     * Writes a pretree and the lengths as deltas from the previous block's, with runs of zeros (symbols 17 and 18)
     * and of equal lengths over equal previous lengths (symbol 19) run-length coded.
     */
    private void writeLengths(byte[] lengths, byte[] previous, int from, int count) {
        int items = 0;
        int end = from + count;
        int i = from;
        while (i < end) {
            int length = lengths[i];
            int run = 1;
            while (i + run < end && lengths[i + run] == length
                    && (length == 0 || previous[i + run] == previous[i])) {
                run++;
            }
            if (length == 0) {
                while (run >= 20) {
                    int r = Math.min(run, 51);
                    preItems[items++] = 18 | (r - 20) << 8;
                    i += r;
                    run -= r;
                }
                if (run >= 4) {
                    preItems[items++] = 17 | (run - 4) << 8;
                    i += run;
                    run = 0;
                }
            } else {
                while (run >= 4) {
                    int r = Math.min(run, 5);
                    preItems[items++] = 19 | (r - 4) << 8 | delta(lengths, previous, i) << 16;
                    i += r;
                    run -= r;
                }
            }
            for (; run > 0; run--, i++) {
                preItems[items++] = delta(lengths, previous, i);
            }
        }
        Arrays.fill(preFrequencies, 0);
        for (int k = 0; k < items; k++) {
            int symbol = preItems[k] & 0xFF;
            preFrequencies[symbol]++;
            if (symbol == 19) {
                preFrequencies[preItems[k] >>> 16]++;
            }
        }
        huffman.buildLengths(preFrequencies, PRETREE_SYMBOLS, MAX_PRE_CODEWORD_LENGTH, preLengths);
        HuffmanEncoder.assignCodes(preLengths, PRETREE_SYMBOLS, MAX_PRE_CODEWORD_LENGTH, preCodes);
        for (int k = 0; k < PRETREE_SYMBOLS; k++) {
            writer.write(preLengths[k], 4);
        }
        for (int k = 0; k < items; k++) {
            int symbol = preItems[k] & 0xFF;
            writer.write(preCodes[symbol], preLengths[symbol]);
            int extra = (preItems[k] >>> 8) & 0xFF;
            switch (symbol) {
                case 17 -> writer.write(extra, 4);
                case 18 -> writer.write(extra, 5);
                case 19 -> {
                    writer.write(extra, 1);
                    int delta = preItems[k] >>> 16;
                    writer.write(preCodes[delta], preLengths[delta]);
                }
                default -> {
                }
            }
        }
        System.arraycopy(lengths, from, previous, from, count);
    }

    private static int delta(byte[] lengths, byte[] previous, int i) {
        return (previous[i] - lengths[i] + 17) % 17;
    }
}
