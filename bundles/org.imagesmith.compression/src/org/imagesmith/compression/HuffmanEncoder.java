package org.imagesmith.compression;

import java.util.Arrays;

/**
 * Builds canonical Huffman codes from symbol frequencies: the priority-queue construction with symbols sorted by
 * frequency then value and ties broken in favour of leaves (the construction LZMS prescribes), limited to a
 * maximum codeword length by halving the frequencies until the code fits. Work arrays are allocated once.
 */
final class HuffmanEncoder {
    private static final int SYMBOL_BITS = 11;
    private final long[] sorted;
    private final long[] weight;
    private final int[] parent;
    private final int[] depth;
    private final int[] scaled;

    HuffmanEncoder(int maxSymbols) {
        if (maxSymbols > 1 << SYMBOL_BITS) {
            throw new IllegalArgumentException("too many symbols: " + maxSymbols);
        }
        sorted = new long[maxSymbols];
        weight = new long[2 * maxSymbols];
        parent = new int[2 * maxSymbols];
        depth = new int[2 * maxSymbols];
        scaled = new int[maxSymbols];
    }

    /**
     * Computes codeword lengths of at most {@code maxLength} bits. Every used symbol gets a codeword and the code
     * is complete (a lone used symbol is paired with a dummy, which needs room for two symbols), as the decoders of
     * Windows and wimlib require; when no symbol is used all lengths are 0.
     */
    void buildLengths(int[] frequencies, int symbolCount, int maxLength, byte[] lengths) {
        Arrays.fill(lengths, 0, symbolCount, (byte) 0);
        int used = 0;
        int lastUsed = -1;
        for (int s = 0; s < symbolCount; s++) {
            if (frequencies[s] != 0) {
                used++;
                lastUsed = s;
            }
        }
        if (used == 0) {
            return;
        }
        if (used == 1) {
            lengths[lastUsed] = 1;
            if (lengths.length > 1) {
                lengths[lastUsed == 0 ? 1 : 0] = 1;
            }
            return;
        }
        if (tryBuild(frequencies, symbolCount, maxLength, lengths)) {
            return;
        }
        System.arraycopy(frequencies, 0, scaled, 0, symbolCount);
        do {
            for (int s = 0; s < symbolCount; s++) {
                if (scaled[s] != 0) {
                    scaled[s] = (scaled[s] >>> 1) | 1;
                }
            }
        } while (!tryBuild(scaled, symbolCount, maxLength, lengths));
    }

    /** The Huffman construction; false when a codeword would exceed maxLength. */
    private boolean tryBuild(int[] freq, int symbolCount, int maxLength, byte[] lengths) {
        int n = 0;
        for (int s = 0; s < symbolCount; s++) {
            if (freq[s] != 0) {
                sorted[n++] = (long) freq[s] << SYMBOL_BITS | s;
            }
        }
        Arrays.sort(sorted, 0, n);
        for (int i = 0; i < n; i++) {
            weight[i] = sorted[i] >>> SYMBOL_BITS;
        }
        // leaves 0..n-1 in sorted order; internal nodes n.. in order of creation (nondecreasing weight)
        int leaf = 0;
        int internal = n;
        int created = n;
        for (int k = 0; k < n - 1; k++) {
            long sum = 0;
            for (int j = 0; j < 2; j++) {
                int pick;
                if (leaf < n && (internal >= created || weight[leaf] <= weight[internal])) {
                    pick = leaf++;
                } else {
                    pick = internal++;
                }
                parent[pick] = created;
                sum += weight[pick];
            }
            weight[created++] = sum;
        }
        int root = created - 1;
        depth[root] = 0;
        for (int node = root - 1; node >= 0; node--) {
            depth[node] = depth[parent[node]] + 1;
            if (node < n && depth[node] > maxLength) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            lengths[(int) (sorted[i] & ((1 << SYMBOL_BITS) - 1))] = (byte) depth[i];
        }
        return true;
    }

    /** Assigns canonical codewords: in order of length, then symbol. */
    static void assignCodes(byte[] lengths, int symbolCount, int maxLength, int[] codes) {
        int[] count = new int[maxLength + 2];
        for (int s = 0; s < symbolCount; s++) {
            count[lengths[s]]++;
        }
        count[0] = 0;
        int[] next = new int[maxLength + 2];
        int code = 0;
        for (int len = 1; len <= maxLength; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < symbolCount; s++) {
            if (lengths[s] != 0) {
                codes[s] = next[lengths[s]]++;
            }
        }
    }
}
