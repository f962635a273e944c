package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DirectoryCapture} with a {@link CaptureConfiguration}: what the lists exclude is not in the image (wimlib-imagex
 * applies the rest, unchanged), exceptions bring files back, and compression-excluded files are uncompressed
 * resources of a compressed file that wimlib-imagex verifies.
 */
class ConfigurationListCaptureTest {
    @TempDir
    Path dir;

    /** Data that compresses well, so that an uncompressed resource is the list's doing, not the encoder's. */
    private static String compressible(String seed) {
        return (seed + " the same words again and again; ").repeat(4000);
    }

    private Path tree() throws IOException {
        Path root = dir.resolve("capture");
        Files.createDirectories(root.resolve("System Volume Information"));
        Files.writeString(root.resolve("System Volume Information/tracking.log"), "volume tracking");
        Files.writeString(root.resolve("pagefile.sys"), compressible("paging"));
        Files.writeString(root.resolve("hiberfil.sys"), compressible("hibernation"));
        Files.createDirectories(root.resolve("Users/Public"));
        Files.writeString(root.resolve("Users/Public/pagefile.sys"), "not the paging file: a user's file");
        Files.createDirectories(root.resolve("Music/Sub"));
        Files.writeString(root.resolve("Music/song.mp3"), "ID3 song");
        Files.writeString(root.resolve("Music/keep.mp3"), "ID3 keep");
        Files.writeString(root.resolve("Music/Sub/other.MP3"), "ID3 other");
        Files.writeString(root.resolve("Music/cover.jpg"), "JFIF cover");
        Files.createDirectories(root.resolve("Logs/keep"));
        Files.createDirectories(root.resolve("Logs/old"));
        Files.writeString(root.resolve("Logs/setup.log"), "setup log");
        Files.writeString(root.resolve("Logs/keep/important.log"), "important log");
        Files.writeString(root.resolve("Logs/keep/other.log"), "other log");
        Files.writeString(root.resolve("Logs/old/ancient.log"), "ancient log");
        Files.createDirectories(root.resolve("Data"));
        Files.writeString(root.resolve("Data/setup.cab"), "MSCF" + compressible("cabinet"));
        Files.writeString(root.resolve("Data/readme.txt"), compressible("readme"));
        Files.createDirectories(root.resolve("Windows/System32"));
        Files.writeString(root.resolve("Windows/System32/kernel32.dll"), compressible("kernel"));
        return root;
    }

    private static CaptureResult capture(Path wim, CompressionType compression, Path tree,
            CaptureConfiguration configuration) throws IOException {
        try (WimWriter writer = WimWriter.create(wim, compression, false)) {
            CaptureResult result = DirectoryCapture.capture(writer, tree, "Configured", "", configuration,
                    (done, total) -> { });
            writer.commit();
            return result;
        }
    }

    /** The source tree as the applied image must be: without the excluded paths (relative, with slashes). */
    private static Map<String, ImageApplierTest.Node> without(Path tree, Set<String> excluded) throws IOException {
        Map<String, ImageApplierTest.Node> expected = ImageApplierTest.snapshot(tree);
        expected.keySet().removeIf(path -> excluded.stream().anyMatch(e -> path.equals(e) || path.startsWith(e + "/")));
        return expected;
    }

