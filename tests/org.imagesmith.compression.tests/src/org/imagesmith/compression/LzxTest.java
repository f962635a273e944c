package org.imagesmith.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** LZX round trips in the WIM and cabinet flavours, E8 translation and damaged input. */
class LzxTest {
    private static byte[] roundTripWim(byte[] data, int chunkSize) throws CompressionException {
        LzxFormat format = LzxFormat.wim(chunkSize);
        LzxCompressor compressor = new LzxCompressor(format);
        LzxDecompressor decompressor = new LzxDecompressor(format);
        byte[] compressed = new byte[data.length + 2048];
        int size = compressor.compress(data, 0, data.length, compressed, 0, compressed.length);
        if (size == 0) {
            return null;
        }
        byte[] back = new byte[data.length];
        decompressor.decompress(compressed, 0, size, back, 0, back.length);
        assertArrayEquals(data, back);
        return Arrays.copyOf(compressed, size);
    }

    @Test
    void roundTripsWimChunksOfEveryWindowSize() throws CompressionException {
        for (int chunk : new int[] {32768, 65536, 1 << 17, 1 << 21}) {
            for (int size : new int[] {chunk, chunk - 1, 5000, 11}) {
                byte[] text = TestData.text(size, size);
                assertTrue(roundTripWim(text, chunk) != null || size < 100, "text compresses");
                roundTripWim(TestData.x86(size, 2), chunk);
                roundTripWim(TestData.runs(size, 3), chunk);
            }
        }
        assertEquals(null, roundTripWim(TestData.random(32768, 1), 32768), "random data does not compress");
    }

    @Test
    void recordsAtEightByteDistancesGetAnAlignedOffsetBlock() throws CompressionException {
        // 8-byte records drawn from a small set: matches lie at multiples of 8 bytes back, so the low 3 bits of
        // their offsets always agree and the aligned offset code pays for its tree
        Random random = new Random(3);
        byte[][] records = new byte[300][8];
        for (byte[] record : records) {
            random.nextBytes(record);
        }
        byte[] data = new byte[32768];
        for (int i = 0; i < data.length; i += 8) {
            System.arraycopy(records[random.nextInt(records.length)], 0, data, i, 8);
        }
        byte[] compressed = roundTripWim(data, 32768);
        assertTrue(compressed != null, "the records compress");
        // the block type: the 3 most significant bits of the first 16-bit little-endian word
        assertEquals(LzxConstants.BLOCKTYPE_ALIGNED, (compressed[1] & 0xFF) >>> 5);
    }

    @Test
    void repeatedOffsetsCompressBetterThanFreshOnes() throws CompressionException {
        // the same 40-byte edit pattern at one distance over and over: after the first, every match reuses R0
        byte[] data = new byte[32768];
        Random random = new Random(5);
        random.nextBytes(data);
        for (int i = 1000; i + 40 < data.length; i += 47) {
            System.arraycopy(data, i - 777, data, i, 40);
        }
        byte[] compressed = roundTripWim(data, 32768);
        assertTrue(compressed != null, "the copies compress");
        // 675 copies of 40 bytes: with R0 each costs about a byte (main and length symbols), with its offset coded
        // afresh nearly two (8 more extra bits and a rarer main symbol)
        int copies = (data.length - 1040) / 47;
        int literalBytes = data.length - 40 * copies;
        assertTrue(compressed.length < literalBytes + copies * 5 / 4, "size " + compressed.length);
    }

