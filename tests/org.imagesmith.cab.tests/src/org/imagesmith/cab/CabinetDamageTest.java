package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, truncated and hostile cabinets give a CabinetFormatException saying what and where, quickly. */
class CabinetDamageTest {
    @TempDir
    Path temp;

    private static byte[] text(int size) {
        StringBuilder builder = new StringBuilder();
        Random random = new Random(7);
        while (builder.length() < size) {
            builder.append("DriverVer=").append(random.nextInt(100)).append("/01/2024,10.0.").append(random.nextInt())
                    .append("\r\n");
        }
        return builder.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(temp.resolve(name), bytes);
    }

    private byte[] cabinet(CompressionType compression, byte[]... files) throws IOException {
        CabinetBuilder builder = new CabinetBuilder(compression);
        for (int i = 0; i < files.length; i++) {
            builder.addFile("dir\\file" + i + ".txt", files[i], LocalDateTime.of(2024, 5, 1, 12, 0), CfFile.A_ARCH);
        }
        Path path = temp.resolve("built-" + compression + ".cab");
        builder.write(path);
        return Files.readAllBytes(path);
    }

    /** Opens and extracts everything; returns the failure, or null when the cabinet read fine. */
    private CabinetFormatException readAll(Path cab) {
        try (Cabinet cabinet = Cabinet.open(cab)) {
            for (CabinetEntry entry : cabinet.entries()) {
                cabinet.read(entry);
            }
            return null;
        } catch (CabinetFormatException e) {
            return e;
        } catch (IOException e) {
            return fail("an I/O error instead of CabinetFormatException for " + cab, e);
        }
    }

    @Test
    void badChecksumNamesTheBlock() throws Exception {
        byte[] bytes = cabinet(CompressionType.NONE, text(70_000));
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long firstBlock = le.getInt(36);
        int secondBlock = (int) firstBlock + 8 + (le.getShort((int) firstBlock + 4) & 0xFFFF);
        bytes[secondBlock + 8 + 100] ^= 0x20;
        Path cab = write("bad.cab", bytes);
        assertNotEquals(0, Tools.exec(temp, "cabextract", "-t", cab.toString()).exitCode(),
                "cabextract also sees the damage");
        CabinetFormatException e = readAll(cab);
        assertTrue(e != null && e.getMessage().contains("CFDATA block 1 of folder 0")
                && e.getMessage().contains("checksum") && e.getMessage().contains("bad.cab")
                && e.getMessage().contains(Integer.toHexString(secondBlock)), String.valueOf(e));
    }

