package org.imagesmith.compression;

/**
 * Cuts a buffer into literals and matches with a lazy-evaluation parse over hash chains: a match is taken unless
 * the next position starts a longer one. The result is a list of items: {@link #length(int)} 0 for a literal, else
 * a match of that length {@link #offset(int)} bytes back.
 */
final class LzParser {
    private static final int LAZY_LIMIT = 32;
    private final MatchFinder finder;
    private final int minLength;
    private final int maxLength;
    private final int maxOffset;
    private int[] lengths = new int[0];
    private int[] offsets = new int[0];
    private int count;

    LzParser(int minLength, int maxLength, int maxOffset, int maxChain) {
        this.finder = new MatchFinder(maxChain);
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.maxOffset = maxOffset;
    }

    void parse(byte[] buf, int start, int size) {
        if (lengths.length < size) {
            lengths = new int[size];
            offsets = new int[size];
        }
        count = 0;
        finder.reset(size);
        int end = start + size;
        int pos = 0;
        int curLen = size > 0 ? finder.find(buf, start, 0, end, minLength, maxLength, maxOffset) : 0;
        int curOff = finder.offset();
        while (pos < size) {
            if (curLen == 0) {
                add(0, 0);
                pos++;
                if (pos < size) {
                    curLen = finder.find(buf, start, pos, end, minLength, maxLength, maxOffset);
                    curOff = finder.offset();
                }
                continue;
            }
            if (curLen < LAZY_LIMIT && pos + 1 < size) {
                int nextLen = finder.find(buf, start, pos + 1, end, minLength, maxLength, maxOffset);
                if (nextLen > curLen) {
                    add(0, 0);
                    pos++;
                    curLen = nextLen;
                    curOff = finder.offset();
                    continue;
                }
                add(curLen, curOff);
                for (int p = pos + 2; p < pos + curLen; p++) {
                    finder.insert(buf, start, p, end);
                }
            } else {
                add(curLen, curOff);
                for (int p = pos + 1; p < pos + curLen; p++) {
                    finder.insert(buf, start, p, end);
                }
            }
            pos += curLen;
            curLen = 0;
            if (pos < size) {
                curLen = finder.find(buf, start, pos, end, minLength, maxLength, maxOffset);
                curOff = finder.offset();
            }
        }
    }

    private void add(int length, int offset) {
        lengths[count] = length;
        offsets[count] = offset;
        count++;
    }

    int count() {
        return count;
    }

    int length(int item) {
        return lengths[item];
    }

    int offset(int item) {
        return offsets[item];
    }
}