    @Test
    void e8TranslationIsItsOwnInverseAndSkipsTheLast10Bytes() {
        byte[] data = TestData.x86(5000, 8);
        byte[] translated = data.clone();
        LzxConstants.e8Translate(translated, 0, translated.length, 0, LzxFormat.WIM_E8_FILE_SIZE, true);
        assertTrue(!Arrays.equals(data, translated), "E8 translation changes call targets");
        LzxConstants.e8Translate(translated, 0, translated.length, 0, LzxFormat.WIM_E8_FILE_SIZE, false);
        assertArrayEquals(data, translated);
        byte[] tail = new byte[16];
        tail[6] = (byte) 0xE8; // a call starting 10 bytes before the end is not translated
        tail[7] = 5;
        byte[] copy = tail.clone();
        LzxConstants.e8Translate(copy, 0, copy.length, 100, LzxFormat.WIM_E8_FILE_SIZE, true);
        assertArrayEquals(tail, copy);
        tail[5] = (byte) 0xE8;
        LzxConstants.e8Translate(tail, 0, tail.length, 100, LzxFormat.WIM_E8_FILE_SIZE, true);
        int absolute = (tail[6] & 0xFF) | (tail[7] & 0xFF) << 8 | (tail[8] & 0xFF) << 16 | tail[9] << 24;
        assertEquals(0x5E8 + 105, absolute, "the relative target 0x5E8 of a call at position 105 becomes absolute");
    }

    /** Compresses a stream with the cabinet flavour, frame by frame; returns the CFDATA payloads. */
    static java.util.List<byte[]> cabinetFrames(byte[] data, int windowBits, int e8Size) {
        LzxCompressor compressor = new LzxCompressor(LzxFormat.cabinet(windowBits), e8Size);
        java.util.List<byte[]> frames = new java.util.ArrayList<>();
        byte[] out = new byte[LzxFormat.CAB_FRAME_SIZE + 64];
        for (int off = 0; off < data.length; off += LzxFormat.CAB_FRAME_SIZE) {
            int n = Math.min(LzxFormat.CAB_FRAME_SIZE, data.length - off);
            int size = compressor.compressNextFrame(data, off, n, out, 0);
            assertTrue(size <= n + 32);
            frames.add(Arrays.copyOf(out, size));
        }
        return frames;
    }

    static byte[] mixedStream(int size) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int part = 0;
        while (stream.size() < size) {
            byte[] piece = switch (part++ % 4) {
                case 0 -> TestData.text(40000, part);
                case 1 -> TestData.random(33001, part); // incompressible: uncompressed blocks of odd size
                case 2 -> TestData.x86(50000, part);
                default -> TestData.runs(20000, part);
            };
            stream.writeBytes(piece);
        }
        return Arrays.copyOf(stream.toByteArray(), size);
    }

    @Test
    void roundTripsCabinetStreamsAcrossFrames() throws CompressionException {
        for (int windowBits : new int[] {15, 16, 21}) {
            for (int e8 : new int[] {0, 12_000_000, 300_000}) {
                byte[] data = mixedStream(300_001);
                java.util.List<byte[]> frames = cabinetFrames(data, windowBits, e8);
                LzxDecompressor decompressor = new LzxDecompressor(LzxFormat.cabinet(windowBits));
                decompressor.reset();
                byte[] back = new byte[data.length];
                int off = 0;
                for (byte[] frame : frames) {
                    int n = Math.min(LzxFormat.CAB_FRAME_SIZE, data.length - off);
                    decompressor.decompressNextFrame(frame, 0, frame.length, back, off, n);
                    off += n;
                }
                assertArrayEquals(data, back, "window 2^" + windowBits + ", E8 size " + e8);
            }
        }
    }

    @Test
    void damagedInputGivesACompressionExceptionNeverAnIndexError() throws CompressionException {
        byte[] data = TestData.x86(32768, 4);
        byte[] compressed = roundTripWim(data, 32768);
        LzxDecompressor decompressor = new LzxDecompressor(LzxFormat.wim(32768));
        Random random = new Random(5);
        byte[] out = new byte[data.length];
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = compressed.clone();
            for (int f = 0; f < 1 + random.nextInt(4); f++) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            int length = random.nextInt(5) == 0 ? random.nextInt(damaged.length) : damaged.length;
            try {
                decompressor.decompress(damaged, 0, length, out, 0, out.length);
            } catch (CompressionException e) {
                assertTrue(e.getMessage().contains("LZX") || e.getMessage().contains("codeword"), e.getMessage());
            }
        }
        byte[] garbage = TestData.random(2000, 6);
        assertThrows(CompressionException.class, () -> decompressor.decompress(garbage, 0, garbage.length, out, 0, out.length));
    }
}
