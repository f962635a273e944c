package org.imagesmith.compression;

/**
 * The flavour of LZX a decoder or encoder uses. WIM resources compress each chunk independently with a window of
 * the chunk size, always apply E8 translation with the fixed file size 12000000, and code a block size as a flag
 * bit for the default 32768 or an explicit 16-bit (24-bit for windows of 64 KiB and more) size. Cabinet folders
 * form one stream over 32 KiB frames (one per CFDATA block), start with an E8 header bit and translation size,
 * and code every block size in 24 bits.
 *
 * @param windowSize the window size, a power of two from 2^15 to 2^21
 * @param cabinet    true for the cabinet flavour, false for WIM chunks
 */
public record LzxFormat(int windowSize, boolean cabinet) {
    public static final int MIN_WINDOW_SIZE = 1 << 15;
    public static final int MAX_WINDOW_SIZE = 1 << 21;
    /** The E8 translation size WIM files use. */
    public static final int WIM_E8_FILE_SIZE = 12_000_000;
    /** The uncompressed size of a cabinet frame (and of all but the last CFDATA block of an LZX folder). */
    public static final int CAB_FRAME_SIZE = 32768;

    public LzxFormat {
        if (Integer.bitCount(windowSize) != 1 || windowSize < MIN_WINDOW_SIZE || windowSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("an LZX window is a power of two from 2^15 to 2^21 bytes, not "
                    + windowSize);
        }
    }

    /** The WIM flavour for chunks of this size (the window is the chunk size rounded up to a power of two, at least 2^15). */
    public static LzxFormat wim(int chunkSize) {
        if (chunkSize <= 0 || chunkSize > MAX_WINDOW_SIZE) {
            throw new IllegalArgumentException("LZX chunks have 1 to " + MAX_WINDOW_SIZE + " bytes, not " + chunkSize);
        }
        int window = Math.max(MIN_WINDOW_SIZE, Integer.highestOneBit(chunkSize - 1) << 1);
        return new LzxFormat(window, false);
    }

    /**
     * The cabinet flavour for a CFFOLDER compression type (typeCompress): LZX with the window bits in bits 8-12.
     */
    public static LzxFormat cabinet(int windowBits) {
        if (windowBits < 15 || windowBits > 21) {
            throw new IllegalArgumentException("cabinet LZX windows have 2^15 to 2^21 bytes, not 2^" + windowBits);
        }
        return new LzxFormat(1 << windowBits, true);
    }

    public int windowBits() {
        return Integer.numberOfTrailingZeros(windowSize);
    }

    /** The number of offset slots: 30 for 2^15 up to 50 for 2^21. */
    public int offsetSlots() {
        return switch (windowBits()) {
            case 15 -> 30;
            case 16 -> 32;
            case 17 -> 34;
            case 18 -> 36;
            case 19 -> 38;
            case 20 -> 42;
            default -> 50;
        };
    }

    int mainSymbols() {
        return 256 + 8 * offsetSlots();
    }
}
