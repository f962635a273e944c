package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link WimWriter} and {@link DirectoryCapture} against wimlib-imagex: what we write verifies and applies with
 * wimlib-imagex to the tree we captured; export, append and delete keep sharing and the old file survives a
 * failed append.
 */
class WimWriterTest {
    @TempDir
    Path dir;

    private Path tree(String name, int variant) throws IOException {
        Path root = ImageApplierTest.writeTree(dir.resolve(name), variant);
        Files.createSymbolicLink(root.resolve("Windows/relative-link"), Path.of("System32/kernel32.dll"));
        return root;
    }

    private static CaptureResult capture(WimWriter writer, Path tree, String name, String description)
            throws IOException {
        return DirectoryCapture.capture(writer, tree, name, description, (done, total) -> { });
    }

    /** Applies an image with wimlib-imagex and checks it is the captured tree. */
    private void assertAppliesTo(Path wim, int index, Path tree) throws IOException {
        Path applied = dir.resolve("applied-" + wim.getFileName() + "-" + index);
        Wimlib.apply(wim, index, applied);
        assertEquals(ImageApplierTest.snapshot(tree), ImageApplierTest.snapshot(applied));
        assertEquals(ImageApplierTest.hardLinkGroups(tree), ImageApplierTest.hardLinkGroups(applied));
        assertEquals(Files.readSymbolicLink(tree.resolve("Windows/relative-link")),
                Files.readSymbolicLink(applied.resolve("Windows/relative-link")));
    }

