package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MetadataResourceWriter} against wimlib-imagex's metadata resources: what wimlib writes parses, writes back
 * byte for byte and parses again to the same tree; what we capture is laid out exactly as wimlib lays it out.
 */
class MetadataResourceWriterTest {
    @TempDir
    Path dir;

    /** A tree with what the layout must handle: nesting, empty directories, links, names ordered by case folding. */
    private Path writeTree(Path root) throws IOException {
        Files.createDirectories(root.resolve("Dir/Sub"));
        Files.createDirectories(root.resolve("empty"));
        Files.writeString(root.resolve("a.txt"), "hello\n");
        Files.writeString(root.resolve("B.txt"), "hello\n");
        Files.writeString(root.resolve("Dir/aa"), "y\n");
        Files.writeString(root.resolve("Dir/_u"), "y\n");
        Files.writeString(root.resolve("Dir/Sub/Zed"), "x\n");
        Files.writeString(root.resolve("Dir/c with a long name to need more padding"), "c");
        Files.write(root.resolve("zero"), new byte[0]);
        Files.createSymbolicLink(root.resolve("link"), Path.of("a.txt"));
        Files.createSymbolicLink(root.resolve("abslink"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(root.resolve("dirlink"), Path.of("Dir/Sub"));
        // access times after the change times: reading the files does not change them (relatime)
        Instant written = Instant.parse("2020-02-03T04:05:06.1234567Z");
        Instant accessed = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3600);
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(FileTime.from(written), FileTime.from(accessed), null);
            }
        }
        return root;
    }

    private static byte[] metadataOf(Path wim) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            return file.readMetadataResource(1);
        }
    }

    @Test
    void wimlibMetadataWritesBackByteForByte() throws IOException {
        Path tree = writeTree(dir.resolve("tree"));
        Files.createLink(tree.resolve("hard link"), tree.resolve("a.txt"));
        Path wim = dir.resolve("wimlib.wim");
        Wimlib.capture(tree, wim, "Image", "Description", "--compress=none");
        byte[] original = metadataOf(wim);
        ImageMetadata parsed = ImageMetadata.parse(original);

        byte[] written = MetadataResourceWriter.write(parsed);

        assertArrayEquals(original, written);
        ImageMetadata reparsed = ImageMetadata.parse(written);
        assertEquals(parsed.entries(), reparsed.entries());
        assertEquals(1, reparsed.hardLinkGroups().size());
        assertTrue(reparsed.find("\\link").orElseThrow().isReparsePoint());
    }

    @Test
    void capturedMetadataHasWimlibsLayout() throws IOException {
        Path tree = writeTree(dir.resolve("tree"));
        Path theirs = dir.resolve("wimlib.wim");
        Wimlib.capture(tree, theirs, "Image", "", "--compress=none");
        Path ours = dir.resolve("ours.wim");
        try (WimWriter writer = WimWriter.create(ours, CompressionType.NONE, false)) {
            DirectoryCapture.capture(writer, tree, "Image", "", (done, total) -> { });
            writer.commit();
        }

        assertArrayEquals(metadataOf(theirs), metadataOf(ours));
    }

    @Test
    void securityDescriptorsNamedStreamsAndShortNamesSurviveAWriteAndAParse() throws IOException {
        Sha1Digest data = Sha1Digest.fromHex("0123456789abcdef0123456789abcdef01234567");
        Sha1Digest ads = Sha1Digest.fromHex("89abcdef0123456789abcdef0123456789abcdef");
        Instant t = Instant.parse("2011-01-02T03:04:05.0000007Z");
        Dentry file = new Dentry(0, "\\Program Files\\app.exe", "app.exe", "APP~1.EXE", 0x21, 1, 0, t, t, t, data,
                0, 0, List.of(new StreamEntry("Zone.Identifier", ads)), List.of());
        Dentry folder = new Dentry(0, "\\Program Files", "Program Files", "PROGRA~1", 0x10, 0, 0, t, t, t,
                Sha1Digest.ZERO, 0, 0, List.of(), List.of(file));
        Dentry root = new Dentry(0, "\\", "", "", 0x10, 0, 0, t, t, t, Sha1Digest.ZERO, 0, 0, List.of(),
                List.of(folder));
        List<byte[]> descriptors = List.of(new byte[] {1, 0, 4, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0}, new byte[] {1, 0, 4, (byte) 0x84, 9, 9, 9});

        ImageMetadata parsed = ImageMetadata.parse(MetadataResourceWriter.write(descriptors, root));

        assertEquals(2, parsed.securityData().count());
        assertArrayEquals(descriptors.get(1), parsed.securityData().descriptor(1));
        Dentry app = parsed.find("\\program files\\APP.EXE").orElseThrow();
        assertEquals("APP~1.EXE", app.shortName());
        assertEquals(1, app.securityId());
        assertEquals(t, app.lastWriteTime());
        assertEquals(data, app.unnamedData());
        assertEquals(List.of(new StreamEntry("Zone.Identifier", ads)), app.namedStreams());
        assertEquals("PROGRA~1", parsed.find("\\Program Files").orElseThrow().shortName());
    }

    @Test
    void refusesASecurityIdWithoutDescriptor() {
        Instant t = Instant.EPOCH;
        Dentry file = new Dentry(0, "\\f", "f", "", 0x80, 3, 0, t, t, t, Sha1Digest.ZERO, 0, 0, List.of(), List.of());
        Dentry root = new Dentry(0, "\\", "", "", 0x10, -1, 0, t, t, t, Sha1Digest.ZERO, 0, 0, List.of(),
                List.of(file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetadataResourceWriter.write(List.of(), root));
        assertTrue(e.getMessage().contains("security id 3"), e.getMessage());
    }

    @Test
    void namesAreOrderedAsWindowsListsThem() {
        List<String> names = new ArrayList<>(List.of("_u", "Zed", "aa", "B.txt", "a.txt", "b.TXT", "Sub"));
        names.sort(MetadataResourceWriter::compareNames);
        assertEquals(List.of("a.txt", "aa", "B.txt", "b.TXT", "Sub", "Zed", "_u"), names);
    }
}
