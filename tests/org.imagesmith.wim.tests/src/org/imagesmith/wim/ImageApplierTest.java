package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ImageApplier} against "wimlib-imagex apply": images wimlib-imagex captures with each compression type
 * apply to the same tree (names, sizes, contents, times to the second, hard links) with both tools.
 */
class ImageApplierTest {
    @TempDir
    Path dir;

    /**
     * Writes a tree with nested directories, empty files and directories, hard links, a multi-chunk file, names in
     * several scripts and names that differ only in case. The variant changes some content; the rest is shared.
     */
    static Path writeTree(Path root, int variant) throws IOException {
        Path deep = Files.createDirectories(root.resolve("Windows/System32/drivers/etc/deeper/still deeper"));
        Files.createDirectories(root.resolve("Empty Directory"));
        Path unicode = Files.createDirectories(root.resolve("Ünïcödé Ω/日本語"));
        Files.writeString(unicode.resolve("ファイル 🙂.txt"), "unicode content " + variant, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("Readme.TXT"), "upper", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("README.txt"), "lower", StandardCharsets.UTF_8);
        Files.writeString(deep.resolve("hosts"), "127.0.0.1 localhost\r\n", StandardCharsets.UTF_8);
        Files.write(root.resolve("Windows/empty.log"), new byte[0]);
        Files.write(deep.resolve("empty too"), new byte[0]);
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        Random random = new Random(7);
        for (int i = 0; i < big.length; i += 4096) {
            if ((i / 4096) % 3 == 0) {
                random.nextBytes(java.util.Arrays.copyOfRange(big, i, Math.min(big.length, i + 4096)));
                byte[] noise = new byte[Math.min(4096, big.length - i)];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, big, i, noise.length);
            } else {
                for (int j = i; j < Math.min(big.length, i + 4096); j++) {
                    big[j] = (byte) ("shared text of the image ".charAt(j % 25));
                }
            }
        }
        Files.write(root.resolve("Windows/System32/big.bin"), big);
        Path kernel = Files.writeString(root.resolve("Windows/System32/kernel32.dll"), "kernel " + variant);
        Files.createLink(root.resolve("Windows/kernel-link.dll"), kernel);
        Files.createLink(deep.resolve("kernel-second-link.dll"), kernel);
        Path shared = Files.writeString(root.resolve("Windows/shared.ini"), "[same in every variant]");
        Files.createLink(root.resolve("shared-link.ini"), shared);
        Files.writeString(root.resolve("Windows/variant-" + variant + ".txt"), "only in variant " + variant);
        Instant base = Instant.parse("2009-07-14T05:22:40Z");
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            int i = 0;
            for (Path path : paths) {
                Files.setLastModifiedTime(path, FileTime.from(base.plusSeconds(3600L * i++ + variant).plusNanos(1234500)));
            }
        }
        return root;
    }

    /** One file or directory of an applied tree. */
    record Node(String type, long size, String sha1, long mtimeSeconds) {
    }

    /** Every entry below root by relative path ("/" separators), followed by nothing: links are reported as such. */
    static Map<String, Node> snapshot(Path root) throws IOException {
        Map<String, Node> nodes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                if (path.equals(root)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String type = a.isSymbolicLink() ? "link" : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other";
                nodes.put(root.relativize(path).toString(), new Node(type, a.isRegularFile() ? a.size() : 0,
                        a.isRegularFile() ? sha1(path) : "", a.lastModifiedTime().toInstant().getEpochSecond()));
            }
        }
        return nodes;
    }

    /** The sets of paths that are one file (hard links), for files with more than one name. */
    static Set<Set<String>> hardLinkGroups(Path root) throws IOException {
        Map<Object, Set<String>> byKey = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    byKey.computeIfAbsent(a.fileKey(), k -> new HashSet<>()).add(root.relativize(path).toString());
                }
            }
        }
        Set<Set<String>> groups = new HashSet<>();
        byKey.values().stream().filter(g -> g.size() > 1).forEach(groups::add);
        return groups;
    }

    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApplyResult apply(Path wim, int index, Path target) throws IOException {
        try (WimFile file = WimFile.open(wim)) {
            return ImageApplier.apply(file, index, target, ApplyOptions.DEFAULT);
        }
    }

    private void assertSameTrees(Path expected, Path actual) throws IOException {
        Map<String, Node> want = snapshot(expected);
        Map<String, Node> got = snapshot(actual);
        assertEquals(want.keySet(), got.keySet(), "the applied names differ");
        for (String path : want.keySet()) {
            assertEquals(want.get(path), got.get(path), path);
        }
        assertEquals(hardLinkGroups(expected), hardLinkGroups(actual), "the hard links differ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--compress=none", "--compress=xpress", "--compress=lzx", "--compress=lzms", "--solid",
            "--solid --solid-compress=lzx",
            "--solid --solid-compress=xpress"})
    void appliesWhatWimlibApplies(String options) throws IOException {
        Path wim = dir.resolve("test.wim");
        String[] split = options.split(" ");
        Path source1 = writeTree(dir.resolve("src1"), 1);
        Path source2 = writeTree(dir.resolve("src2"), 2);
        Wimlib.capture(source1, wim, "One", "first", split);
        Wimlib.append(source2, wim, "Two", "second", split);
        for (int index = 1; index <= 2; index++) {
            Path ours = dir.resolve("ours" + index);
            Path theirs = dir.resolve("theirs" + index);
            ApplyResult result = apply(wim, index, ours);
            Wimlib.apply(wim, index, theirs);
            assertSameTrees(theirs, ours);
            assertSameTrees(index == 1 ? source1 : source2, ours);
            assertEquals(List.of(), result.skipped());
            assertEquals(3, result.hardLinks(), "two more names of kernel32.dll and one of shared.ini");
            assertEquals(9, result.directories());
            assertEquals(10, result.files());
            assertTrue(result.bytes() > 3 * 1024 * 1024, "bytes " + result.bytes());
        }
    }

    @Test
    void reportsProgressUpToTheTotal() throws IOException {
        Path wim = dir.resolve("test.wim");
        Wimlib.capture(writeTree(dir.resolve("src"), 1), wim, "One", "first", "--compress=lzx");
        List<long[]> reports = new ArrayList<>();
        try (WimFile file = WimFile.open(wim)) {
            ApplyResult result = ImageApplier.apply(file, 1, dir.resolve("out"),
                    new ApplyOptions(false, (done, total) -> reports.add(new long[] {done, total})));
            long[] last = reports.get(reports.size() - 1);
            assertEquals(last[1], last[0]);
            assertEquals(result.bytes(), last[0]);
            for (int i = 1; i < reports.size(); i++) {
                assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0]);
            }
        }
    }

    /** A tree with symbolic links of every kind wimlib captures: relative, to a directory, absolute, dangling. */
    private Path treeWithLinks() throws IOException {
        Path source = writeTree(dir.resolve("src"), 1);
        Files.createSymbolicLink(source.resolve("Windows/link-to-hosts"), Path.of("System32/drivers/etc/hosts"));
        Files.createSymbolicLink(source.resolve("dir-link"), Path.of("Windows"));
        Files.createSymbolicLink(source.resolve("Windows/System32/up-link"), Path.of("../shared.ini"));
        Files.createSymbolicLink(source.resolve("absolute-inside"), source.resolve("Windows/shared.ini"));
        Files.createSymbolicLink(source.resolve("absolute-outside"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(source.resolve("dangling"), Path.of("nowhere"));
        FileTime old = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
        Files.getFileAttributeView(source.resolve("dir-link"), java.nio.file.attribute.BasicFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).setTimes(old, old, null);
        return source;
    }

    /** Each symbolic link's target below root, with root itself written as "<root>". */
    private static Map<String, String> linkTargets(Path root) throws IOException {
        Map<String, String> targets = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isSymbolicLink).toList()) {
                targets.put(root.relativize(path).toString(),
                        Files.readSymbolicLink(path).toString().replace(root.toString(), "<root>"));
            }
        }
        return targets;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--rpfix", "--norpfix"})
    void createsSymbolicLinksAsWimlibDoes(String fixup) throws IOException {
        Path source = treeWithLinks();
        Path wim = dir.resolve("links.wim");
        Wimlib.capture(source, wim, "Links", "symbolic links", fixup);
        Path ours = dir.resolve("ours");
        Path theirs = dir.resolve("theirs");
        ApplyResult result = apply(wim, 1, ours);
        Wimlib.apply(wim, 1, theirs);
        assertEquals(List.of(), result.skipped());
        assertEquals(snapshot(theirs), snapshot(ours), "names, types and times, links' own times too");
        Map<String, String> targets = linkTargets(ours);
        assertEquals(linkTargets(theirs), targets);
        assertEquals("System32/drivers/etc/hosts", targets.get("Windows/link-to-hosts"));
        assertEquals(fixup.equals("--rpfix") ? "<root>/Windows/shared.ini" : source.resolve("Windows/shared.ini").toString(),
                targets.get("absolute-inside"), "an absolute link fixed at capture points into the applied tree");
        assertEquals("/etc/hostname", targets.get("absolute-outside"));
        assertEquals(16, result.files(), "ten files and six links");

        ApplyResult again;
        try (WimFile file = WimFile.open(wim)) {
            again = ImageApplier.apply(file, 1, ours, new ApplyOptions(true, (done, total) -> { }));
        }
        assertEquals(List.of(), again.skipped());
        assertEquals(targets, linkTargets(ours), "applied again over itself, the links are replaced, not followed");
    }

    @Test
    void leavesLinksOutWhenToldTo() throws IOException {
        Path wim = dir.resolve("links.wim");
        Wimlib.capture(treeWithLinks(), wim, "Links", "symbolic links");
        ApplyResult result;
        try (WimFile file = WimFile.open(wim)) {
            result = ImageApplier.apply(file, 1, dir.resolve("ours"), new ApplyOptions(false, (d, t) -> { }, false));
        }
        assertEquals(6, result.skipped().size(), result.skipped().toString());
        assertTrue(result.skipped().stream().anyMatch(s -> s.startsWith("\\Windows\\link-to-hosts: reparse point"
                + " (symbolic link)")), result.skipped().toString());
        assertEquals(List.of(), linkTargets(dir.resolve("ours")).keySet().stream().toList());
    }

    @Test
    void aLinkTargetNoPathCanNameIsListed() throws IOException {
        ReparseData volume = new ReparseData("\\??\\Volume{0a1b2c3d-0000-0000-0000-100000000000}\\Data", false);
        assertEquals(java.util.Optional.empty(), volume.posixTarget("/target", true));
        ReparseData network = new ReparseData("\\??\\UNC\\server\\share", false);
        assertEquals(java.util.Optional.empty(), network.posixTarget("/target", false));
        ReparseData junction = new ReparseData("\\??\\C:\\Users\\Public", false);
        assertEquals(java.util.Optional.of("/target/Users/Public"), junction.posixTarget("/target", true));
        assertEquals(java.util.Optional.of("/Users/Public"), junction.posixTarget("/target", false));
        assertThrows(WimFormatException.class, () -> ReparseData.parse(Dentry.IO_REPARSE_TAG_SYMLINK,
                new byte[] {0, 0, 100, 0, 0, 0, 0, 0, 1, 0, 0, 0}, "\\bad"), "a name past the data's end");
    }

    @Test
    void refusesANonEmptyDirectoryUnlessToldToOverwrite() throws IOException {
        Path wim = dir.resolve("test.wim");
        Path source = writeTree(dir.resolve("src"), 1);
        Wimlib.capture(source, wim, "One", "first");
        Path target = Files.createDirectories(dir.resolve("target"));
        Path stranger = Files.writeString(target.resolve("stranger.txt"), "was here before");
        assertThrows(DirectoryNotEmptyException.class, () -> apply(wim, 1, target));
        assertEquals(Set.of("stranger.txt"), snapshot(target).keySet());

        // overwrite: a file of the image replaces the file there, without writing through its other hard link
        Path outside = Files.writeString(dir.resolve("outside.ini"), "outside the target");
        Files.createDirectories(target.resolve("Windows"));
        Files.createLink(target.resolve("Windows/shared.ini"), outside);
        try (WimFile file = WimFile.open(wim)) {
            ImageApplier.apply(file, 1, target, new ApplyOptions(true, (d, t) -> { }));
        }
        assertEquals("outside the target", Files.readString(outside));
        assertEquals("[same in every variant]", Files.readString(target.resolve("Windows/shared.ini")));
        assertEquals("was here before", Files.readString(stranger));
        Map<String, Node> applied = snapshot(target);
        applied.remove("stranger.txt");
        assertEquals(snapshot(source), applied);
    }

    @Test
    void refusesToFollowASymbolicLinkInTheTarget() throws IOException {
        Path wim = dir.resolve("test.wim");
        Wimlib.capture(writeTree(dir.resolve("src"), 1), wim, "One", "first");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        for (String linkName : new String[] {"Windows", "README.txt"}) {
            Path target = Files.createDirectories(dir.resolve("target-" + linkName));
            Files.createSymbolicLink(target.resolve(linkName), linkName.equals("Windows") ? elsewhere
                    : elsewhere.resolve("readme"));
            FileSystemException e = assertThrows(FileSystemException.class, () -> {
                try (WimFile file = WimFile.open(wim)) {
                    ImageApplier.apply(file, 1, target, new ApplyOptions(true, (d, t) -> { }));
                }
            });
            assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
            try (Stream<Path> list = Files.list(elsewhere)) {
                assertEquals(0, list.count(), "nothing may be written through the link");
            }
        }
    }

    /**
     * Writes files of one content under several directories (more than are written at once), other files of
     * another shared content, and files of content of their own; none is a hard link of another.
     */
    private static Path writeCopies(Path root, int copies) throws IOException {
        for (int i = 0; i < copies; i++) {
            Path folder = Files.createDirectories(root.resolve("dir" + i % 7));
            Files.writeString(folder.resolve("copy" + i + ".txt"), "the same text in every copy\n".repeat(40));
            Files.writeString(folder.resolve("other" + i + ".ini"), "[other shared]");
            Files.writeString(folder.resolve("own" + i + ".log"), "own content " + i);
        }
        return root;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--compress=xpress", "--solid"})
    void aStreamHeldByManyFilesIsWrittenToEachOfThem(String options) throws IOException {
        Path source = writeCopies(dir.resolve("src"), 150);
        Path wim = dir.resolve("copies.wim");
        Wimlib.capture(source, wim, "Copies", "one stream, many files", options);
        ApplyResult result = apply(wim, 1, dir.resolve("out"));
        assertSameTrees(source, dir.resolve("out"));
        assertEquals(Set.of(), hardLinkGroups(dir.resolve("out")), "copies are separate files, not links");
        assertEquals(450, result.files());
        assertEquals(0, result.hardLinks());
        long sourceBytes;
        try (Stream<Path> walk = Files.walk(source)) {
            sourceBytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(sourceBytes, result.bytes(), "every copy counts in the bytes applied");
    }

    /**
     * Captures {@code source} uncompressed with wimlib, flips a bit in the stored data of {@code damaged}'s stream and
     * checks that applying fails naming the stream and leaves no file holding that data.
     */
    private void assertADamagedStreamLeavesNoFile(Path source, Path damaged) throws IOException {
        Path wim = dir.resolve("damaged.wim");
        Wimlib.capture(source, wim, "Damaged", "damaged", "--compress=none");
        Sha1Digest hash = Sha1Digest.fromHex(sha1(damaged));
        long at;
        try (WimFile opened = WimFile.open(wim)) {
            at = opened.lookupTable().find(hash).orElseThrow().resource().offset() + 3;
        }
        try (java.io.RandomAccessFile raw = new java.io.RandomAccessFile(wim.toFile(), "rw")) {
            raw.seek(at);
            int b = raw.read();
            raw.seek(at);
            raw.write(b ^ 0x20);
        }
        Path target = dir.resolve("out");
        WimFormatException e = assertThrows(WimFormatException.class, () -> apply(wim, 1, target));
        assertTrue(e.getMessage().contains(hash.toString()), e.getMessage());
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path left : walk.filter(Files::isRegularFile).toList()) {
                assertFalse(sha1(left).equals(hash.toString()), left + " holds the damaged data");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one file", "a hundred copies"})
    void aDamagedStreamFailsItsDigestCheckAndLeavesNoFileOfIt(String holders) throws IOException {
        if (holders.equals("one file")) {
            Path source = writeTree(dir.resolve("src"), 1);
            assertADamagedStreamLeavesNoFile(source, source.resolve("Windows/System32/drivers/etc/deeper/still deeper/hosts"));
        } else {
            Path source = writeCopies(dir.resolve("src"), 100);
            assertADamagedStreamLeavesNoFile(source, source.resolve("dir0/copy0.txt"));
        }
    }

    @Test
    void appliesSolidResourcesOfManyChunks() throws IOException {
        Path source = dir.resolve("src");
        Random random = new Random(11);
        for (int i = 0; i < 400; i++) {
            Path folder = Files.createDirectories(source.resolve("d" + i % 13));
            byte[] data = new byte[1000 + random.nextInt(9000)];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + j % 17);
            }
            Files.write(folder.resolve("file" + i + ".bin"), data);
        }
        Path wim = dir.resolve("solid.wim");
        Wimlib.capture(source, wim, "Solid", "small chunks", "--solid", "--solid-chunk-size=32768");
        Path theirs = dir.resolve("theirs");
        Wimlib.apply(wim, 1, theirs);
        apply(wim, 1, dir.resolve("ours"));
        assertSameTrees(theirs, dir.resolve("ours"));
        assertSameTrees(source, dir.resolve("ours"));
    }

    @Test
    void emptyImageAppliesToAnEmptyDirectory() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty-src"));
        Path wim = dir.resolve("empty.wim");
        Wimlib.capture(empty, wim, "Empty", "nothing");
        ApplyResult result = apply(wim, 1, dir.resolve("out"));
        assertEquals(new ApplyResult(0, 0, 0, 0, List.of()), result);
        assertEquals(Map.of(), snapshot(dir.resolve("out")));
    }

    @Test
    void metadataMatchesWimlibDir() throws IOException {
        Path source = writeTree(dir.resolve("src"), 1);
        Path wim = dir.resolve("test.wim");
        Wimlib.capture(source, wim, "One", "first", "--compress=xpress");
        Set<String> expected = new HashSet<>(List.of(Wimlib.run("dir", wim.toString(), "1").split("\n")));
        try (WimFile file = WimFile.open(wim)) {
            ImageMetadata metadata = ImageMetadata.parse(file.readMetadataResource(1));
            Set<String> ours = new HashSet<>();
            for (Dentry dentry : metadata.entries()) {
                ours.add(dentry.path().replace('\\', '/'));
            }
            assertEquals(expected, ours);
            Dentry hosts = metadata.find("windows\\SYSTEM32/Drivers\\etc\\DEEPER\\Still Deeper/HOSTS").orElseThrow();
            assertEquals("\\Windows\\System32\\drivers\\etc\\deeper\\still deeper\\hosts", hosts.path());
            assertEquals(sha1(source.resolve("Windows/System32/drivers/etc/deeper/still deeper/hosts")), hosts.unnamedData().toString());
            assertEquals(Files.getLastModifiedTime(source.resolve("Windows/System32/drivers/etc/deeper/still deeper/hosts")).toInstant(),
                    hosts.lastWriteTime());
            assertEquals("upper", new String(file.readStream(metadata.find("Readme.TXT").orElseThrow().unnamedData()),
                    StandardCharsets.UTF_8));
            assertEquals("lower", new String(file.readStream(metadata.find("README.txt").orElseThrow().unnamedData()),
                    StandardCharsets.UTF_8));
            assertTrue(metadata.find("Windows/absent").isEmpty());
            assertEquals(1, metadata.hardLinkGroups().values().stream().filter(g -> g.size() == 3).count());
            assertEquals(1, metadata.hardLinkGroups().values().stream().filter(g -> g.size() == 2).count());
            Map<String, String> info = Wimlib.info(wim).images().get(0);
            assertEquals(Long.parseLong(info.get("Directory Count")), metadata.directoryCount());
            assertEquals(Long.parseLong(info.get("File Count")), metadata.fileCount());
            assertFalse(metadata.root().isReparsePoint());
        }
    }
}
