package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Split WIMs (.swm): sets that "wimlib-imagex split" writes are read and applied as "wimlib-imagex apply" applies the
 * unsplit file; sets that {@link WimSplitter} writes are joined and verified by wimlib-imagex; sets that are not
 * whole are refused with a message that names the problem.
 */
class SplitWimTest {
    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    /**
     * A WIM file of two images captured by wimlib-imagex: {@link ImageApplierTest#writeTree} (hard links, a 3 MiB
     * file shared by both images, empty files) and, so that 1 MiB parts are many, six drivers of 300 kB of random
     * bytes that differ between the images.
     */
    private Path wim(String compression) throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(tree(1), wim, "One", "first", compression);
        Wimlib.append(tree(2), wim, "Two", "second", compression);
        return wim;
    }

    private Path tree(int variant) throws IOException {
        Path root = ImageApplierTest.writeTree(dir.resolve("src" + variant), variant);
        Random random = new Random(variant);
        for (int i = 1; i <= 6; i++) {
            byte[] driver = new byte[300_000];
            random.nextBytes(driver);
            Files.write(root.resolve("Windows/System32/drivers/driver" + i + ".sys"), driver);
        }
        return root;
    }

    /** Splits with wimlib-imagex into parts of 1 MiB in the folder "parts"; returns part 1. */
    private Path wimlibSplit(Path wim) throws IOException {
        Path firstPart = Files.createDirectories(dir.resolve("parts")).resolve("install.swm");
        Wimlib.split(wim, firstPart, 1);
        return firstPart;
    }

    private static List<Path> swmFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".swm")).sorted().toList();
        }
    }

    private static void assertSameTrees(Path expected, Path actual) throws IOException {
        Map<String, ImageApplierTest.Node> want = ImageApplierTest.snapshot(expected);
        Map<String, ImageApplierTest.Node> got = ImageApplierTest.snapshot(actual);
        assertEquals(want.keySet(), got.keySet(), "the applied names differ");
        for (String path : want.keySet()) {
            assertEquals(want.get(path), got.get(path), path);
        }
        assertEquals(ImageApplierTest.hardLinkGroups(expected), ImageApplierTest.hardLinkGroups(actual));
    }

    /** Applies both images of the split WIM and compares them with what wimlib-imagex applies from the unsplit file. */
    private void assertAppliesAsUnsplit(Path wim, Path firstPart, String pattern) throws IOException {
        try (WimFile split = SplitWimSet.open(firstPart, pattern)) {
            assertTrue(split.isSplit());
            assertTrue(split.hasAllParts());
            assertEquals(2, split.imageCount());
            assertEquals("Two", split.image(2).name());
            for (int index = 1; index <= 2; index++) {
                Path ours = dir.resolve("ours" + index);
                Path theirs = dir.resolve("theirs" + index);
                ImageApplier.apply(split, index, ours, ApplyOptions.DEFAULT);
                Wimlib.apply(wim, index, theirs);
                assertSameTrees(theirs, ours);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--compress=xpress", "--compress=lzx", "--compress=none"})
    void appliesWimlibSplitOutputAsWimlibAppliesTheUnsplitFile(String compression) throws IOException {
        Path wim = wim(compression);
        Path firstPart = wimlibSplit(wim);
        List<Path> parts = swmFiles(firstPart.getParent());
        assertTrue(parts.size() >= 3, "wimlib-imagex wrote " + parts);
        try (WimFile split = SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString())) {
            assertEquals(parts.size(), split.partPaths().size());
            assertTrue(split.lookupTable().streams().stream().anyMatch(e -> e.partNumber() == parts.size()),
                    "streams are read from the last part too");
        }
        assertAppliesAsUnsplit(wim, firstPart, firstPart.resolveSibling("install*.swm").toString());
    }

    @Test
    void aPatternWithoutWildcardsNamesThePartsByTheSplitWimNaming() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        List<Path> parts = swmFiles(firstPart.getParent());
        Files.writeString(firstPart.resolveSibling("installer.swm"), "not named like a part");
        assertEquals(parts, SplitWimSet.matching(firstPart.toString()));
        assertEquals(firstPart.resolveSibling("install3.swm"), SplitWimSet.partName(firstPart, 3));
        try (WimFile split = SplitWimSet.open(firstPart, firstPart.toString())) {
            assertTrue(split.hasAllParts());
        }
    }

    @Test
    void patternsCompareNamesIgnoringCaseAsOnWindows() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        Path upper = Files.move(firstPart.resolveSibling("install2.swm"), firstPart.resolveSibling("INSTALL2.SWM"));
        assertTrue(SplitWimSet.matching(firstPart.resolveSibling("Install*.swm").toString()).contains(upper));
        try (WimFile split = SplitWimSet.open(firstPart, firstPart.resolveSibling("Install*.swm").toString())) {
            assertTrue(split.partPaths().contains(upper));
        }
    }

    @Test
    void ourSplitIsJoinedAndVerifiedByWimlib() throws IOException {
        Path wim = wim("--compress=lzx");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<long[]> progress = new ArrayList<>();
        List<Path> parts;
        try (WimFile source = WimFile.open(wim)) {
            parts = WimSplitter.split(source, out.resolve("install.swm"), MIB, true,
                    (done, total) -> progress.add(new long[] {done, total}));
        }
        assertEquals(swmFiles(out), parts);
        assertTrue(parts.size() >= 3, parts.toString());
        assertEquals(out.resolve("install2.swm"), parts.get(1));
        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0]);

        Map<String, String> info = Wimlib.info(parts.get(0)).file();
        assertEquals("1/" + parts.size(), info.get("Part Number"));
        assertEquals("LZX", info.get("Compression"));
        Wimlib.run("verify", parts.get(0).toString(), "--ref=" + out.resolve("install*.swm"));
        for (Path part : parts) {
            String checked = Wimlib.run("info", part.toString(), "--check");
            assertTrue(checked.contains("Integrity info"), part + ": " + checked);
        }
        Path joined = dir.resolve("joined.wim");
        Wimlib.join(joined, parts, "--check");
        Wimlib.verify(joined);
        for (int index = 1; index <= 2; index++) {
            Path theirs = dir.resolve("wimlib-from-parts" + index);
            Wimlib.run("apply", parts.get(0).toString(), Integer.toString(index), theirs.toString(),
                    "--ref=" + out.resolve("install*.swm"));
            Path expected = dir.resolve("wimlib-from-wim" + index);
            Wimlib.apply(wim, index, expected);
            assertSameTrees(expected, theirs);
        }
        assertAppliesAsUnsplit(wim, parts.get(0), out.resolve("install*.swm").toString());
        try (WimFile split = SplitWimSet.open(parts.get(0), parts)) {
            assertTrue(IntegrityTable.verify(split), "every part has an integrity table");
        }
    }

    @Test
    void partsStayWithinTheSizeButForOneLargerStream() throws IOException {
        Path wim = wim("--compress=none");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> parts;
        try (WimFile source = WimFile.open(wim)) {
            parts = WimSplitter.split(source, out.resolve("install.swm"), MIB, false, (done, total) -> { });
        }
        int larger = 0;
        for (Path part : parts) {
            try (WimFile file = WimFile.open(part)) {
                assertTrue(file.isSplit());
                assertEquals(0, file.header().bootIndex(), "a split WIM is not bootable");
                assertEquals(WimHeader.FLAG_SPANNED, file.header().flags() & WimHeader.FLAG_SPANNED);
                int entries = file.lookupTable().entries().size();
                if (Files.size(part) > MIB) {
                    larger++;
                    assertEquals(1, entries, part + " is larger than 1 MiB, so it holds only the one larger stream");
                    assertTrue(file.lookupTable().entries().get(0).size() > MIB);
                }
            }
        }
        assertEquals(1, larger, "the 3 MiB file both images share, stored uncompressed");
        Path joined = dir.resolve("joined.wim");
        Wimlib.join(joined, parts);
        Wimlib.verify(joined);
    }

    @Test
    void refusesAMissingPartNamingIt() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        Files.delete(firstPart.resolveSibling("install2.swm"));
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString()));
        assertEquals(List.of(firstPart.resolveSibling("install2.swm")), e.missingParts());
        assertTrue(e.getMessage().startsWith("part 2 of the split WIM " + firstPart), e.getMessage());
        assertTrue(e.getMessage().endsWith("is missing; expected " + firstPart.resolveSibling("install2.swm")),
                e.getMessage());
    }

    @Test
    void refusesAPartOfAnotherSplitWim() throws IOException {
        Path wim = wim("--compress=lzx");
        Path firstPart = wimlibSplit(wim);
        Path other = Files.createDirectories(dir.resolve("other")).resolve("install.swm");
        Wimlib.split(wim, other, 1);
        Files.copy(other.resolveSibling("install2.swm"), firstPart.resolveSibling("install2.swm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString()));
        assertTrue(e.getMessage().contains("install2.swm is not a part of the split WIM " + firstPart
                + ": it is part 2 of another split WIM"), e.getMessage());
        assertEquals(List.of(), e.missingParts());
    }

    @Test
    void refusesAStandaloneWimFileAmongTheParts() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        Files.copy(dir.resolve("install.wim"), firstPart.resolveSibling("install.wim"));
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(firstPart, firstPart.resolveSibling("install*").toString()));
        assertTrue(e.getMessage().contains("install.wim is not a part of the split WIM " + firstPart
                + ": it is a WIM file of its own"), e.getMessage());
    }

    @Test
    void refusesAPartNumberOutsideTheSet() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        int total = swmFiles(firstPart.getParent()).size();
        try (FileChannel channel = FileChannel.open(firstPart.resolveSibling("install2.swm"), StandardOpenOption.WRITE)) {
            ByteBuffer partNumber = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) (total + 5));
            channel.write(partNumber, 40);
        }
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString()));
        assertTrue(e.getMessage().contains("its header gives part number " + (total + 5) + ", outside the parts 1 to "
                + total), e.getMessage());
    }

    @Test
    void refusesAPartGivenTwice() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        Files.copy(firstPart.resolveSibling("install3.swm"), firstPart.resolveSibling("install3 - Copy.swm"));
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString()));
        assertTrue(e.getMessage().startsWith("part 3 of the split WIM " + firstPart + " is given twice: "),
                e.getMessage());
    }

    @Test
    void refusesAPartOtherThanTheFirstAsTheImageFile() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        Path second = firstPart.resolveSibling("install2.swm");
        SplitWimException e = assertThrows(SplitWimException.class,
                () -> SplitWimSet.open(second, firstPart.resolveSibling("install*.swm").toString()));
        assertTrue(e.getMessage().contains("is part 2 of a split WIM"), e.getMessage());
        try (WimFile alone = WimFile.open(second)) {
            WimFormatException metadata = assertThrows(WimFormatException.class, () -> alone.readMetadataResource(1));
            assertTrue(metadata.getMessage().contains("is part 2 of a split WIM"), metadata.getMessage());
        }
    }

    @Test
    void part1AloneShowsItsImagesButCannotApplyThem() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        try (WimFile alone = WimFile.open(firstPart)) {
            assertTrue(alone.isSplit());
            assertFalse(alone.hasAllParts());
            assertEquals("One", alone.image(1).name());
            Path target = dir.resolve("target");
            WimFormatException e = assertThrows(WimFormatException.class,
                    () -> ImageApplier.apply(alone, 1, target, ApplyOptions.DEFAULT));
            assertTrue(e.getMessage().contains("the data lies in another part"), e.getMessage());
            assertFalse(Files.exists(target), "nothing is written when a part is missing");
        }
    }

    @Test
    void exportingFromASplitWimJoinsIt() throws IOException {
        Path wim = wim("--compress=xpress");
        Path firstPart = wimlibSplit(wim);
        Path joined = dir.resolve("joined.wim");
        try (WimFile split = SplitWimSet.open(firstPart, firstPart.resolveSibling("install*.swm").toString());
                WimWriter writer = WimWriter.create(joined, CompressionType.XPRESS, false)) {
            ImageExport.exportImage(writer, split, 1, java.util.Optional.empty(), java.util.Optional.empty());
            ImageExport.exportImage(writer, split, 2, java.util.Optional.empty(), java.util.Optional.empty());
            writer.commit();
            assertTrue(writer.copiedStreams() > 0, "streams are copied as stored from every part");
        }
        Wimlib.verify(joined);
        for (int index = 1; index <= 2; index++) {
            Wimlib.apply(joined, index, dir.resolve("joined" + index));
            Wimlib.apply(wim, index, dir.resolve("original" + index));
            assertSameTrees(dir.resolve("original" + index), dir.resolve("joined" + index));
        }
    }

    @Test
    void aFailedSplitLeavesNoPartBehind() throws IOException {
        Path wim = wim("--compress=lzx");
        for (String stage : List.of("part 2", "renamed part 2")) {
            Path out = Files.createDirectories(dir.resolve("out " + stage));
            IOException e;
            try (WimFile source = WimFile.open(wim)) {
                e = assertThrows(IOException.class, () -> WimSplitter.split(source, out.resolve("install.swm"), MIB,
                        false, (done, total) -> { }, reached -> {
                            if (reached.equals(stage)) {
                                throw new IOException("disk full at " + reached);
                            }
                        }));
            }
            assertEquals("disk full at " + stage, e.getMessage());
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of(), left.toList(), "no part and no temporary file is left after a failure at "
                        + stage);
            }
        }
    }

    @Test
    void refusesToOverwriteAnExistingPart() throws IOException {
        Path wim = wim("--compress=lzx");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("install2.swm"), "an older part");
        try (WimFile source = WimFile.open(wim)) {
            FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                    () -> WimSplitter.split(source, out.resolve("install.swm"), MIB, false, (done, total) -> { }));
            assertEquals(out.resolve("install2.swm").toAbsolutePath().toString(), e.getFile());
        }
        assertEquals(List.of(out.resolve("install2.swm")), swmFiles(out));
        assertEquals("an older part", Files.readString(out.resolve("install2.swm")));
    }

    @Test
    void refusesToSplitASplitWim() throws IOException {
        Path firstPart = wimlibSplit(wim("--compress=lzx"));
        try (WimFile part = WimFile.open(firstPart)) {
            WimFormatException e = assertThrows(WimFormatException.class,
                    () -> WimSplitter.split(part, dir.resolve("again.swm"), MIB, false, (done, total) -> { }));
            assertTrue(e.getMessage().contains("is part 1 of a split WIM already"), e.getMessage());
        }
    }
}
