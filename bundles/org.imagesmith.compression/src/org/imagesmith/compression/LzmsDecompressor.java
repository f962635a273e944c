package org.imagesmith.compression;

import java.util.Arrays;
import java.util.Objects;

/**
 * Decompresses LZMS as WIM files use it (one independent buffer per chunk; solid resources use chunks up to
 * 64 MiB). The format is undocumented; this follows its public descriptions (wimlib): a range-coded stream read
 * forwards selects the item types with adaptive probabilities, and a bitstream read backwards from the end holds
 * adaptive Huffman codes (literals, LZ offsets, lengths, delta offsets, delta powers) rebuilt every 512 or 1024
 * symbols; LZ and delta matches have three repeat offsets whose insertion is delayed by one item; an x86
 * address filter is undone at the end. Tables are allocated once; reuse the object, not thread-safe.
 */
public final class LzmsDecompressor implements ChunkDecompressor {
    /** The largest buffer LZMS describes (offsets and lengths stay below 2^30). */
    public static final int MAX_BUFFER_SIZE = 1 << 30;

    private static final int MAX_CODEWORD_LENGTH = 15;
    private static final int NUM_LITERAL_SYMBOLS = 256;
    private static final int NUM_LENGTH_SYMBOLS = 54;
    private static final int NUM_DELTA_POWER_SYMBOLS = 8;
    private static final int MAX_OFFSET_SYMBOLS = 799;
    private static final int PROBABILITY_BITS = 6;
    private static final int INITIAL_PROBABILITY = 48;
    private static final long INITIAL_RECENT_BITS = 0x0000_0000_5555_5555L;
    private static final int X86_ID_WINDOW_SIZE = 65535;
    private static final int X86_MAX_TRANSLATION_OFFSET = 1023;

    /** Extra bits of the offset slots as (bits, number of slots) runs; slot bases follow from them, from 1. */
    private static final int[][] OFFSET_EXTRA_BITS_RUNS = {{0, 8}, {2, 9}, {3, 7}, {4, 10}, {5, 15}, {6, 15},
        {7, 20}, {8, 20}, {9, 30}, {10, 33}, {11, 40}, {12, 42}, {13, 45}, {14, 60}, {15, 73}, {16, 80}, {17, 85},
        {18, 95}, {19, 105}, {20, 6}, {30, 1}};
    private static final int[][] LENGTH_EXTRA_BITS_RUNS = {{0, 26}, {1, 4}, {2, 6}, {3, 4}, {4, 5}, {5, 2},
        {6, 1}, {7, 1}, {8, 1}, {9, 1}, {10, 1}, {16, 1}, {30, 1}};
    static final int[] OFFSET_EXTRA_BITS = expand(OFFSET_EXTRA_BITS_RUNS);
    static final long[] OFFSET_SLOT_BASE = bases(OFFSET_EXTRA_BITS);
    static final int[] LENGTH_EXTRA_BITS = expand(LENGTH_EXTRA_BITS_RUNS);
    static final long[] LENGTH_SLOT_BASE = bases(LENGTH_EXTRA_BITS);

    private static int[] expand(int[][] runs) {
        int count = 0;
        for (int[] run : runs) {
            count += run[1];
        }
        int[] bits = new int[count];
        int i = 0;
        for (int[] run : runs) {
            Arrays.fill(bits, i, i + run[1], run[0]);
            i += run[1];
        }
        return bits;
    }

    private static long[] bases(int[] extraBits) {
        long[] base = new long[extraBits.length + 1];
        base[0] = 1;
        for (int i = 0; i < extraBits.length; i++) {
            base[i + 1] = base[i] + (1L << extraBits[i]);
        }
        return base;
    }

    // probability contexts: state = the last 4, 5 or 6 bits decoded in the context
    private final Context mainContext = new Context(16);
    private final Context matchContext = new Context(32);
    private final Context lzContext = new Context(64);
    private final Context deltaContext = new Context(64);
    private final Context[] lzRepContexts = {new Context(64), new Context(64)};
    private final Context[] deltaRepContexts = {new Context(64), new Context(64)};

