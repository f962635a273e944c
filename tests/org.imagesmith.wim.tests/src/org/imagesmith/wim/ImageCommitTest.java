package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.mount.MountStatus;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ImageCommit} through {@link MountedImages}: a commit without changes gives back the very metadata resource
 * (wimlib's, and one patched with security descriptors, short names, an alternate data stream and an encrypted
 * file); changes are committed with only their data compressed; other images and the old file on failure are kept.
 */
class ImageCommitTest {
    /** O:SY (owner SYSTEM), self-relative, no DACL. */
    private static final byte[] OWNER_SYSTEM = HexFormat.of().parseHex(
            "0100008014000000000000000000000000000000" + "010100000000000512000000");
    /** O:BA (owner Administrators), self-relative, no DACL. */
    private static final byte[] OWNER_ADMINISTRATORS = HexFormat.of().parseHex(
            "0100008014000000000000000000000000000000" + "01020000000000052000000020020000");

    @TempDir
    Path dir;
    MountedImages mounts;

    @BeforeEach
    void store() {
        mounts = new MountedImages(new MountStore(dir.resolve("state")));
    }

    /** ImageApplierTest's tree (hard links, names differing in case, deep and empty directories) with symbolic links. */
    private Path tree(String name, int variant) throws IOException {
        Path root = ImageApplierTest.writeTree(dir.resolve(name), variant);
        Files.createSymbolicLink(root.resolve("Windows/relative-link"), Path.of("System32/kernel32.dll"));
        Files.createSymbolicLink(root.resolve("absolute-link"), Path.of("/Windows/System32"));
        // inside the captured tree: wimlib's capture fixes it (its reparse flags say so), which a commit keeps
        Files.createSymbolicLink(root.resolve("inside-link"), root.resolve("Windows/System32"));
        return root;
    }

    private Path mount(Path wim, int index) throws IOException {
        Path mountDir = Files.createDirectories(dir.resolve("mount-" + index));
        mounts.mount(wim, index, mountDir, false, (done, total) -> { });
        return mountDir;
    }

