package org.imagesmith.registry;

/**
 * The Marvin32 hash that checks the log entries of new-format transaction logs ("HvLE"): two 32-bit lanes mixed by
 * additions, rotations and exclusive ors, seeded with the registry's constant 0x82EF4D887A4E55C5.
 */
final class Marvin32 {
    /** The seed the registry uses for the hashes of log entries. */
    static final long REGISTRY_SEED = 0x82EF4D887A4E55C5L;

    private int lo;
    private int hi;

    private Marvin32(long seed) {
        lo = (int) seed;
        hi = (int) (seed >>> 32);
    }

    /** The 64-bit hash of {@code length} bytes of {@code data} from {@code offset}, as stored (low lane first). */
    static long hash(byte[] data, int offset, int length, long seed) {
        Marvin32 state = new Marvin32(seed);
        int at = offset;
        int end = offset + length;
        while (end - at >= 4) {
            state.lo += (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF) << 16
                    | (data[at + 3] & 0xFF) << 24;
            state.mix();
            at += 4;
        }
        int last = 0x80;
        for (int i = end - at - 1; i >= 0; i--) {
            last = last << 8 | (data[at + i] & 0xFF);
        }
        state.lo += last;
        state.mix();
        state.mix();
        return (state.hi & 0xFFFF_FFFFL) << 32 | (state.lo & 0xFFFF_FFFFL);
    }

    private void mix() {
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 20);
        lo += hi;
        hi = Integer.rotateLeft(hi, 9);
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 27);
        lo += hi;
        hi = Integer.rotateLeft(hi, 19);
    }
}