    private final HuffmanEncoder builder = new HuffmanEncoder(MAX_OFFSET_SYMBOLS);
    private final AdaptiveCode literalCode = new AdaptiveCode(NUM_LITERAL_SYMBOLS, 1024, 10);
    private final AdaptiveCode lzOffsetCode = new AdaptiveCode(MAX_OFFSET_SYMBOLS, 1024, 10);
    private final AdaptiveCode lengthCode = new AdaptiveCode(NUM_LENGTH_SYMBOLS, 512, 10);
    private final AdaptiveCode deltaOffsetCode = new AdaptiveCode(MAX_OFFSET_SYMBOLS, 1024, 10);
    private final AdaptiveCode deltaPowerCode = new AdaptiveCode(NUM_DELTA_POWER_SYMBOLS, 512, 8);
    private final int[] lastTargetUsages = new int[65536];

    private final long[] recentLzOffsets = new long[4];
    private final long[] recentDeltaPairs = new long[4];

    // range decoder, reading 16-bit words forwards
    private byte[] in;
    private int rangeNext;
    private int rangeEnd;
    private long range;
    private long code;
    // bitstream, reading 16-bit words backwards
    private int bitsBegin;
    private int bitsNext;
    private long bitBuffer;
    private int bitCount;
    private int bitOverrun;

    /** The probability entries of one binary decision class. */
    private static final class Context {
        final int[] zeroCounts;
        final long[] recentBits;
        int state;

        Context(int states) {
            zeroCounts = new int[states];
            recentBits = new long[states];
        }

        void reset() {
            Arrays.fill(zeroCounts, INITIAL_PROBABILITY);
            Arrays.fill(recentBits, INITIAL_RECENT_BITS);
            state = 0;
        }
    }

    /** A Huffman code rebuilt from the symbol frequencies after every {@code rebuildInterval} symbols. */
    private final class AdaptiveCode {
        final int rebuildInterval;
        final int[] frequencies;
        final byte[] lengths;
        final HuffmanDecoder decoder;
        int symbols;
        int untilRebuild;

        AdaptiveCode(int maxSymbols, int rebuildInterval, int tableBits) {
            this.rebuildInterval = rebuildInterval;
            this.frequencies = new int[maxSymbols];
            this.lengths = new byte[Math.max(2, maxSymbols)];
            this.decoder = new HuffmanDecoder(maxSymbols, tableBits, MAX_CODEWORD_LENGTH);
        }

        void reset(int symbolCount) throws CompressionException {
            symbols = symbolCount;
            Arrays.fill(frequencies, 0, symbolCount, 1);
            rebuild();
        }

        void rebuild() throws CompressionException {
            builder.buildLengths(frequencies, symbols, MAX_CODEWORD_LENGTH, lengths);
            decoder.build(lengths, 0, symbols, "LZMS Huffman code");
            untilRebuild = rebuildInterval;
        }

        int decode() throws CompressionException {
            ensureBits(MAX_CODEWORD_LENGTH);
            int entry = decoder.lookup((int) (bitBuffer >>> (bitCount - MAX_CODEWORD_LENGTH)) & 0x7FFF);
            bitCount -= entry & 0xFF;
            int symbol = entry >>> 8;
            frequencies[symbol]++;
            if (--untilRebuild == 0) {
                rebuild();
                for (int s = 0; s < symbols; s++) {
                    frequencies[s] = (frequencies[s] >>> 1) + 1;
                }
            }
            return symbol;
        }
    }