    @ParameterizedTest
    @CsvSource({"NONE,false", "XPRESS,false", "LZX,false", "NONE,true", "XPRESS,true", "LZX,true"})
    void capturedImagesVerifyAndApplyWithWimlib(CompressionType compression, boolean integrity) throws IOException {
        Path tree = tree("tree", 1);
        Path wim = dir.resolve("captured.wim");
        CaptureResult result;
        try (WimWriter writer = WimWriter.create(wim, compression, integrity)) {
            result = capture(writer, tree, "Captured Image", "A description & <markup>");
            writer.commit();
        }

        Wimlib.verify(wim);
        assertAppliesTo(wim, 1, tree);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals(compression == CompressionType.NONE ? "None" : compression.displayName(),
                info.file().get("Compression"));
        assertEquals(integrity, info.file().get("Attributes").contains("Integrity"));
        Map<String, String> image = info.images().get(0);
        assertEquals("Captured Image", image.get("Name"));
        assertEquals("A description & <markup>", image.get("Description"));
        assertEquals(Long.toString(result.directories()), image.get("Directory Count"));
        assertEquals(Long.toString(result.files()), image.get("File Count"));
        try (WimFile file = WimFile.open(wim)) {
            assertEquals(integrity, IntegrityTable.verify(file));
            assertEquals(1, file.imageCount());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void countsMatchWhatWimlibCountsForTheSameTree() throws IOException {
        Path tree = tree("tree", 2);
        Path theirs = dir.resolve("wimlib.wim");
        Wimlib.capture(tree, theirs, "Same", "");
        Path ours = dir.resolve("ours.wim");
        try (WimWriter writer = WimWriter.create(ours, CompressionType.XPRESS, false)) {
            capture(writer, tree, "Same", "");
            writer.commit();
        }
        Map<String, String> expected = Wimlib.info(theirs).images().get(0);
        Map<String, String> actual = Wimlib.info(ours).images().get(0);
        for (String key : List.of("Directory Count", "File Count", "Total Bytes", "Hard Link Bytes")) {
            assertEquals(expected.get(key), actual.get(key), key);
        }
    }

    @Test
    void threeImagesShareTheirStreamsAndEachApplies() throws IOException {
        Path wim = dir.resolve("three.wim");
        List<Path> trees = List.of(tree("one", 1), tree("two", 2), tree("three", 3));
        try (WimWriter writer = WimWriter.create(wim, CompressionType.LZX, true)) {
            for (int i = 0; i < 3; i++) {
                capture(writer, trees.get(i), "Image " + (i + 1), "Variant " + (i + 1));
            }
            writer.setBootIndex(2);
            writer.commit();
        }
        Wimlib.verify(wim);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("3", info.file().get("Image Count"));
        assertEquals("2", info.file().get("Boot Index"));
        for (int i = 0; i < 3; i++) {
            assertEquals("Image " + (i + 1), info.images().get(i).get("Name"));
            assertEquals("Variant " + (i + 1), info.images().get(i).get("Description"));
            assertAppliesTo(wim, i + 1, trees.get(i));
        }
        try (WimFile file = WimFile.open(wim)) {
            // the big file and shared.ini are the same in every variant: one stream each, referenced by all
            Set<Sha1Digest> hashes = new HashSet<>();
            for (LookupEntry entry : file.lookupTable().entries()) {
                assertTrue(hashes.add(entry.hash()), "stream " + entry.hash() + " is stored once");
            }
            LookupEntry big = file.lookupTable().find(Sha1Digest.fromHex(
                    ImageApplierTest.sha1(trees.get(0).resolve("Windows/System32/big.bin")))).orElseThrow();
            assertEquals(3, big.referenceCount());
            LookupEntry shared = file.lookupTable().find(Sha1Digest.fromHex(
                    ImageApplierTest.sha1(trees.get(0).resolve("Windows/shared.ini")))).orElseThrow();
            assertEquals(6, shared.referenceCount(), "two names in each of three images");
        }
    }

    /**
     * Files that are read, hashed and compressed ahead on worker threads (up to 1 MiB), around chunk boundaries,
     * incompressible, and many copies of one content: they verify, apply to the tree and are stored once each.
     */
    @ParameterizedTest
    @CsvSource({"XPRESS", "LZX"})
    void filesPreparedAheadVerifyApplyAndAreStoredOncePerContent(CompressionType compression) throws IOException {
        Path tree = dir.resolve("sizes");
        java.util.Random random = new java.util.Random(5);
        int[] sizes = {1, 32767, 32768, 32769, 65537, 1 << 20, (1 << 20) + 1, 300_000};
        for (int size : sizes) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) ("text repeats " + i / 1000).charAt(i % 13);
            }
            Files.createDirectories(tree.resolve("compressible"));
            Files.write(tree.resolve("compressible/" + size + ".txt"), data);
            random.nextBytes(data);
            Files.createDirectories(tree.resolve("random"));
            Files.write(tree.resolve("random/" + size + ".bin"), data);
        }
        byte[] copy = new byte[40_000];
        java.util.Arrays.fill(copy, (byte) 'c');
        for (int i = 0; i < 50; i++) {
            Files.write(Files.createDirectories(tree.resolve("copies/" + i % 5)).resolve("copy" + i + ".dat"), copy);
        }
        Path wim = dir.resolve("sizes.wim");
        try (WimWriter writer = WimWriter.create(wim, compression, false)) {
            capture(writer, tree, "Sizes", "");
            writer.commit();
        }
        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(ImageApplierTest.snapshot(tree), ImageApplierTest.snapshot(applied));
        try (WimFile file = WimFile.open(wim)) {
            List<LookupEntry> streams = file.lookupTable().entries().stream().filter(e -> !e.isMetadata()).toList();
            assertEquals(2 * sizes.length + 1, streams.size(), "each content once, the 50 copies as one");
            LookupEntry twoChunks = file.lookupTable().find(Sha1Digest.fromHex(
                    ImageApplierTest.sha1(tree.resolve("compressible/32769.txt")))).orElseThrow();
            assertTrue(twoChunks.resource().isCompressed(), "a compressible file of two chunks is compressed");
            assertTrue(twoChunks.resource().storedSize() < 32769 / 4, "stored " + twoChunks.resource().storedSize());
            LookupEntry oneRandomChunk = file.lookupTable().find(Sha1Digest.fromHex(
                    ImageApplierTest.sha1(tree.resolve("random/32768.bin")))).orElseThrow();
            assertFalse(oneRandomChunk.resource().isCompressed(), "a chunk that does not shrink is stored raw");
        }
        Path ours = dir.resolve("ours");
        try (WimFile file = WimFile.open(wim)) {
            ImageApplier.apply(file, 1, ours, ApplyOptions.DEFAULT);
        }
        assertEquals(ImageApplierTest.snapshot(tree), ImageApplierTest.snapshot(ours));
    }

    /**
     * With reparse point fixups (DISM's and wimlib's default) an absolute link into the captured tree points into
     * the applied tree, as when wimlib captures it; without, it keeps its absolute target.
     */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void absoluteLinksIntoTheTreeAreFixedUpAsWimlibDoes(boolean fixup) throws IOException {
        Path tree = tree("links", 1);
        Files.createSymbolicLink(tree.resolve("inside"), tree.resolve("Windows/System32/kernel32.dll"));
        Files.createSymbolicLink(tree.resolve("tree-root"), tree);
        Files.createSymbolicLink(tree.resolve("outside"), Path.of("/etc/hostname"));
        Path ours = dir.resolve("ours.wim");
        try (WimWriter writer = WimWriter.create(ours, CompressionType.XPRESS, false)) {
            DirectoryCapture.capture(writer, tree, "Links", "", CaptureConfiguration.NONE, fixup, (d, t) -> { });
            writer.commit();
        }
        Path theirs = dir.resolve("theirs.wim");
        Wimlib.capture(tree, theirs, "Links", "", fixup ? "--rpfix" : "--norpfix");
        Wimlib.verify(ours);
        assertEquals(Wimlib.info(theirs).file().get("Attributes"), Wimlib.info(ours).file().get("Attributes"),
                "the header's reparse point fixup flag");
        Path fromOurs = dir.resolve("from-ours");
        Path fromTheirs = dir.resolve("from-theirs");
        Wimlib.apply(ours, 1, fromOurs);
        Wimlib.apply(theirs, 1, fromTheirs);
        for (String link : List.of("inside", "tree-root", "outside", "Windows/relative-link")) {
            String expected = Files.readSymbolicLink(fromTheirs.resolve(link)).toString().replace(fromTheirs.toString(), "<root>");
            assertEquals(expected, Files.readSymbolicLink(fromOurs.resolve(link)).toString().replace(fromOurs.toString(), "<root>"), link);
        }
        assertEquals(fixup ? "<root>/Windows/System32/kernel32.dll" : tree.resolve("Windows/System32/kernel32.dll").toString(),
                Files.readSymbolicLink(fromOurs.resolve("inside")).toString().replace(fromOurs.toString(), "<root>"));
    }

    @Test
    void twoIdenticalTreesStoreEachContentOnce() throws IOException {
        Path tree = tree("tree", 4);
        Path wim = dir.resolve("twice.wim");
        try (WimWriter writer = WimWriter.create(wim, CompressionType.XPRESS, false)) {
            capture(writer, tree, "First", "");
            capture(writer, tree, "Second", "");
            writer.commit();
        }
        Wimlib.verify(wim);
        Set<String> contents = new HashSet<>();
        for (ImageApplierTest.Node node : ImageApplierTest.snapshot(tree).values()) {
            if (node.type().equals("file") && node.size() > 0) {
                contents.add(node.sha1());
            }
        }
        try (WimFile file = WimFile.open(wim)) {
            List<LookupEntry> streams = file.lookupTable().entries().stream().filter(e -> !e.isMetadata()).toList();
            // every distinct file content, plus the symbolic link's reparse data
            assertEquals(contents.size() + 1, streams.size());
            for (String content : contents) {
                assertTrue(file.lookupTable().find(Sha1Digest.fromHex(content)).isPresent());
            }
        }
    }

    @Test
    void exportFromAWimlibFileCopiesStreamsAndKeepsSharingAndTheWindowsBlock() throws IOException {
        Path one = tree("one", 1);
        Path two = tree("two", 2);
        Path source = dir.resolve("source.wim");
        Wimlib.capture(one, source, "One", "first");
        Wimlib.append(two, source, "Two", "second");
        Wimlib.setProperties(source, 2, "WINDOWS/EDITIONID=Professional", "WINDOWS/ARCH=9");
        Path alone = dir.resolve("alone.wim");
        Path both = dir.resolve("both.wim");
        try (WimFile src = WimFile.open(source)) {
            try (WimWriter writer = WimWriter.create(alone, CompressionType.XPRESS, false)) {
                ImageExport.exportImage(writer, src, 2, Optional.empty(), Optional.empty());
                writer.commit();
            }
            try (WimWriter writer = WimWriter.create(both, CompressionType.XPRESS, false)) {
                ImageExport.exportImage(writer, src, 1, Optional.empty(), Optional.empty());
                writer.commit();
            }
            long before = Files.size(both);
            try (WimWriter writer = WimWriter.append(both, true)) {
                ImageExport.exportImage(writer, src, 2, Optional.of("Renamed"), Optional.empty());
                writer.commit();
            }
            long grown = Files.size(both) - before;
            assertTrue(grown < Files.size(alone) - 4096, "appending image 2 grew the file by " + grown
                    + " bytes; image 2 alone takes " + Files.size(alone));
        }
        Wimlib.verify(both);
        Wimlib.Info info = Wimlib.info(both);
        assertEquals("Renamed", info.images().get(1).get("Name"));
        assertEquals("second", info.images().get(1).get("Description"));
        assertEquals("Professional", info.images().get(1).get("Edition ID"));
        assertAppliesTo(both, 1, one);
        assertAppliesTo(both, 2, two);
        try (WimFile file = WimFile.open(both)) {
            assertEquals("Professional", file.image(2).windows().orElseThrow().editionId());
        }
    }

    @Test
    void exportRecompressesWhenTheCompressionDiffers() throws IOException {
        Path one = tree("one", 1);
        Path source = dir.resolve("lzx.wim");
        Wimlib.capture(one, source, "One", "", "--compress=lzx");
        Path target = dir.resolve("none.wim");
        try (WimFile src = WimFile.open(source); WimWriter writer = WimWriter.create(target, CompressionType.NONE, false)) {
            ImageExport.exportImage(writer, src, 1, Optional.empty(), Optional.empty());
            writer.commit();
        }
        Wimlib.verify(target);
        assertEquals("None", Wimlib.info(target).file().get("Compression"));
        assertAppliesTo(target, 1, one);
    }

    @Test
    void deleteDropsTheImageAndTheStreamsOnlyItUsed() throws IOException {
        Path wim = dir.resolve("three.wim");
        List<Path> trees = List.of(tree("one", 1), tree("two", 2), tree("three", 3));
        Wimlib.capture(trees.get(0), wim, "One", "");
        Wimlib.append(trees.get(1), wim, "Two", "");
        Wimlib.append(trees.get(2), wim, "Three", "");
        Wimlib.setBootIndex(wim, 3);
        long before = Files.size(wim);
        Sha1Digest onlyInTwo = Sha1Digest.fromHex(ImageApplierTest.sha1(trees.get(1).resolve("Windows/variant-2.txt")));

        ImageDeletion.deleteImage(wim, 2, false);

        Wimlib.verify(wim);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("2", info.file().get("Image Count"));
        assertEquals("2", info.file().get("Boot Index"), "the boot image moved from 3 to 2");
        assertEquals("One", info.images().get(0).get("Name"));
        assertEquals("Three", info.images().get(1).get("Name"));
        assertTrue(Files.size(wim) < before);
        try (WimFile file = WimFile.open(wim)) {
            assertFalse(file.lookupTable().find(onlyInTwo).isPresent());
        }
        assertAppliesTo(wim, 2, trees.get(2));
    }

    @Test
    void appendAddsAnImageInPlace() throws IOException {
        Path one = tree("one", 1);
        Path two = tree("two", 2);
        Path wim = dir.resolve("grow.wim");
        Wimlib.capture(one, wim, "One", "", "--compress=lzx");
        try (WimWriter writer = WimWriter.append(wim, false)) {
            assertEquals(CompressionType.LZX, writer.compression());
            assertThrows(IllegalArgumentException.class, () -> capture(writer, two, "one", ""),
                    "names compare ignoring case");
            capture(writer, two, "Two", "appended");
            writer.commit();
        }
        Wimlib.verify(wim);
        assertEquals("LZX", Wimlib.info(wim).file().get("Compression"));
        assertAppliesTo(wim, 1, one);
        assertAppliesTo(wim, 2, two);
    }

    @Test
    void aFailedAppendLeavesTheOldFileOpeningWithItsImages() throws IOException {
        Path one = tree("one", 1);
        Path two = tree("two", 2);
        Path wim = dir.resolve("old.wim");
        Wimlib.capture(one, wim, "One", "", "--check");
        long size = Files.size(wim);

        IOException failure = assertThrows(IOException.class, () -> {
            try (WimWriter writer = WimWriter.append(wim, true)) {
                capture(writer, two, "Two", "");
                writer.checkpoint(stage -> {
                    if (stage.equals("tables")) {
                        // as if the machine stopped here: new data and tables are on disk, the header is old
                        assertTrue(Files.size(wim) > size);
                        assertOldFile(wim);
                        throw new IOException("injected failure before the header is rewritten");
                    }
                });
                writer.commit();
            }
        });
        assertEquals("injected failure before the header is rewritten", failure.getMessage());
        assertEquals(size, Files.size(wim), "the failed append is cut off");
        assertOldFile(wim);
        assertAppliesTo(wim, 1, one);
    }

    private static void assertOldFile(Path wim) throws IOException {
        Wimlib.verify(wim);
        assertEquals("1", Wimlib.info(wim).file().get("Image Count"));
        try (WimFile file = WimFile.open(wim)) {
            assertEquals(1, file.imageCount());
            assertEquals("One", file.image(1).name());
            assertTrue(IntegrityTable.verify(file));
        }
    }

    @Test
    void refusesToAppendToSolidFiles() throws IOException {
        Path wim = dir.resolve("solid.wim");
        Wimlib.capture(tree("one", 1), wim, "One", "", "--solid");
        WimFormatException e = assertThrows(WimFormatException.class, () -> WimWriter.append(wim, false));
        assertTrue(e.getMessage().contains("solid"), e.getMessage());
    }
}
