package org.imagesmith.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * LZMS pieces that can be checked without an encoder: the slot tables, the x86 filter and damaged input. (Decoding
 * of what wimlib compresses with LZMS, solid and not, is tested on whole WIM files in org.imagesmith.wim.)
 */
class LzmsTest {
    @Test
    void slotTablesMatchTheFormat() {
        assertEquals(799, LzmsDecompressor.OFFSET_EXTRA_BITS.length);
        assertEquals(0x0D, LzmsDecompressor.OFFSET_SLOT_BASE[9]);
        assertEquals(0x065BE4A5L, LzmsDecompressor.OFFSET_SLOT_BASE[798]);
        assertEquals(0x465BE4A5L, LzmsDecompressor.OFFSET_SLOT_BASE[799]);
        assertEquals(54, LzmsDecompressor.LENGTH_EXTRA_BITS.length);
        assertEquals(0x1D, LzmsDecompressor.LENGTH_SLOT_BASE[27]);
        assertEquals(0x400108ABL, LzmsDecompressor.LENGTH_SLOT_BASE[54]);
    }

    @Test
    void x86FilterIsUndoneExactly() {
        Random random = new Random(3);
        byte[] code = new byte[200_000];
        int[] targets = {1000, 5000, 77_000, 150_000};
        for (int p = 0; p < code.length - 8;) {
            switch (random.nextInt(4)) {
                case 0 -> code[p++] = (byte) 0xE8;
                case 1 -> {
                    code[p++] = 0x48;
                    code[p++] = (byte) 0x8D;
                    code[p++] = 0x05;
                }
                case 2 -> {
                    code[p++] = (byte) 0xFF;
                    code[p++] = 0x15;
                }
                default -> {
                    code[p++] = (byte) random.nextInt(256);
                    continue;
                }
            }
            int relative = targets[random.nextInt(targets.length)] - (p + 4);
            for (int b = 0; b < 4; b++) {
                code[p++] = (byte) (relative >>> (8 * b));
            }
        }
        int[] usages = new int[65536];
        byte[] filtered = code.clone();
        LzmsDecompressor.x86Filter(filtered, 0, filtered.length, usages, false);
        assertFalse(Arrays.equals(code, filtered), "call targets become absolute");
        LzmsDecompressor.x86Filter(filtered, 0, filtered.length, usages, true);
        assertArrayEquals(code, filtered);
    }

    @Test
    void damagedInputGivesACompressionExceptionNeverAnIndexError() {
        LzmsDecompressor decompressor = new LzmsDecompressor();
        Random random = new Random(8);
        byte[] out = new byte[100_000];
        int failures = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] garbage = TestData.random(2 + 2 * random.nextInt(3000), trial);
            int outLen = 1 + random.nextInt(out.length);
            try {
                decompressor.decompress(garbage, 0, garbage.length, out, 0, outLen);
            } catch (CompressionException e) {
                assertTrue(e.getMessage().contains("LZMS") || e.getMessage().contains("codeword"), e.getMessage());
                failures++;
            }
        }
        assertTrue(failures > 250, "random bytes are almost never valid LZMS data: " + failures);
        assertThrows(CompressionException.class, () -> decompressor.decompress(new byte[3], 0, 3, out, 0, 10));
    }
}
