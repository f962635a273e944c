package org.imagesmith.compression;

import static org.imagesmith.compression.LzxConstants.EXTRA_BITS;
import static org.imagesmith.compression.LzxConstants.LENGTH_SYMBOLS;
import static org.imagesmith.compression.LzxConstants.MAX_MAIN_SYMBOLS;
import static org.imagesmith.compression.LzxConstants.MIN_MATCH;
import static org.imagesmith.compression.LzxConstants.NUM_CHARS;
import static org.imagesmith.compression.LzxConstants.NUM_PRIMARY_LENS;
import static org.imagesmith.compression.LzxConstants.OFFSET_ADJUSTMENT;
import static org.imagesmith.compression.LzxConstants.slotOf;

import java.util.Arrays;

/**
 * Cuts the data of an LZX block into literals and matches. At each position it weighs the longest match of the
 * hash chains against matches at the three repeat offsets (R0-R2) by an estimate of the bits each saves over
 * literals, and defers a match by one position when the next one saves more (lazy evaluation). The estimate comes
 * from fixed guesses or, for a second pass, from the codeword lengths of the first ({@link #useCosts}). Items hold
 * {@link #length(int)} (0 for a literal) and the LZX formatted offset {@link #formattedOffset(int)}: 0-2 for R0-R2,
 * else the offset plus 2. The repeat offsets carry over from one call to the next, as the decoder's do.
 */
final class LzxParser {
    /** Guessed bits of a literal, a repeat-offset match's main symbol, an explicit one's, a length symbol. */
    private static final int LITERAL_BITS = 8;
    private static final int[] REPEAT_SYMBOL_BITS = {5, 7, 8};
    private static final int MATCH_SYMBOL_BITS = 9;
    private static final int LENGTH_SYMBOL_BITS = 6;
    /** The cost assumed for a symbol the first pass's code left out. */
    private static final int UNUSED_SYMBOL_BITS = 14;
    /** A match at least this long is taken at once, without looking further. */
    private static final int NICE_LENGTH = 64;

    private final MatchFinder finder;
    private final int maxLength;
    private final int maxOffset;
    private int[] lengths = new int[0];
    private int[] offsets = new int[0];
    private int count;
    private int r0 = 1;
    private int r1 = 1;
    private int r2 = 1;
    private final int[] startOffsets = new int[3];
    /** Estimated bits of each main symbol (literals, then match headers) and of each length symbol. */
    private final int[] mainBits = new int[MAX_MAIN_SYMBOLS];
    private final int[] lengthBits = new int[LENGTH_SYMBOLS];
    /** Estimated bits of the literals before each position. */
    private int[] literalPrefix = new int[1];
    // the candidate of the last call to best()
    private int candidateLength;
    private int candidateOffset;
    private int candidateGain;

    LzxParser(int maxLength, int maxOffset, int maxChain) {
        this.finder = new MatchFinder(maxChain, NICE_LENGTH * 2);
        this.maxLength = maxLength;
        this.maxOffset = maxOffset;
        useDefaultCosts();
    }

    /** Estimates costs from fixed guesses (a first pass). */
    void useDefaultCosts() {
        Arrays.fill(mainBits, 0, NUM_CHARS, LITERAL_BITS);
        Arrays.fill(mainBits, NUM_CHARS, MAX_MAIN_SYMBOLS, MATCH_SYMBOL_BITS);
        for (int slot = 0; slot < 3; slot++) {
            Arrays.fill(mainBits, NUM_CHARS + slot * 8, NUM_CHARS + slot * 8 + 8, REPEAT_SYMBOL_BITS[slot]);
        }
        Arrays.fill(lengthBits, LENGTH_SYMBOL_BITS);
    }

    /** Estimates costs from the codeword lengths of an earlier pass over the same data. */
    void useCosts(byte[] mainLengths, int mainSymbols, byte[] lengthLengths) {
        for (int s = 0; s < mainSymbols; s++) {
            mainBits[s] = mainLengths[s] == 0 ? UNUSED_SYMBOL_BITS : mainLengths[s];
        }
        for (int s = 0; s < LENGTH_SYMBOLS; s++) {
            lengthBits[s] = lengthLengths[s] == 0 ? UNUSED_SYMBOL_BITS : lengthLengths[s];
        }
    }

    /** Restores the repeat offsets to those before the last {@link #parse}, to parse the same data again. */
    void rewind() {
        r0 = startOffsets[0];
        r1 = startOffsets[1];
        r2 = startOffsets[2];
    }

    /** Sets the repeat offsets to 1 (the start of a stream, or after an uncompressed block). */
    void resetRepeatOffsets() {
        r0 = r1 = r2 = 1;
    }