    @Override
    public void decompress(byte[] input, int inOff, int inLen, byte[] out, int outOff, int outLen)
            throws CompressionException {
        Objects.checkFromIndexSize(inOff, inLen, input.length);
        Objects.checkFromIndexSize(outOff, outLen, out.length);
        if (outLen > MAX_BUFFER_SIZE) {
            throw new IllegalArgumentException("LZMS buffers have at most " + MAX_BUFFER_SIZE + " bytes, not " + outLen);
        }
        if (outLen == 0) {
            return;
        }
        if (inLen < 4 || (inLen & 1) != 0) {
            throw new CompressionException("LZMS compressed data has " + inLen + " bytes; it is a whole number of"
                    + " 16-bit words, at least 2; the data is truncated or damaged");
        }
        init(input, inOff, inLen, outLen);
        decodeItems(out, outOff, outLen);
        x86Filter(out, outOff, outLen, lastTargetUsages, true);
    }

    private void init(byte[] input, int inOff, int inLen, int outLen) throws CompressionException {
        in = input;
        for (int i = 0; i < 4; i++) {
            recentLzOffsets[i] = i + 1;
            recentDeltaPairs[i] = i + 1;
        }
        rangeNext = inOff + 4;
        rangeEnd = inOff + inLen;
        range = 0xFFFF_FFFFL;
        code = (long) word(inOff) << 16 | word(inOff + 2);
        bitsBegin = inOff;
        bitsNext = inOff + inLen;
        bitBuffer = 0;
        bitCount = 0;
        bitOverrun = 0;
        mainContext.reset();
        matchContext.reset();
        lzContext.reset();
        deltaContext.reset();
        for (int i = 0; i < 2; i++) {
            lzRepContexts[i].reset();
            deltaRepContexts[i].reset();
        }
        int offsetSlots = outLen < 2 ? 0 : 1 + slotOf(OFFSET_SLOT_BASE, outLen - 1);
        literalCode.reset(NUM_LITERAL_SYMBOLS);
        lzOffsetCode.reset(offsetSlots);
        lengthCode.reset(NUM_LENGTH_SYMBOLS);
        deltaOffsetCode.reset(offsetSlots);
        deltaPowerCode.reset(NUM_DELTA_POWER_SYMBOLS);
    }