    private static LookupEntry entryOf(WimFile wim, Path file) throws IOException {
        return wim.lookupTable().find(Sha1Digest.fromHex(ImageApplierTest.sha1(file))).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"XPRESS", "LZX"})
    void excludedEntriesAreLeftOutAndCabinetsStoredUncompressed(CompressionType compression) throws IOException {
        Path tree = tree();
        Path ini = Files.writeString(dir.resolve("WimScript.ini"), CaptureConfigurationTest.WIMSCRIPT,
                StandardCharsets.UTF_8);
        Path wim = dir.resolve("configured.wim");
        CaptureResult result = capture(wim, compression, tree, CaptureConfiguration.read(ini));

        assertEquals(new TreeSet<>(Set.of("\\hiberfil.sys", "\\pagefile.sys", "\\System Volume Information",
                "\\Music\\song.mp3", "\\Music\\Sub\\other.MP3", "\\Logs\\setup.log", "\\Logs\\keep\\other.log",
                "\\Logs\\old")), new TreeSet<>(result.excluded()));
        assertTrue(result.warnings().isEmpty(), "exclusions are no warnings: " + result.warnings());

        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        Map<String, ImageApplierTest.Node> expected = without(tree, Set.of("hiberfil.sys", "pagefile.sys",
                "System Volume Information", "Music/song.mp3", "Music/Sub/other.MP3", "Logs/setup.log",
                "Logs/keep/other.log", "Logs/old"));
        Map<String, ImageApplierTest.Node> actual = ImageApplierTest.snapshot(applied);
        assertTrue(actual.containsKey("Logs/keep/important.log"), "the exception reaches into the excluded folder");
        assertTrue(actual.containsKey("Music/keep.mp3"), "the exception re-includes the .mp3");
        assertTrue(actual.containsKey("Users/Public/pagefile.sys"), "\\pagefile.sys is the root's only");
        assertEquals(expected, actual);
        assertEquals(Long.toString(result.files()), Wimlib.info(wim).images().get(0).get("File Count"));

        try (WimFile file = WimFile.open(wim)) {
            ResourceHeader cab = entryOf(file, tree.resolve("Data/setup.cab")).resource();
            assertFalse(cab.isCompressed(), "the [CompressionExclusionList] *.cab is stored uncompressed");
            assertEquals(cab.originalSize(), cab.storedSize());
            ResourceHeader text = entryOf(file, tree.resolve("Data/readme.txt")).resource();
            assertTrue(text.isCompressed(), "the same kind of data elsewhere is compressed");
            assertTrue(text.storedSize() < text.originalSize() / 4, text.toString());
        }
    }

    @Test
    void dismsDefaultListLeavesOutThePagingFileAndKeepsTheRest() throws IOException {
        Path tree = tree();
        Files.createDirectories(tree.resolve("Windows/inf"));
        Files.writeString(tree.resolve("Windows/inf/oem0.pnf"), compressible("precompiled inf"));
        Path wim = dir.resolve("default.wim");
        CaptureResult result = capture(wim, CompressionType.LZX, tree, CaptureConfiguration.DISM_DEFAULT);

        assertEquals(Set.of("\\hiberfil.sys", "\\pagefile.sys", "\\System Volume Information"),
                Set.copyOf(result.excluded()));
        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(without(tree, Set.of("hiberfil.sys", "pagefile.sys", "System Volume Information")),
                ImageApplierTest.snapshot(applied));
        try (WimFile file = WimFile.open(wim)) {
            assertFalse(entryOf(file, tree.resolve("Windows/inf/oem0.pnf")).resource().isCompressed());
            assertFalse(entryOf(file, tree.resolve("Data/setup.cab")).resource().isCompressed());
            assertTrue(entryOf(file, tree.resolve("Windows/System32/kernel32.dll")).resource().isCompressed());
        }
    }

    @Test
    void withoutAConfigurationEverythingIsCapturedAndCompressed() throws IOException {
        Path tree = tree();
        Path wim = dir.resolve("all.wim");
        CaptureResult result;
        try (WimWriter writer = WimWriter.create(wim, CompressionType.XPRESS, false)) {
            result = DirectoryCapture.capture(writer, tree, "All", "", (done, total) -> { });
            writer.commit();
        }
        assertTrue(result.excluded().isEmpty());
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(ImageApplierTest.snapshot(tree), ImageApplierTest.snapshot(applied));
        try (WimFile file = WimFile.open(wim)) {
            assertTrue(entryOf(file, tree.resolve("Data/setup.cab")).resource().isCompressed());
        }
    }
}
