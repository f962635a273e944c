package org.imagesmith.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imagesmith.testsupport.ExternalTool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cabinet flavour of LZX against cabextract (libmspack): a one-folder cabinet whose CFDATA blocks hold the
 * frames of {@link LzxCompressor} must extract to the original bytes, with and without E8 translation and with
 * frames stored as uncompressed blocks.
 */
class CabinetLzxTest {
    private static final ExternalTool CABEXTRACT = new ExternalTool("cabextract", "cabextract");

    @TempDir
    Path dir;

    /** A minimal cabinet (MS-CAB): CFHEADER, one CFFOLDER (LZX), one CFFILE, CFDATA blocks without checksums. */
    static byte[] cabinet(String name, int size, List<byte[]> frames, int windowBits) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        int headerSize = 36;
        int folderOffset = headerSize;
        int fileOffset = folderOffset + 8;
        int dataOffset = fileOffset + 16 + nameBytes.length;
        int total = dataOffset;
        for (byte[] frame : frames) {
            total += 8 + frame.length;
        }
        ByteBuffer cab = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        cab.put("MSCF".getBytes(StandardCharsets.US_ASCII)).putInt(0).putInt(total).putInt(0).putInt(fileOffset)
                .putInt(0).put((byte) 3).put((byte) 1).putShort((short) 1).putShort((short) 1).putShort((short) 0)
                .putShort((short) 0x1234).putShort((short) 0);
        cab.putInt(dataOffset).putShort((short) frames.size()).putShort((short) (3 | windowBits << 8));
        cab.putInt(size).putInt(0).putShort((short) 0).putShort((short) 0x5B21).putShort((short) 0x6000)
                .putShort((short) 0x20).put(nameBytes);
        int remaining = size;
        for (byte[] frame : frames) {
            int n = Math.min(LzxFormat.CAB_FRAME_SIZE, remaining);
            cab.putInt(0).putShort((short) frame.length).putShort((short) n).put(frame);
            remaining -= n;
        }
        return cab.array();
    }

    @ParameterizedTest(name = "window 2^{0}, E8 size {1}, {2} bytes")
    @CsvSource({"15, 0, 300001", "16, 12000000, 300001", "21, 200000, 150000", "17, 0, 32768", "15, 0, 5"})
    void cabextractReadsWhatTheCompressorWrites(int windowBits, int e8, int size) throws IOException {
        byte[] data = LzxTest.mixedStream(size);
        List<byte[]> frames = LzxTest.cabinetFrames(data, windowBits, e8);
        Path cab = dir.resolve("test.cab");
        Files.write(cab, cabinet("data.bin", size, frames, windowBits));
        Path out = Files.createDirectories(dir.resolve("out"));
        String listing = CABEXTRACT.run("-d", out.toString(), cab.toString());
        assertTrue(listing.contains("data.bin"), listing);
        assertArrayEquals(data, Files.readAllBytes(out.resolve("data.bin")));
    }
}
