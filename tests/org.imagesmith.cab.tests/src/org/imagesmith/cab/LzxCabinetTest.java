package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LZX folders go through the org.imagesmith.compression decoder. No Debian tool writes LZX cabinets, so the test
 * lays out LZX "uncompressed" blocks (one per 32 KiB frame) by hand and checks that cabextract reads them too.
 */
class LzxCabinetTest {
    @TempDir
    Path temp;

    /** One LZX frame holding an uncompressed block: [E8 bit], block type 3, 24-bit size, alignment, R0-R2, bytes. */
    private static byte[] uncompressedFrame(byte[] data, boolean first) {
        long bits = 0;
        int count = 0;
        if (first) {
            count = 1; // E8 translation off
        }
        bits = bits << 3 | 3;
        count += 3;
        bits = bits << 24 | data.length;
        count += 24;
        bits <<= 32 - count; // pad to the 16-bit boundary
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int high = (int) (bits >>> 16) & 0xFFFF;
        int low = (int) bits & 0xFFFF;
        out.write(high & 0xFF);
        out.write(high >>> 8);
        out.write(low & 0xFF);
        out.write(low >>> 8);
        out.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(1).putInt(1).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private Path lzxCabinet(byte[] data, int windowBits) throws IOException {
        List<RawCabinet.Block> blocks = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += 32768) {
            byte[] frame = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + 32768));
            blocks.add(new RawCabinet.Block(uncompressedFrame(frame, offset == 0), frame.length));
        }
        RawCabinet raw = new RawCabinet();
        raw.folders.add(new RawCabinet.Folder(3 | windowBits << 8, blocks));
        raw.files.add(new RawCabinet.File("lzx\\data.bin", data.length, 0, 0, 0));
        return Files.write(temp.resolve("lzx" + windowBits + ".cab"), raw.build());
    }

    @Test
    void readsLzxFoldersLikeCabextract() throws Exception {
        byte[] data = new byte[70_001];
        new Random(3).nextBytes(data);
        for (int windowBits : List.of(15, 21)) {
            Path cab = lzxCabinet(data, windowBits);
            Path theirs = Files.createDirectories(temp.resolve("theirs" + windowBits));
            Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), cab.toString());
            assertArrayEquals(data, Files.readAllBytes(theirs.resolve("lzx/data.bin")), "cabextract reads the cabinet");
            try (Cabinet cabinet = Cabinet.open(cab)) {
                assertEquals(CompressionType.LZX, cabinet.compression(0));
                assertArrayEquals(data, cabinet.read(cabinet.entries().get(0)));
            }
        }
    }

    @Test
    void badLzxWindowIsReported() throws Exception {
        RawCabinet raw = new RawCabinet();
        raw.folders.add(new RawCabinet.Folder(3 | 9 << 8, List.of(new RawCabinet.Block(new byte[] {0, 0}, 1))));
        raw.files.add(new RawCabinet.File("a", 1, 0, 0, 0));
        Path cab = Files.write(temp.resolve("window.cab"), raw.build());
        try (Cabinet cabinet = Cabinet.open(cab)) {
            CabinetFormatException e = org.junit.jupiter.api.Assertions.assertThrows(CabinetFormatException.class,
                    () -> cabinet.read(cabinet.entries().get(0)));
            assertTrue(e.getMessage().contains("LZX window"), e.getMessage());
        }
    }
}
