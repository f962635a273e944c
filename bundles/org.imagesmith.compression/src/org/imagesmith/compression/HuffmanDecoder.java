package org.imagesmith.compression;

import java.util.Arrays;

/**
 * A decoder for a canonical Huffman code given by its codeword lengths (codes assigned in order of length, then
 * symbol, as XPRESS, LZX and LZMS define them). A primary table indexed by the next {@code tableBits} bits resolves
 * short codewords; longer ones go through second-level tables. Built once per decoder object and rebuilt in place.
 */
final class HuffmanDecoder {
    private final int maxSymbols;
    private final int tableBits;
    private final int maxLength;
    private final int subBits;
    /** Entries: (symbol << 8 | length) for a codeword, ~index of a second-level table, 0 for no codeword. */
    private final int[] table;
    private final int[] lengthCounts;
    private final int[] nextOffsets;
    private final int[] sortedSymbols;

    HuffmanDecoder(int maxSymbols, int tableBits, int maxLength) {
        this.maxSymbols = maxSymbols;
        this.maxLength = maxLength;
        this.tableBits = Math.min(tableBits, maxLength);
        this.subBits = maxLength - this.tableBits;
        this.table = new int[(1 << this.tableBits) + (1 << maxLength)];
        this.lengthCounts = new int[maxLength + 1];
        this.nextOffsets = new int[maxLength + 2];
        this.sortedSymbols = new int[maxSymbols];
    }

    /**
     * Builds the tables for the code with these codeword lengths (0 = symbol unused). An incomplete code is
     * accepted (its unused codewords fail when decoded); an over-subscribed one is refused.
     */
    void build(byte[] lengths, int offset, int symbolCount, String codeName) throws CompressionException {
        if (symbolCount > maxSymbols) {
            throw new IllegalArgumentException("too many symbols: " + symbolCount);
        }
        Arrays.fill(lengthCounts, 0);
        for (int s = 0; s < symbolCount; s++) {
            int len = lengths[offset + s];
            if (len < 0 || len > maxLength) {
                throw new CompressionException("the " + codeName + " has a codeword length of " + len
                        + " bits, more than the " + maxLength + " allowed; the data is damaged");
            }
            lengthCounts[len]++;
        }
        long left = 1;
        for (int len = 1; len <= maxLength; len++) {
            left = (left << 1) - lengthCounts[len];
            if (left < 0) {
                throw new CompressionException("the " + codeName + " is over-subscribed (its codeword lengths do"
                        + " not form a prefix code); the data is damaged");
            }
        }
        nextOffsets[1] = 0;
        for (int len = 1; len < maxLength; len++) {
            nextOffsets[len + 1] = nextOffsets[len] + lengthCounts[len];
        }
        for (int s = 0; s < symbolCount; s++) {
            int len = lengths[offset + s];
            if (len != 0) {
                sortedSymbols[nextOffsets[len]++] = s;
            }
        }
        int used = symbolCount - lengthCounts[0];
        int primarySize = 1 << tableBits;
        Arrays.fill(table, 0, primarySize, 0);
        int nextSub = primarySize;
        int code = 0;
        int codeLength = 0;
        for (int i = 0; i < used; i++) {
            int symbol = sortedSymbols[i];
            int len = lengths[offset + symbol];
            code <<= len - codeLength;
            codeLength = len;
            int entry = symbol << 8 | len;
            if (len <= tableBits) {
                int from = code << (tableBits - len);
                Arrays.fill(table, from, from + (1 << (tableBits - len)), entry);
            } else {
                int prefix = code >>> (len - tableBits);
                int sub = table[prefix];
                if (sub >= 0) {
                    sub = ~nextSub;
                    table[prefix] = sub;
                    Arrays.fill(table, nextSub, nextSub + (1 << subBits), 0);
                    nextSub += 1 << subBits;
                }
                int low = code & ((1 << (len - tableBits)) - 1);
                int from = ~sub + (low << (maxLength - len));
                Arrays.fill(table, from, from + (1 << (maxLength - len)), entry);
            }
            code++;
        }
    }

    int decode(BitReader reader) throws CompressionException {
        reader.ensure(maxLength);
        int entry = lookup(reader.peek(maxLength));
        reader.skip(entry & 0xFF);
        return entry >>> 8;
    }

    /**
     * The entry (symbol << 8 | codeword length) of the codeword at the start of {@code bits}, the next
     * {@link #maxLength()} bits of the input.
     */
    int lookup(int bits) throws CompressionException {
        int entry = table[bits >>> subBits];
        if (entry < 0) {
            entry = table[~entry + (bits & ((1 << subBits) - 1))];
        }
        if ((entry & 0xFF) == 0) {
            throw new CompressionException("the compressed data holds a bit sequence that is no codeword of its"
                    + " Huffman code; the data is damaged");
        }
        return entry;
    }

    int maxLength() {
        return maxLength;
    }
}
