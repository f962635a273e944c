package org.imagesmith.compression;

import java.util.Arrays;

/**
 * Finds LZ77 matches with hash chains over 3-byte prefixes, within one buffer. {@link #find} returns the longest
 * match (its offset in {@link #offset()}); {@link #insert} records a position without searching.
 */
final class MatchFinder {
    private static final int HASH_BITS = 15;
    private final int[] head = new int[1 << HASH_BITS];
    private int[] prev;
    private final int maxChain;
    private final int niceLength;
    private int matchOffset;

    MatchFinder(int maxChain) {
        this(maxChain, Integer.MAX_VALUE);
    }

    /** A finder that follows at most {@code maxChain} links and stops at a match of {@code niceLength} bytes. */
    MatchFinder(int maxChain, int niceLength) {
        this.maxChain = maxChain;
        this.niceLength = niceLength;
        this.prev = new int[0];
    }

    /** Starts over on a buffer of up to {@code size} bytes. */
    void reset(int size) {
        Arrays.fill(head, -1);
        if (prev.length < size) {
            prev = new int[size];
        }
    }

    private static int hash(byte[] buf, int pos) {
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16;
        return (v * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    /** Records position pos (relative to start) if at least 3 bytes follow it. */
    void insert(byte[] buf, int start, int pos, int end) {
        if (start + pos + 3 <= end) {
            int h = hash(buf, start + pos);
            prev[pos] = head[h];
            head[h] = pos;
        }
    }

    /**
     * Records position pos and returns the length of the longest earlier match of at least {@code minLength}
     * bytes (0 if none), at most {@code maxLength} long and {@code maxOffset} back.
     */
    int find(byte[] buf, int start, int pos, int end, int minLength, int maxLength, int maxOffset) {
        int available = Math.min(maxLength, end - start - pos);
        if (available < 3) {
            return 0;
        }
        int h = hash(buf, start + pos);
        int candidate = head[h];
        prev[pos] = candidate;
        head[h] = pos;
        int best = minLength - 1;
        int chain = maxChain;
        int at = start + pos;
        while (candidate >= 0 && pos - candidate <= maxOffset && chain-- > 0) {
            int from = start + candidate;
            if (buf[from + best] == buf[at + best] && buf[from] == buf[at]) {
                int len = 0;
                while (len < available && buf[from + len] == buf[at + len]) {
                    len++;
                }
                if (len > best) {
                    best = len;
                    matchOffset = pos - candidate;
                    if (len == available || len >= niceLength) {
                        break;
                    }
                }
            }
            candidate = prev[candidate];
        }
        return best >= minLength ? best : 0;
    }

    int offset() {
        return matchOffset;
    }
}