    void parse(byte[] buf, int start, int size) {
        if (lengths.length < size) {
            lengths = new int[size];
            offsets = new int[size];
        }
        count = 0;
        startOffsets[0] = r0;
        startOffsets[1] = r1;
        startOffsets[2] = r2;
        if (literalPrefix.length < size + 1) {
            literalPrefix = new int[size + 1];
        }
        for (int i = 0; i < size; i++) {
            literalPrefix[i + 1] = literalPrefix[i] + mainBits[buf[start + i] & 0xFF];
        }
        finder.reset(size);
        int end = start + size;
        int nextInsert = 0;
        int pos = 0;
        boolean haveCandidate = false;
        while (pos < size) {
            if (!haveCandidate) {
                for (; nextInsert < pos; nextInsert++) {
                    finder.insert(buf, start, nextInsert, end);
                }
                best(buf, start, pos, end);
                nextInsert = pos + 1;
            }
            haveCandidate = false;
            int length = candidateLength;
            if (length == 0) {
                add(0, 0);
                pos++;
                continue;
            }
            int offset = candidateOffset;
            int gain = candidateGain;
            if (length < NICE_LENGTH && pos + 1 < size) {
                best(buf, start, pos + 1, end);
                nextInsert = pos + 2;
                if (candidateGain > gain) {
                    // a literal now and the better match at the next position
                    add(0, 0);
                    pos++;
                    haveCandidate = true;
                    continue;
                }
            }
            add(length, offset);
            pos += length;
        }
    }

    /**
     * Finds the best choice at {@code pos} (recording pos in the hash chains): candidateLength 0 for a literal, or
     * a match with its formatted offset and estimated gain in bits over literals.
     */
    private void best(byte[] buf, int start, int pos, int end) {
        int available = Math.min(maxLength, end - start - pos);
        int bestLength = 0;
        int bestOffset = 0;
        int bestGain = 0;
        int length = finder.find(buf, start, pos, end, 3, maxLength, maxOffset);
        if (length > 0) {
            int formatted = format(finder.offset());
            int gain = gain(pos, length, formatted);
            if (gain > 0) {
                bestLength = length;
                bestOffset = formatted;
                bestGain = gain;
            }
        }
        if (available >= MIN_MATCH) {
            int at = start + pos;
            for (int i = 0; i < 3; i++) {
                int repeat = i == 0 ? r0 : i == 1 ? r1 : r2;
                if (repeat > pos || (i > 0 && (repeat == r0 || (i == 2 && repeat == r1)))) {
                    continue;
                }
                int from = at - repeat;
                int len = 0;
                while (len < available && buf[from + len] == buf[at + len]) {
                    len++;
                }
                if (len >= MIN_MATCH) {
                    int gain = gain(pos, len, i);
                    if (gain > bestGain) {
                        bestLength = len;
                        bestOffset = i;
                        bestGain = gain;
                    }
                }
            }
        }
        candidateLength = bestLength;
        candidateOffset = bestOffset;
        candidateGain = bestGain;
    }

    private int format(int offset) {
        return offset == r0 ? 0 : offset == r1 ? 1 : offset == r2 ? 2 : offset + OFFSET_ADJUSTMENT;
    }

    /** The estimated bits a match saves over coding its bytes as literals. */
    private int gain(int pos, int length, int formatted) {
        int slot = formatted < 3 ? formatted : slotOf(formatted);
        int header = length - MIN_MATCH;
        int bits = EXTRA_BITS[slot];
        if (header >= NUM_PRIMARY_LENS) {
            bits += mainBits[NUM_CHARS + slot * 8 + NUM_PRIMARY_LENS] + lengthBits[header - NUM_PRIMARY_LENS];
        } else {
            bits += mainBits[NUM_CHARS + slot * 8 + header];
        }
        return literalPrefix[pos + length] - literalPrefix[pos] - bits;
    }

    private void add(int length, int formatted) {
        lengths[count] = length;
        offsets[count] = formatted;
        count++;
        if (length == 0 || formatted == 0) {
            return;
        }
        if (formatted == 1) {
            int t = r0;
            r0 = r1;
            r1 = t;
        } else if (formatted == 2) {
            int t = r0;
            r0 = r2;
            r2 = t;
        } else {
            r2 = r1;
            r1 = r0;
            r0 = formatted - OFFSET_ADJUSTMENT;
        }
    }

    int count() {
        return count;
    }

    int length(int item) {
        return lengths[item];
    }

    /** 0-2 for the repeat offsets R0-R2, else the match offset plus 2. */
    int formattedOffset(int item) {
        return offsets[item];
    }
}
