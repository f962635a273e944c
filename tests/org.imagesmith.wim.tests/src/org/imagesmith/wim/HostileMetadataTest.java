package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged and hostile metadata resources: an uncompressed WIM file made by wimlib-imagex, with one field of its
 * metadata resource changed and the resource's SHA-1 digest in the lookup table fixed, so that only that field is
 * wrong. Applying must refuse before writing anything, and never hang.
 */
class HostileMetadataTest {
    private static final String VICTIM = "victim-file.txt";

    @TempDir
    Path dir;
    private PatchableWim wim;

    @BeforeEach
    void captureImage() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/d/sub"));
        Files.createDirectories(dir.resolve("src/e"));
        Files.writeString(dir.resolve("src/" + VICTIM), "victim");
        Files.writeString(dir.resolve("src/d/sub/f.txt"), "f");
        wim = PatchableWim.capture(source.getParent().getParent(), dir.resolve("test.wim"));
    }

    private long offsetOf(String path) {
        return wim.offsetOf(path);
    }

    /** Renames the victim file in place (the new name must not be longer). */
    private void rename(String name) throws Exception {
        long offset = offsetOf(VICTIM);
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        wim.patchInPlace(b -> {
            b.putShort((int) offset + 100, (short) utf16.length);
            b.put((int) offset + Dentry.FIXED_SIZE, utf16);
            b.putShort((int) offset + Dentry.FIXED_SIZE + utf16.length, (short) 0);
        });
    }

    private WimFormatException applyFails() throws IOException {
        Path target = dir.resolve("target");
        List<Path> before = list(dir);
        WimFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                WimFormatException.class, () -> {
                    try (WimFile file = WimFile.open(wim.path)) {
                        ImageApplier.apply(file, 1, target, ApplyOptions.DEFAULT);
                    }
                }));
        assertFalse(Files.exists(target), "nothing may be written");
        assertEquals(before, list(dir), "nothing may be written");
        return e;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.sorted().toList();
        }
    }

    @Test
    void aValidRenameStillApplies() throws Exception {
        rename("renamed.txt");
        Path ours = dir.resolve("ours");
        try (WimFile file = WimFile.open(wim.path)) {
            ImageApplier.apply(file, 1, ours, ApplyOptions.DEFAULT);
        }
        Wimlib.apply(wim.path, 1, dir.resolve("theirs"));
        assertEquals("victim", Files.readString(ours.resolve("renamed.txt")));
        assertEquals("victim", Files.readString(dir.resolve("theirs/renamed.txt")));
        assertFalse(Files.exists(ours.resolve(VICTIM)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "../../x", "a\\b", "..\\..\\x", "C:", "C:\\evil", "x\0y", "/etc"})
    void namesThatCouldEscapeAreRefused(String name) throws Exception {
        rename(name);
        WimFormatException e = applyFails();
        assertTrue(e.getMessage().contains("\"" + Dentry.printable(name) + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + offsetOf(VICTIM)), e.getMessage());
    }

    @Test
    void anEmptyNameIsRefused() throws Exception {
        rename("");
        assertTrue(applyFails().getMessage().contains("has no name"));
    }

    @Test
    void aDirectoryThatContainsItselfIsRefused() throws Exception {
        long sub = offsetOf("d/sub");
        long listOfD = wim.parsed.find("d").orElseThrow().subdirOffset();
        wim.patchInPlace(b -> b.putLong((int) sub + 16, listOfD));
        String message = applyFails().getMessage();
        assertTrue(message.contains("\\d\\sub contains itself"), message);
    }

    @Test
    void aDirectoryListingTheRootIsRefused() throws Exception {
        long sub = offsetOf("d/sub");
        wim.patchInPlace(b -> b.putLong((int) sub + 16, wim.parsed.root().offset()));
        assertTrue(applyFails().getMessage().contains("listed twice"));
    }

    @Test
    void directoriesSharingChildrenAreRefused() throws Exception {
        long e = offsetOf("e");
        long listOfD = wim.parsed.find("d").orElseThrow().subdirOffset();
        wim.patchInPlace(b -> b.putLong((int) e + 16, listOfD));
        String message = applyFails().getMessage();
        assertTrue(message.contains("share the subdirectory offset " + listOfD), message);
    }

    /** Parses the metadata with one change, expecting a WimFormatException whose message holds {@code expected}. */
    private void refused(Consumer<ByteBuffer> patch, String expected) {
        byte[] changed = wim.changed(patch);
        WimFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(WimFormatException.class, () -> ImageMetadata.parse(changed)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void lengthsAndOffsetsOutsideTheResourceAreRefused() {
        int victim = (int) offsetOf(VICTIM);
        int d = (int) offsetOf("d");
        refused(b -> b.putLong(victim, 1L << 40), "claims 1099511627776 bytes");
        refused(b -> b.putLong(victim, -1), "claims 18446744073709551615 bytes");
        refused(b -> b.putLong(victim, 50), "claims 50 bytes");
        refused(b -> b.putShort(victim + 100, (short) 2000), "too few for its names of 2000");
        refused(b -> b.putShort(victim + 100, (short) 3), "odd number of bytes");
        refused(b -> b.putShort(victim + 96, (short) 0xFFFF), "stream entry");
        refused(b -> b.putLong(d + 16, wim.metadata.length + 100L), "lies outside the resource");
        refused(b -> b.putLong(d + 16, -8), "lies outside the resource");
        refused(b -> b.putInt(victim + 12, 7), "security id 7");
        refused(b -> b.putInt(0, Integer.MAX_VALUE), "the security data claims 2147483647 bytes");
        refused(b -> b.putInt(4, 1000), "claims 1000 security descriptors");
        refused(b -> {
            b.putInt(0, 24);
            b.putInt(4, 1);
            b.putLong(8, 4000);
        }, "security descriptor 0 claims 4000 bytes");
        refused(b -> b.putInt((int) wim.parsed.root().offset() + 8, 0x20), "is not a directory");
        byte[] tiny = new byte[4];
        assertThrows(WimFormatException.class, () -> ImageMetadata.parse(tiny));
        assertThrows(WimFormatException.class, () -> ImageMetadata.parse(java.util.Arrays.copyOf(wim.metadata, 200)));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        Path deep = dir.resolve("deep");
        Path path = deep;
        for (int i = 0; i <= ImageMetadata.MAX_DEPTH; i++) {
            path = path.resolve("d");
        }
        Files.createDirectories(path);
        Path deepWim = dir.resolve("deep.wim");
        Wimlib.capture(deep, deepWim, "Deep", "deep");
        try (WimFile file = WimFile.open(deepWim)) {
            WimFormatException e = assertThrows(WimFormatException.class,
                    () -> ImageMetadata.parse(file.readMetadataResource(1)));
            assertTrue(e.getMessage().contains("nested more than " + ImageMetadata.MAX_DEPTH), e.getMessage());
        }
    }
}