    private static byte[] metadata(Path wim, int index) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            return file.readMetadataResource(index);
        }
    }

    private static Sha1Digest metadataHash(Path wim, int index) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            return file.lookupTable().metadataResources().get(index - 1).hash();
        }
    }

    private static String sha1(Path file) throws IOException {
        return HexFormat.of().formatHex(PatchableWim.sha1(Files.readAllBytes(file)));
    }

    /** The tree of a wimlib-applied image without its symbolic links (a mount leaves reparse points out). */
    private Map<String, ImageApplierTest.Node> appliedWithoutLinks(Path wim, int index, String name) throws IOException {
        Path applied = dir.resolve(name);
        Wimlib.apply(wim, index, applied);
        Map<String, ImageApplierTest.Node> nodes = new TreeMap<>(ImageApplierTest.snapshot(applied));
        nodes.values().removeIf(node -> node.type().equals("link"));
        return nodes;
    }

    @Test
    void anUnchangedCommitGivesBackWimlibsMetadataAndLeavesTheOtherImage() throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(tree("one", 1), wim, "One", "first image", "--compress=lzx");
        Wimlib.append(tree("two", 2), wim, "Two", "second image", "--compress=lzx");
        Wimlib.setBootIndex(wim, 1);
        byte[] before = metadata(wim, 1);
        Sha1Digest second = metadataHash(wim, 2);
        Path mountDir = mount(wim, 1);

        CommitResult result = mounts.commit(mountDir, false, (done, total) -> { });

        assertArrayEquals(before, metadata(wim, 1), "the same tree, attributes, times, links and reparse points");
        assertEquals(0, result.streamsCompressed(), "nothing was compressed again");
        assertEquals(second, metadataHash(wim, 2), "the other image's metadata resource is copied as stored");
        Wimlib.verify(wim);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("1", info.file().get("Boot Index"));
        assertEquals(List.of("One", "Two"), info.images().stream().map(i -> i.get("Name")).toList());
        assertEquals(List.of("first image", "second image"),
                info.images().stream().map(i -> i.get("Description")).toList());
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(ImageApplierTest.snapshot(dir.resolve("one")), ImageApplierTest.snapshot(applied));
        assertEquals(Path.of("/Windows/System32"), Files.readSymbolicLink(applied.resolve("absolute-link")));
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mountDir)));
    }

    @Test
    void anUnchangedCommitKeepsSecurityShortNamesStreamsAndEncryptedFiles() throws IOException {
        Path source = tree("src", 1);
        Files.createDirectories(source.resolve("Compressed"));
        PatchableWim patchable = PatchableWim.capture(source, dir.resolve("patched.wim"));
        Sha1Digest hostsData = patchable.parsed.find("\\Windows\\System32\\drivers\\etc\\deeper\\still deeper\\hosts")
                .orElseThrow().unnamedData();
        Sha1Digest kernelData = patchable.parsed.find("\\Windows\\System32\\kernel32.dll").orElseThrow().unnamedData();
        Dentry root = patch(patchable.parsed.root(), hostsData, kernelData);
        patchable.replace(MetadataResourceWriter.write(List.of(OWNER_SYSTEM, OWNER_ADMINISTRATORS), root));
        Path wim = patchable.path;
        byte[] before = metadata(wim, 1);
        Path mountDir = mount(wim, 1);
        assertFalse(Files.exists(mountDir.resolve("secret.efs")), "the apply leaves the encrypted file out");

        mounts.commit(mountDir, false, (done, total) -> { });

        assertArrayEquals(before, metadata(wim, 1));
        Wimlib.verify(wim);
        String listing = Wimlib.run("dir", wim.toString(), "1");
        assertTrue(listing.contains("/secret.efs"), listing);

        // now change things: new data for a file with a descriptor, a new file in a compressed directory
        Files.writeString(mountDir.resolve("Readme.TXT"), "changed content");
        Files.writeString(mountDir.resolve("Compressed/new.txt"), "new file");
        Files.delete(mountDir.resolve("README.txt"));
        mounts.commit(mountDir, true, (done, total) -> { });

        Wimlib.verify(wim);
        ImageMetadata after = ImageMetadata.parse(metadata(wim, 1));
        assertEquals(2, after.securityData().count());
        assertArrayEquals(OWNER_ADMINISTRATORS, after.securityData().descriptor(1));
        Dentry changed = after.find("\\Readme.TXT").orElseThrow();
        assertEquals(1, changed.securityId());
        assertEquals(Dentry.FILE_ATTRIBUTE_HIDDEN | Dentry.FILE_ATTRIBUTE_SYSTEM | Dentry.FILE_ATTRIBUTE_ARCHIVE,
                changed.attributes(), "changed: archive set, normal gone, hidden and system kept");
        assertEquals("README~1.TXT", changed.shortName());
        assertEquals(sha1(mountDir.resolve("Readme.TXT")), changed.unnamedData().toString());
        assertEquals(List.of(new StreamEntry("Zone.Identifier", hostsData)), changed.namedStreams());
        Dentry created = after.find("\\Compressed\\new.txt").orElseThrow();
        assertEquals(-1, created.securityId());
        assertEquals(Dentry.FILE_ATTRIBUTE_ARCHIVE | MetadataCarryOver.FILE_ATTRIBUTE_COMPRESSED, created.attributes());
        assertEquals(List.of("Readme.TXT"), after.root().children().stream().map(Dentry::name)
                .filter(n -> n.equalsIgnoreCase("readme.txt")).toList(), "README.txt is deleted, Readme.TXT stays");
        assertEquals(withoutPlace(ImageMetadata.parse(before).find("\\secret.efs").orElseThrow()),
                withoutPlace(after.find("\\secret.efs").orElseThrow()), "the encrypted file is put back unchanged");
        assertEquals(0, after.root().securityId());
        Dentry emptyDirectory = after.find("\\Empty Directory").orElseThrow();
        assertEquals("EMPTYD~1", emptyDirectory.shortName());
        assertEquals(1, emptyDirectory.securityId());
        try (WimFile file = WimFile.open(wim)) {
            assertTrue(IntegrityTable.verify(file), "/CheckIntegrity writes an integrity table");
        }
    }

    /** An entry without where it lay in its metadata resource. */
    private static Dentry withoutPlace(Dentry d) {
        return new Dentry(0, d.path(), d.name(), d.shortName(), d.attributes(), d.securityId(), 0, d.creationTime(),
                d.lastAccessTime(), d.lastWriteTime(), d.defaultHash(), d.reparseTag(), d.hardLinkGroupId(),
                d.streams(), List.of());
    }

    /** The wimlib tree with descriptors, attributes, short names, an alternate data stream and an encrypted file. */
    private static Dentry patch(Dentry root, Sha1Digest streamData, Sha1Digest efsData) {
        List<Dentry> children = new ArrayList<>();
        for (Dentry child : root.children()) {
            Dentry c = child;
            if (c.name().equals("Readme.TXT")) {
                c = new Dentry(0, c.path(), c.name(), "README~1.TXT", Dentry.FILE_ATTRIBUTE_HIDDEN
                        | Dentry.FILE_ATTRIBUTE_SYSTEM | DirectoryCapture.FILE_ATTRIBUTE_NORMAL, 1, 0,
                        c.creationTime(), c.lastAccessTime(), c.lastWriteTime(), c.defaultHash(), 0, 0,
                        List.of(new StreamEntry("Zone.Identifier", streamData)), List.of());
            } else if (c.name().equals("Compressed")) {
                c = new Dentry(0, c.path(), c.name(), "", c.attributes() | MetadataCarryOver.FILE_ATTRIBUTE_COMPRESSED,
                        0, 0, c.creationTime(), c.lastAccessTime(), c.lastWriteTime(), c.defaultHash(), 0, 0,
                        c.streams(), c.children());
            }
            children.add(c);
        }
        children.add(new Dentry(0, "\\secret.efs", "secret.efs", "SECRET.EFS", Dentry.FILE_ATTRIBUTE_ARCHIVE
                | Dentry.FILE_ATTRIBUTE_ENCRYPTED, 1, 0, root.creationTime(), root.lastAccessTime(),
                root.lastWriteTime(), efsData, 0, 0, List.of(), List.of()));
        children.sort((a, b) -> MetadataResourceWriter.compareNames(a.name(), b.name()));
        List<Dentry> withShortName = new ArrayList<>();
        for (Dentry c : children) {
            withShortName.add(!c.name().equals("Empty Directory") ? c : new Dentry(0, c.path(), c.name(), "EMPTYD~1",
                    c.attributes(), 1, 0, c.creationTime(), c.lastAccessTime(), c.lastWriteTime(), c.defaultHash(),
                    0, 0, c.streams(), c.children()));
        }
        return new Dentry(0, "\\", "", "", root.attributes(), 0, 0, root.creationTime(), root.lastAccessTime(),
                root.lastWriteTime(), root.defaultHash(), 0, 0, root.streams(), withShortName);
    }

    @Test
    void onlyChangedDataIsCompressedAndTheOtherImageIsUntouched() throws IOException {
        Path one = Files.createDirectories(dir.resolve("many"));
        Random random = new Random(11);
        long total = 0;
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[8192 + random.nextInt(8192)];
            random.nextBytes(data);
            Files.write(Files.createDirectories(one.resolve("dir" + i % 10)).resolve("file" + i + ".bin"), data);
            total += data.length;
        }
        Path wim = dir.resolve("many.wim");
        Wimlib.capture(one, wim, "Many", "", "--compress=lzx");
        Wimlib.append(tree("other", 3), wim, "Other", "", "--compress=lzx");
        Sha1Digest other = metadataHash(wim, 2);
        Path mountDir = mount(wim, 1);
        // 1% of the files: two changed, one new; one deleted and one renamed (no new data)
        Files.write(mountDir.resolve("dir0/file0.bin"), new byte[] {1, 2, 3});
        Files.writeString(mountDir.resolve("dir1/file1.bin"), "changed", StandardCharsets.UTF_8);
        Files.writeString(mountDir.resolve("dir2/added.txt"), "added", StandardCharsets.UTF_8);
        Files.delete(mountDir.resolve("dir3/file3.bin"));
        Files.move(mountDir.resolve("dir4/file4.bin"), mountDir.resolve("dir4/renamed.bin"));

        long start = System.nanoTime();
        CommitResult result = mounts.commit(mountDir, false, (done, all) -> { });
        long commitNanos = System.nanoTime() - start;

        assertEquals(3, result.streamsCompressed(), "two changed files and one new one");
        assertEquals(3 + "changed".length() + "added".length(), result.bytesCompressed());
        assertTrue(result.bytesRead() >= total - 3 * 16384, "every file was read to find what changed");
        Wimlib.verify(wim);
        assertEquals(other, metadataHash(wim, 2));
        assertEquals(ImageApplierTest.snapshot(mountDir), appliedWithoutLinks(wim, 1, "applied-1"));
        assertEquals(ImageApplierTest.snapshot(dir.resolve("other")), ImageApplierTest.snapshot(applyAll(wim, 2)));
        try (WimFile file = WimFile.open(wim)) {
            assertFalse(file.lookupTable().find(Sha1Digest.fromHex(sha1(one.resolve("dir3/file3.bin")))).isPresent(),
                    "the deleted file's data is gone with the old file");
        }

        Path fullCapture = dir.resolve("full.wim");
        start = System.nanoTime();
        try (WimWriter writer = WimWriter.create(fullCapture, CompressionType.LZX, false)) {
            DirectoryCapture.capture(writer, mountDir, "Full", "", (done, all) -> { });
            writer.commit();
        }
        long captureNanos = System.nanoTime() - start;
        System.out.printf("commit of 1%% changes: %d ms; full LZX capture of the same tree: %d ms%n",
                commitNanos / 1_000_000, captureNanos / 1_000_000);
    }

    private Path applyAll(Path wim, int index) {
        Path applied = dir.resolve("applied-all-" + index);
        Wimlib.apply(wim, index, applied);
        return applied;
    }

    @Test
    void hardLinksAndNewLinksAreCommitted() throws IOException {
        Path wim = dir.resolve("links.wim");
        Wimlib.capture(tree("links", 1), wim, "Links", "", "--compress=xpress");
        Path mountDir = mount(wim, 1);
        Files.createLink(mountDir.resolve("Windows/another-kernel-link.dll"),
                mountDir.resolve("Windows/System32/kernel32.dll"));
        Files.delete(mountDir.resolve("shared-link.ini")); // the group of shared.ini shrinks to one name
        Files.createSymbolicLink(mountDir.resolve("new-link"), Path.of("Windows"));

        mounts.commit(mountDir, false, (done, total) -> { });

        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(ImageApplierTest.hardLinkGroups(mountDir), ImageApplierTest.hardLinkGroups(applied));
        assertEquals(Path.of("Windows"), Files.readSymbolicLink(applied.resolve("new-link")));
        assertEquals(Path.of("System32/kernel32.dll"), Files.readSymbolicLink(applied.resolve("Windows/relative-link")),
                "the symbolic link the mount left out is put back");
        Map<String, ImageApplierTest.Node> withoutOldLinks = new TreeMap<>(ImageApplierTest.snapshot(applied));
        withoutOldLinks.remove("Windows/relative-link");
        withoutOldLinks.remove("absolute-link");
        withoutOldLinks.remove("inside-link");
        assertEquals(ImageApplierTest.snapshot(mountDir), withoutOldLinks);
    }

    @ParameterizedTest
    @ValueSource(strings = {ImageCommit.STAGE_IMAGE, "data", "tables", "header"})
    void aCommitThatFailsLeavesTheOldFile(String stage) throws IOException {
        Path wim = dir.resolve("safe.wim");
        Wimlib.capture(tree("safe", 1), wim, "Safe", "", "--compress=lzx", "--check");
        Wimlib.append(tree("safe2", 2), wim, "Safe 2", "", "--compress=lzx", "--check");
        String before = sha1(wim);
        Path mountDir = mount(wim, 1);
        Files.writeString(mountDir.resolve("Windows/new.txt"), "new");
        ImageMetadata original = ImageMetadata.parse(mounts.store().metadata(mountDir));

        IOException failure = assertThrows(IOException.class, () -> ImageCommit.commit(wim, 1, mountDir, original,
                true, (done, total) -> { }, reached -> {
                    if (reached.equals(stage)) {
                        assertEquals(before, sha1(wim), "the old file is untouched while the new one is written");
                        throw new IOException("injected failure at " + stage);
                    }
                }));

        assertEquals("injected failure at " + stage, failure.getMessage());
        assertEquals(before, sha1(wim));
        Wimlib.verify(wim);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mountDir)), "the mount can still be committed");
        mounts.commit(mountDir, false, (done, total) -> { });
        Wimlib.verify(wim);
        assertTrue(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/new.txt"));
    }
}