    @Test
    void notACabinet() throws Exception {
        CabinetFormatException e = assertThrows(CabinetFormatException.class,
                () -> Cabinet.open(write("x.cab", "MZ this is an executable, not a cabinet....".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(e.getMessage().contains("not a cabinet"), e.getMessage());
        assertThrows(CabinetFormatException.class, () -> Cabinet.open(write("short.cab", new byte[] {'M', 'S', 'C', 'F'})));
    }

    @Test
    void everyTruncationIsReported() throws Exception {
        byte[] bytes = cabinet(CompressionType.MSZIP, text(40_000), text(10), new byte[0]);
        int dataStart = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(36);
        // every length inside the header structures, then every 11th byte of the compressed data and the last ones
        for (int length = 0; length < bytes.length; length += length < dataStart + 16 || length > bytes.length - 16 ? 1 : 11) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertTrue(readAll(write("t.cab", truncated)) != null, "truncated at " + length);
            if (length >= 12) {
                ByteBuffer.wrap(truncated).order(ByteOrder.LITTLE_ENDIAN).putInt(8, length); // cbCabinet agrees
                assertTrue(readAll(write("t.cab", truncated)) != null, "truncated at " + length + " with cbCabinet");
            }
        }
    }

    @Test
    void randomDamageNeverEscapesAsAnotherException() throws Exception {
        byte[] bytes = cabinet(CompressionType.MSZIP, text(50_000), text(3_000));
        Random random = new Random(1);
        for (int round = 0; round < 400; round++) {
            byte[] damaged = bytes.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = round % 2 == 0 ? random.nextInt(Math.min(200, damaged.length)) : random.nextInt(damaged.length);
                damaged[at] = (byte) random.nextInt(256);
            }
            readAll(write("fuzz.cab", damaged)); // any RuntimeException fails the test
        }
    }

    @Test
    void hugeLengthFieldsAreRefusedWithoutAllocating() throws Exception {
        byte[] bytes = cabinet(CompressionType.NONE, text(100));
        ByteBuffer le;
        int coffFiles = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(16);

        byte[] hugeFile = bytes.clone();
        ByteBuffer.wrap(hugeFile).order(ByteOrder.LITTLE_ENDIAN).putInt(coffFiles, 0xFFFFFFFF);
        CabinetFormatException e = readAll(write("hugefile.cab", hugeFile));
        assertTrue(e != null && e.getMessage().contains("dir\\file0.txt"), String.valueOf(e));

        byte[] hugeOffset = bytes.clone();
        ByteBuffer.wrap(hugeOffset).order(ByteOrder.LITTLE_ENDIAN).putInt(coffFiles + 4, 0x7FFFFFF0);
        assertTrue(readAll(write("hugeoffset.cab", hugeOffset)) != null);

        byte[] manyBlocks = bytes.clone();
        ByteBuffer.wrap(manyBlocks).order(ByteOrder.LITTLE_ENDIAN).putShort(36 + 4, (short) 0xFFFF);
        ByteBuffer.wrap(manyBlocks).order(ByteOrder.LITTLE_ENDIAN).putInt(coffFiles, 0x7FFF0000);
        e = readAll(write("manyblocks.cab", manyBlocks));
        assertTrue(e != null && e.getMessage().contains("CFDATA block 1 of folder 0"), String.valueOf(e));

        byte[] manyFiles = bytes.clone();
        ByteBuffer.wrap(manyFiles).order(ByteOrder.LITTLE_ENDIAN).putShort(28, (short) 0xFFFF);
        e = readAll(write("manyfiles.cab", manyFiles));
        assertTrue(e != null && e.getMessage().contains("CFFILE"), String.valueOf(e));

        byte[] filesOutside = bytes.clone();
        le = ByteBuffer.wrap(filesOutside).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(16, 0x7FFFFFFF);
        e = readAll(write("coffFiles.cab", filesOutside));
        assertTrue(e != null && e.getMessage().contains("coffFiles"), String.valueOf(e));

        byte[] dataOutside = bytes.clone();
        ByteBuffer.wrap(dataOutside).order(ByteOrder.LITTLE_ENDIAN).putInt(36, 0x7FFFFFFF);
        e = readAll(write("coffCabStart.cab", dataOutside));
        assertTrue(e != null && e.getMessage().contains("CFFOLDER 0"), String.valueOf(e));

        byte[] hugeUncomp = bytes.clone();
        int block = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(36);
        ByteBuffer.wrap(hugeUncomp).order(ByteOrder.LITTLE_ENDIAN).putShort(block + 6, (short) 0xFFFF).putInt(block, 0);
        e = readAll(write("cbUncomp.cab", hugeUncomp));
        assertTrue(e != null && e.getMessage().contains("cbUncomp"), String.valueOf(e));

        byte[] badFolder = bytes.clone();
        ByteBuffer.wrap(badFolder).order(ByteOrder.LITTLE_ENDIAN).putShort(coffFiles + 8, (short) 7);
        e = readAll(write("ifolder.cab", badFolder));
        assertTrue(e != null && e.getMessage().contains("folder 7"), String.valueOf(e));
    }

    @Test
    void unsupportedCompressionIsNamed() throws Exception {
        for (int type : List.of(0x0002, 0x000F)) {
            RawCabinet raw = new RawCabinet();
            raw.folders.add(new RawCabinet.Folder(type, List.of(new RawCabinet.Block(new byte[] {1, 2, 3}, 3))));
            raw.files.add(new RawCabinet.File("a.bin", 3, 0, 0, 0));
            CabinetFormatException e = readAll(write("type.cab", raw.build()));
            String expected = type == 2 ? "Quantum" : "unknown compression type";
            assertTrue(e != null && e.getMessage().contains(expected), String.valueOf(e));
        }
    }

    @Test
    void reservedAreasAreSkippedLikeCabextractDoes() throws Exception {
        RawCabinet raw = new RawCabinet();
        raw.cbCFHeader = 20;
        raw.cbCFFolder = 4;
        raw.cbCFData = 8;
        byte[] first = text(40_000);
        byte[] second = "second".getBytes(StandardCharsets.US_ASCII);
        raw.folders.add(RawCabinet.storedFolder(first));
        raw.folders.add(RawCabinet.storedFolder(second));
        raw.files.add(new RawCabinet.File("one\\first.txt", first.length, 0, 0, CfFile.A_RDONLY));
        raw.files.add(new RawCabinet.File("second.txt", second.length, 0, 1, 0));
        Path cab = write("reserve.cab", raw.build());
        Path theirs = Files.createDirectories(temp.resolve("theirs"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), cab.toString());
        try (Cabinet cabinet = Cabinet.open(cab)) {
            assertEquals(20, cabinet.header().cbCFHeader());
            assertEquals(8, cabinet.header().cbCFData());
            assertEquals(2, cabinet.folderCount());
            assertEquals(CfFile.A_RDONLY, cabinet.entries().get(0).attributes());
            assertArrayEquals(first, cabinet.read(cabinet.entries().get(0)));
            Path ours = temp.resolve("ours");
            cabinet.extractAll(ours);
            Tools.assertSameTree(Tools.tree(theirs), Tools.tree(ours));
        }
    }
}
