package org.imagesmith.compression;

/** Constants of the LZX format shared by the decoder and the encoder. */
final class LzxConstants {
    static final int BLOCKTYPE_VERBATIM = 1;
    static final int BLOCKTYPE_ALIGNED = 2;
    static final int BLOCKTYPE_UNCOMPRESSED = 3;
    static final int DEFAULT_BLOCK_SIZE = 32768;
    static final int NUM_CHARS = 256;
    static final int NUM_PRIMARY_LENS = 7;
    static final int MIN_MATCH = 2;
    static final int MAX_MATCH = 257;
    static final int LENGTH_SYMBOLS = 249;
    static final int PRETREE_SYMBOLS = 20;
    static final int ALIGNED_SYMBOLS = 8;
    static final int MAX_CODEWORD_LENGTH = 16;
    static final int MAX_PRE_CODEWORD_LENGTH = 15;
    static final int MAX_ALIGNED_CODEWORD_LENGTH = 7;
    static final int MAX_OFFSET_SLOTS = 50;
    static final int MAX_MAIN_SYMBOLS = NUM_CHARS + 8 * MAX_OFFSET_SLOTS;
    /** Formatted offsets are the real offset plus this (slots 0-2 stand for the repeat offsets R0-R2). */
    static final int OFFSET_ADJUSTMENT = 2;

    static final int[] EXTRA_BITS = new int[MAX_OFFSET_SLOTS];
    static final int[] SLOT_BASE = new int[MAX_OFFSET_SLOTS + 1];

    static {
        for (int slot = 0; slot < MAX_OFFSET_SLOTS; slot++) {
            EXTRA_BITS[slot] = slot < 4 ? 0 : Math.min((slot - 2) / 2, 17);
            SLOT_BASE[slot + 1] = SLOT_BASE[slot] + (1 << EXTRA_BITS[slot]);
        }
    }

    private LzxConstants() {
    }

    /** The offset slot of a formatted offset (real offset + 2). */
    static int slotOf(int formattedOffset) {
        int lo = 0;
        int hi = MAX_OFFSET_SLOTS - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (SLOT_BASE[mid] <= formattedOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Undoes (decode) or applies (encode) the E8 translation of x86 CALL targets: for every 0xE8 byte before the
     * last 10 bytes, the following 32-bit value is converted between absolute and relative form.
     *
     * @param streamPosition the position of data[off] in the uncompressed stream
     */
    static void e8Translate(byte[] data, int off, int len, long streamPosition, int fileSize, boolean encode) {
        int end = off + len - 10;
        for (int i = off; i < end;) {
            if (data[i] != (byte) 0xE8) {
                i++;
                continue;
            }
            int pos = (int) (streamPosition + (i - off));
            int value = (data[i + 1] & 0xFF) | (data[i + 2] & 0xFF) << 8 | (data[i + 3] & 0xFF) << 16
                    | data[i + 4] << 24;
            int translated = value;
            if (encode) {
                if (value >= -pos && value < fileSize) {
                    translated = value < fileSize - pos ? value + pos : value - fileSize;
                }
            } else if (value >= 0) {
                if (value < fileSize) {
                    translated = value - pos;
                }
            } else if (value >= -pos) {
                translated = value + fileSize;
            }
            data[i + 1] = (byte) translated;
            data[i + 2] = (byte) (translated >>> 8);
            data[i + 3] = (byte) (translated >>> 16);
            data[i + 4] = (byte) (translated >>> 24);
            i += 5;
        }
    }
}