    private int word(int at) {
        return (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8;
    }

    private static int slotOf(long[] bases, long value) {
        int lo = 0;
        int hi = bases.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bases[mid] <= value) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int decodeBit(Context context) {
        int state = context.state;
        int zeros = context.zeroCounts[state];
        int probability = zeros == 0 ? 1 : zeros == 64 ? 63 : zeros;
        if (range <= 0xFFFF) {
            range <<= 16;
            code = (code << 16) & 0xFFFF_FFFFL;
            if (rangeNext + 2 <= rangeEnd) {
                code |= word(rangeNext);
                rangeNext += 2;
            }
        }
        long bound = (range >>> PROBABILITY_BITS) * probability;
        int bit;
        if (code < bound) {
            range = bound;
            bit = 0;
        } else {
            range -= bound;
            code -= bound;
            bit = 1;
        }
        long recent = context.recentBits[state];
        context.zeroCounts[state] = zeros + (int) (recent >>> 63) - bit;
        context.recentBits[state] = recent << 1 | bit;
        context.state = (state << 1 | bit) & (context.zeroCounts.length - 1);
        return bit;
    }

    private void ensureBits(int n) throws CompressionException {
        while (bitCount < n) {
            int w;
            if (bitsNext - 2 >= bitsBegin) {
                bitsNext -= 2;
                w = word(bitsNext);
            } else {
                if (++bitOverrun > 8) {
                    throw new CompressionException("the LZMS compressed data ends before the data it should"
                            + " decompress to; it is truncated or damaged");
                }
                w = 0;
            }
            bitBuffer = bitBuffer << 16 | w;
            bitCount += 16;
        }
    }

    private int readBits(int n) throws CompressionException {
        if (n == 0) {
            return 0;
        }
        ensureBits(n);
        bitCount -= n;
        return (int) (bitBuffer >>> bitCount) & (int) ((1L << n) - 1);
    }

    private long decodeOffset(AdaptiveCode offsetCode) throws CompressionException {
        int slot = offsetCode.decode();
        return OFFSET_SLOT_BASE[slot] + readBits(OFFSET_EXTRA_BITS[slot]);
    }

    private void decodeItems(byte[] out, int start, int size) throws CompressionException {
        int pos = start;
        int end = start + size;
        long pendingLzOffset = 0;
        long pendingDeltaPair = 0;
        int lzStillPending = -1;
        int deltaStillPending = -1;
        long[] lz = recentLzOffsets;
        long[] delta = recentDeltaPairs;
        while (pos < end) {
            if (decodeBit(mainContext) == 0) {
                out[pos++] = (byte) literalCode.decode();
                continue;
            }
            if (decodeBit(matchContext) == 0) {
                if (pendingLzOffset != 0 && pos != lzStillPending) {
                    pushFront(lz, pendingLzOffset);
                    pendingLzOffset = 0;
                }
                long offset;
                if (decodeBit(lzContext) == 0) {
                    offset = decodeOffset(lzOffsetCode);
                } else {
                    offset = takeRepeat(lz, lzRepContexts);
                }
                if (pendingLzOffset != 0) {
                    pushFront(lz, pendingLzOffset);
                }
                pendingLzOffset = offset;
                long length = decodeLength();
                int len = (int) Math.min(length, Integer.MAX_VALUE);
                if (offset >= 8 && offset <= pos - start && len <= end - pos - 8) {
                    // eight bytes at a time: a word never reads what it writes, and the up to seven bytes written
                    // past the match lie inside the buffer, where later items overwrite them
                    LzCopy.copyWords(out, pos - (int) offset, pos, len);
                } else {
                    LzCopy.copyMatch(out, start, pos, end, (int) Math.min(offset, Integer.MAX_VALUE), len, "LZMS");
                }
                pos += len;
                lzStillPending = pos;
            } else {
                if (pendingDeltaPair != 0 && pos != deltaStillPending) {
                    pushFront(delta, pendingDeltaPair);
                    pendingDeltaPair = 0;
                }
                long pair;
                if (decodeBit(deltaContext) == 0) {
                    long power = deltaPowerCode.decode();
                    pair = power << 32 | decodeOffset(deltaOffsetCode);
                } else {
                    pair = takeRepeat(delta, deltaRepContexts);
                }
                if (pendingDeltaPair != 0) {
                    pushFront(delta, pendingDeltaPair);
                }
                pendingDeltaPair = pair;
                int power = (int) (pair >>> 32);
                long rawOffset = pair & 0xFFFF_FFFFL;
                long length = decodeLength();
                long span = 1L << power;
                long offset = rawOffset << power;
                if (power > 7 || offset + span > pos - start || length > end - pos) {
                    throw badMatch("delta", offset, length, pos - start, size);
                }
                int len = (int) length;
                int back = (int) offset;
                int s = (int) span;
                for (int i = 0; i < len; i++) {
                    int p = pos + i;
                    out[p] = (byte) (out[p - back] + out[p - s] - out[p - back - s]);
                }
                pos += len;
                deltaStillPending = pos;
            }
        }
    }

    private long decodeLength() throws CompressionException {
        int slot = lengthCode.decode();
        return LENGTH_SLOT_BASE[slot] + readBits(LENGTH_EXTRA_BITS[slot]);
    }

    /** Takes repeat offset 0, 1 or 2 (two range-coded decisions) out of the queue, shifting the rest up. */
    private long takeRepeat(long[] queue, Context[] decisions) {
        int index = decodeBit(decisions[0]) == 0 ? 0 : decodeBit(decisions[1]) == 0 ? 1 : 2;
        long value = queue[index];
        System.arraycopy(queue, index + 1, queue, index, 3 - index);
        return value;
    }

    private static void pushFront(long[] queue, long value) {
        queue[3] = queue[2];
        queue[2] = queue[1];
        queue[1] = queue[0];
        queue[0] = value;
    }

    private static CompressionException badMatch(String kind, long offset, long length, int position, int size) {
        return new CompressionException("the LZMS data holds an " + kind + " match of " + length + " bytes from "
                + offset + " bytes back at output position " + position + ", outside the " + size
                + " bytes it decompresses to; the data is damaged");
    }

    /** The first bytes of the instructions the x86 filter looks at: 0x48, 0x4C, 0xE8, 0xE9, 0xF0 and 0xFF. */
    private static final boolean[] OPCODES = new boolean[256];

    static {
        for (int b : new int[] {0x48, 0x4C, 0xE8, 0xE9, 0xF0, 0xFF}) {
            OPCODES[b] = true;
        }
    }

    /**
     * Translates relative addresses in likely x86 instructions (CALL, and RIP-relative LEA/MOV, indirect CALL and
     * LOCK ADD) to absolute ones, or undoes it. An instruction counts as likely code when its 16-bit target was
     * referenced within the previous 65535 bytes; translation then stays on for the next 1023 bytes (511 for
     * CALL). The first byte and the last 16 are never opcodes.
     */
    static void x86Filter(byte[] data, int off, int size, int[] lastTargetUsages, boolean undo) {
        if (size <= 17) {
            return;
        }
        Arrays.fill(lastTargetUsages, -X86_ID_WINDOW_SIZE - 1);
        int lastX86Pos = -X86_MAX_TRANSLATION_OFFSET - 1;
        int tail = size - 16;
        int p = 1;
        while (p < tail) {
            int b = data[off + p] & 0xFF;
            if (!OPCODES[b]) {
                p++;
                continue;
            }
            int opcodeBytes = 0;
            int maxTranslationOffset = X86_MAX_TRANSLATION_OFFSET;
            int b1 = data[off + p + 1] & 0xFF;
            int b2 = data[off + p + 2] & 0xFF;
            if (b >= 0xF0) {
                if ((b & 0x0F) != 0) {
                    if (b1 == 0x15) {
                        opcodeBytes = 2; // call indirect relative
                    }
                } else if (b1 == 0x83 && b2 == 0x05) {
                    opcodeBytes = 3; // lock add relative
                }
            } else if (b <= 0x4C) {
                if ((b2 & 0x07) == 0x05 && (b1 == 0x8D || (b1 == 0x8B && (b & 0x04) == 0 && (b2 & 0xF0) == 0))) {
                    opcodeBytes = 3; // RIP-relative LEA or MOV with a REX prefix
                }
            } else if ((b & 0x01) != 0) {
                p += 5; // 0xE9, jump relative: skipped with its operand, never translated
                continue;
            } else {
                opcodeBytes = 1; // 0xE8, call relative
                maxTranslationOffset >>= 1;
            }
            if (opcodeBytes == 0) {
                p++;
                continue;
            }
            int i = p;
            int operand = off + p + opcodeBytes;
            int target16;
            if (undo) {
                if (i - lastX86Pos <= maxTranslationOffset) {
                    putLE32(data, operand, getLE32(data, operand) - i);
                }
                target16 = (i + getLE16(data, operand)) & 0xFFFF;
            } else {
                target16 = (i + getLE16(data, operand)) & 0xFFFF;
                if (i - lastX86Pos <= maxTranslationOffset) {
                    putLE32(data, operand, getLE32(data, operand) + i);
                }
            }
            i += opcodeBytes + 3;
            if (i - lastTargetUsages[target16] <= X86_ID_WINDOW_SIZE) {
                lastX86Pos = i;
            }
            lastTargetUsages[target16] = i;
            p += opcodeBytes + 4;
        }
    }

    private static int getLE16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int getLE32(byte[] b, int at) {
        return getLE16(b, at) | getLE16(b, at + 2) << 16;
    }

    private static void putLE32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
