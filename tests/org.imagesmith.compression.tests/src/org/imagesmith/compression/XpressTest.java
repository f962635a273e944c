package org.imagesmith.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * XPRESS Huffman round trips and damaged input. (That wimlib reads what the compressor writes, and that the
 * decompressor reads what wimlib writes, is tested on whole WIM files in org.imagesmith.wim.)
 */
class XpressTest {
    private final XpressCompressor compressor = new XpressCompressor();
    private final XpressDecompressor decompressor = new XpressDecompressor();

    private byte[] roundTrip(byte[] data) throws CompressionException {
        byte[] compressed = new byte[data.length + 1024];
        int size = compressor.compress(data, 0, data.length, compressed, 7, compressed.length - 7);
        if (size == 0) {
            return null;
        }
        assertTrue(size < data.length);
        byte[] back = new byte[data.length + 5];
        decompressor.decompress(compressed, 7, size, back, 3, data.length);
        assertArrayEquals(data, Arrays.copyOfRange(back, 3, 3 + data.length));
        return Arrays.copyOfRange(compressed, 7, 7 + size);
    }

    @Test
    void roundTripsTextCodeAndRuns() throws CompressionException {
        roundTrip(TestData.text(300, 1));
        for (int size : new int[] {4096, 32768, 65536}) {
            byte[] text = TestData.text(size, size);
            byte[] compressed = roundTrip(text);
            assertTrue(compressed.length < size / 2, "text compresses to " + compressed.length);
            roundTrip(TestData.x86(size, 3));
            roundTrip(TestData.runs(size, 4));
        }
    }

    @Test
    void roundTripsLongMatchesOfEveryLengthEncoding() throws CompressionException {
        // all zeros: one literal and one match of 65535 bytes (16-bit length field)
        assertTrue(roundTrip(new byte[65536]).length < 300);
        for (int length : new int[] {3, 17, 18, 19, 272, 273, 274, 1000, 40000}) {
            byte[] data = TestData.random(length + 600, length);
            System.arraycopy(data, 0, data, 300, length); // a match of exactly `length` bytes at offset 300
            byte[] compressed = new byte[data.length * 2];
            int size = compressor.compress(data, 0, data.length, compressed, 0, compressed.length);
            if (size > 0) {
                byte[] back = new byte[data.length];
                decompressor.decompress(compressed, 0, size, back, 0, back.length);
                assertArrayEquals(data, back);
            }
        }
    }

    @Test
    void incompressibleDataIsReportedAsNotSmaller() {
        byte[] random = TestData.random(32768, 9);
        assertEquals(0, compressor.compress(random, 0, random.length, new byte[70000], 0, 70000));
        byte[] text = TestData.text(32768, 1);
        assertEquals(0, compressor.compress(text, 0, text.length, new byte[100], 0, 100), "too small an output");
    }

    @Test
    void damagedInputGivesACompressionExceptionNeverAnIndexError() throws CompressionException {
        byte[] data = TestData.text(32768, 5);
        byte[] compressed = roundTrip(data);
        Random random = new Random(11);
        byte[] out = new byte[data.length];
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = compressed.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            int length = random.nextInt(5) == 0 ? random.nextInt(damaged.length) : damaged.length;
            try {
                decompressor.decompress(damaged, 0, length, out, 0, out.length);
            } catch (CompressionException e) {
                assertTrue(e.getMessage().contains("XPRESS") || e.getMessage().contains("Huffman")
                        || e.getMessage().contains("codeword"), e.getMessage());
            }
        }
        CompressionException e = assertThrows(CompressionException.class,
                () -> decompressor.decompress(compressed, 0, 100, out, 0, out.length));
        assertTrue(e.getMessage().contains("fewer than the 256"), e.getMessage());
    }
}
