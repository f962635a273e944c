package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set of two cabinets whose first folder, and the file "span.bin" in it, continue from part1.cab into part2.cab
 * in the middle of a CFDATA block (cbUncomp 0): we read it as cabextract does.
 */
class CabinetSetTest {
    @TempDir
    Path temp;

    private final byte[] first = text(10_000, 1);
    private final byte[] spanned = text(50_000, 2);
    private final byte[] last = "the last file, in its own folder".getBytes(StandardCharsets.US_ASCII);

    private static byte[] text(int size, long seed) {
        StringBuilder builder = new StringBuilder();
        Random random = new Random(seed);
        while (builder.length() < size) {
            builder.append("%SystemRoot%\\System32\\DriverStore\\FileRepository\\").append(random.nextInt(99999))
                    .append("\r\n");
        }
        return builder.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes part1.cab and part2.cab; returns the expected tree. */
    private Map<String, byte[]> writeSet(boolean mszip) throws Exception {
        byte[] folder = new byte[first.length + spanned.length];
        System.arraycopy(first, 0, folder, 0, first.length);
        System.arraycopy(spanned, 0, folder, first.length, spanned.length);
        List<RawCabinet.Block> blocks = new ArrayList<>();
        try (MszipBlockEncoder encoder = new MszipBlockEncoder()) {
            for (int offset = 0; offset < folder.length; offset += 32768) {
                byte[] frame = Arrays.copyOfRange(folder, offset, Math.min(folder.length, offset + 32768));
                blocks.add(new RawCabinet.Block(mszip ? encoder.encode(frame, frame.length) : frame, frame.length));
            }
        }
        RawCabinet.Block split = blocks.remove(1);
        int cut = split.data().length / 3;
        int type = mszip ? 1 : 0;

        RawCabinet part1 = new RawCabinet();
        part1.nextCabinet = "PART2.CAB";
        part1.folders.add(new RawCabinet.Folder(type, List.of(blocks.get(0),
                new RawCabinet.Block(Arrays.copyOf(split.data(), cut), 0))));
        part1.files.add(new RawCabinet.File("first.txt", first.length, 0, 0, 0));
        part1.files.add(new RawCabinet.File("sub\\span.bin", spanned.length, first.length, CfFile.CONTINUED_TO_NEXT, 0));

        RawCabinet part2 = new RawCabinet();
        part2.iCabinet = 1;
        part2.prevCabinet = "part1.cab";
        part2.folders.add(new RawCabinet.Folder(type, List.of(
                new RawCabinet.Block(Arrays.copyOfRange(split.data(), cut, split.data().length), split.cbUncomp()))));
        part2.folders.add(RawCabinet.storedFolder(last));
        part2.files.add(new RawCabinet.File("sub\\span.bin", spanned.length, first.length, CfFile.CONTINUED_FROM_PREV, 0));
        part2.files.add(new RawCabinet.File("last.txt", last.length, 0, 1, 0));

        Files.write(temp.resolve("part1.cab"), part1.build());
        Files.write(temp.resolve("part2.cab"), part2.build());
        Map<String, byte[]> expected = new TreeMap<>();
        expected.put("first.txt", first);
        expected.put("sub/span.bin", spanned);
        expected.put("last.txt", last);
        return expected;
    }

    private void readsSetLikeCabextract(boolean mszip) throws Exception {
        Map<String, byte[]> expected = writeSet(mszip);
        Path theirs = Files.createDirectories(temp.resolve("theirs"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), temp.resolve("part1.cab").toString());
        Tools.assertSameTree(expected, Tools.tree(theirs));

        for (String start : List.of("part1.cab", "part2.cab")) {
            try (Cabinet cabinet = Cabinet.open(temp.resolve(start))) {
                assertEquals(List.of(temp.resolve("part1.cab"), temp.resolve("part2.cab")), cabinet.cabinets());
                assertEquals(List.of("first.txt", "sub\\span.bin", "last.txt"),
                        cabinet.entries().stream().map(CabinetEntry::name).toList(), "span.bin is listed once");
                assertEquals(2, cabinet.folderCount());
                assertEquals(start.equals("part1.cab") ? 0 : 1, cabinet.header().iCabinet());
                assertArrayEquals(spanned, cabinet.read(cabinet.find("sub/span.bin").orElseThrow()));
                Path ours = temp.resolve("ours-" + start);
                cabinet.extractAll(ours);
                Tools.assertSameTree(Tools.tree(theirs), Tools.tree(ours));
            }
        }
    }

    @Test
    void readsUncompressedSetLikeCabextract() throws Exception {
        readsSetLikeCabextract(false);
    }

    @Test
    void readsMszipSetLikeCabextract() throws Exception {
        readsSetLikeCabextract(true);
    }

    @Test
    void missingNextCabinetIsNamedWhenReadingTheSpannedFile() throws Exception {
        writeSet(true);
        Files.delete(temp.resolve("part2.cab"));
        try (Cabinet cabinet = Cabinet.open(temp.resolve("part1.cab"))) {
            assertEquals(List.of(temp.resolve("part1.cab")), cabinet.cabinets());
            assertArrayEquals(first, cabinet.read(cabinet.find("first.txt").orElseThrow()));
            CabinetFormatException e = assertThrows(CabinetFormatException.class,
                    () -> cabinet.read(cabinet.find("sub\\span.bin").orElseThrow()));
            assertTrue(e.getMessage().contains("PART2.CAB") && e.getMessage().contains("not found"), e.getMessage());
        }
    }

    @Test
    void missingPreviousCabinetIsNamed() throws Exception {
        writeSet(false);
        Files.delete(temp.resolve("part1.cab"));
        try (Cabinet cabinet = Cabinet.open(temp.resolve("part2.cab"))) {
            assertArrayEquals(last, cabinet.read(cabinet.find("last.txt").orElseThrow()));
            CabinetFormatException e = assertThrows(CabinetFormatException.class,
                    () -> cabinet.read(cabinet.find("sub\\span.bin").orElseThrow()));
            assertTrue(e.getMessage().contains("part1.cab") && e.getMessage().contains("not found"), e.getMessage());
        }
    }
}
