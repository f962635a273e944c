package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line killed (SIGKILL) at named moments of every writer: unmount with commit, commit, append,
 * export, delete and in-place servicing of an image of a WIM file; then retried as a user would (after
 * /Get-MountedWimInfo, the same command again) and cleaned up (/Cleanup-Wim). Nothing is lost: the WIM file
 * verifies with wimlib-imagex and holds exactly the expected files. Nothing is left: no temporary WIM file, staging
 * or scratch folder, mount record or note.
 */
class KillPointTest {
    @TempDir
    Path dir;
    Path work;
    Path temp;
    Path state;
    Path wim;
    Path one;
    Path two;
    ChildCli cli;

    @BeforeEach
    void twoImages() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        temp = Files.createDirectories(dir.resolve("tmp"));
        state = Files.createDirectories(dir.resolve("state"));
        cli = new ChildCli(state, temp);
        one = SyntheticTree.write(dir.resolve("one"), 1);
        two = SyntheticTree.write(dir.resolve("two"), 2);
        wim = work.resolve("install.wim");
        Wimlib.capture(one, wim, "One", "", "--compress=lzx");
        Wimlib.append(two, wim, "Two", "", "--compress=lzx");
    }

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        CliRun cleanup = cli.run("/Cleanup-Wim");
        assertEquals(0, cleanup.exitCode(), cleanup.out() + cleanup.err());
        List<Path> left = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(work), Files.walk(temp))) {
            files.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().startsWith("imagesmith-")).forEach(left::add);
        }
        Path notes = state.resolve("imagesmith/temporary");
        if (Files.isDirectory(notes)) {
            try (Stream<Path> files = Files.list(notes)) {
                files.forEach(left::add);
            }
        }
        assertEquals(List.of(), left, "what killed commands left, after the retry and /Cleanup-Wim");
        assertTrue(cli.run("/Get-MountedWimInfo").out().contains("No mounted images found."));
    }

    private Path mountWithChanges() throws Exception {
        Path mount = Files.createDirectories(work.resolve("mount"));
        CliRun mounted = cli.run("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount);
        assertEquals(0, mounted.exitCode(), mounted.out() + mounted.err());
        Files.writeString(mount.resolve("Windows/added.txt"), "a change made in the mounted image");
        Files.delete(mount.resolve("Windows/variant.txt"));
        copy(mount, dir.resolve("expected"));
        return mount;
    }

    private String status() throws Exception {
        String info = cli.run("/Get-MountedWimInfo").out();
        int at = info.indexOf("Status : ");
        return at < 0 ? info : info.substring(at + "Status : ".length(), info.indexOf('\n', at));
    }

    /** Deletes every other file of the mount directory, as a kill in the middle of its deletion leaves it. */
    private static void deleteHalf(Path mount) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(mount)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += 2) {
            Files.delete(files.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim data", "wim header", "wim renamed", "unmount committed"})
    void unmountWithCommitKilledThenRetried(String point) throws Exception {
        Path mount = mountWithChanges();
        cli.killAt(point, "/Unmount-Wim", "/MountDir:" + mount, "/Commit");
        Wimlib.verify(wim);
        boolean saved = point.equals("wim renamed") || point.equals("unmount committed");
        assertEquals(saved ? "Unmount Pending" : "Ok", status());
        if (saved) {
            deleteHalf(mount);
            CliRun remount = cli.run("/Remount-Wim", "/MountDir:" + mount);
            assertEquals(5023 & 0xFF, remount.exitCode(), "a half-deleted unmount is never remounted: " + remount.out());
        }
        CliRun retry = cli.run("/Unmount-Wim", "/MountDir:" + mount, "/Commit");
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertTrue(retry.out().endsWith("The operation completed successfully.\n"), retry.out());
        assertImage(1, dir.resolve("expected"));
        assertImage(2, two);
        assertTrue(Files.isDirectory(mount) && isEmpty(mount), "the mount directory is emptied");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/Remount-Wim", "/Cleanup-Wim"})
    void mountKilledWhileApplyingIsCompletedOrRemoved(String recovery) throws Exception {
        Path mount = Files.createDirectories(work.resolve("mount"));
        cli.killAt("mount applied", "/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount);
        assertEquals("Needs Remount", status(), "a mount killed while applying is never taken for a whole one");
        deleteHalf(mount);
        CliRun commit = cli.run("/Commit-Wim", "/MountDir:" + mount);
        assertEquals(3, commit.exitCode(), "a partial mount is never committed: " + commit.out());
        CliRun recovered = recovery.equals("/Remount-Wim") ? cli.run(recovery, "/MountDir:" + mount) : cli.run(recovery);
        assertEquals(0, recovered.exitCode(), recovered.out() + recovered.err());
        if (recovery.equals("/Remount-Wim")) {
            assertEquals("Ok", status());
            assertSameFiles(one, mount);
            assertEquals(0, cli.run("/Unmount-Wim", "/MountDir:" + mount, "/Discard").exitCode());
        }
        assertTrue(isEmpty(mount), "the mount directory is emptied");
        assertImage(1, one);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim header", "wim renamed"})
    void commitKilledThenRetried(String point) throws Exception {
        Path mount = mountWithChanges();
        cli.killAt(point, "/Commit-Wim", "/MountDir:" + mount);
        Wimlib.verify(wim);
        assertEquals("Ok", status(), "the directory is whole: whether or not the file was replaced, it stays mounted");
        CliRun retry = cli.run("/Commit-Wim", "/MountDir:" + mount);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertEquals("Ok", status());
        assertEquals(0, cli.run("/Unmount-Wim", "/MountDir:" + mount, "/Discard").exitCode());
        assertImage(1, dir.resolve("expected"));
        assertImage(2, two);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim data", "wim tables"})
    void appendKilledThenRetried(String point) throws Exception {
        Path three = SyntheticTree.write(dir.resolve("three"), 3);
        String[] append = {"/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + three, "/Name:Three"};
        cli.killAt(point, append);
        Wimlib.verify(wim);
        assertEquals(2, Wimlib.info(wim).images().size(), "the killed append left the file as it was");
        CliRun retry = cli.run(append);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        assertImage(1, one);
        assertImage(2, two);
        assertImage(3, three);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim data", "wim header"})
    void exportKilledThenRetried(String point) throws Exception {
        Path exported = work.resolve("export.wim");
        String[] export = {"/Export-Image", "/SourceImageFile:" + wim, "/SourceIndex:2",
            "/DestinationImageFile:" + exported};
        cli.killAt(point, export);
        assertFalse(Files.exists(exported), "the killed export put no file in place");
        CliRun retry = cli.run(export);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        Wimlib.verify(exported);
        assertEquals(1, Wimlib.info(exported).images().size());
        assertImage(exported, 1, two);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim data", "wim header", "wim renamed"})
    void deleteKilledThenRetried(String point) throws Exception {
        cli.killAt(point, "/Delete-Image", "/ImageFile:" + wim, "/Index:1");
        Wimlib.verify(wim);
        if (cli.run("/Get-WimInfo", "/WimFile:" + wim).out().contains("Name : One\n")) {
            assertFalse(point.equals("wim renamed"), "the delete was done once its file was renamed");
            CliRun retry = cli.run("/Delete-Image", "/ImageFile:" + wim, "/Index:1");
            assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        }
        assertEquals(1, Wimlib.info(wim).images().size());
        assertImage(1, two);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wim data", "wim tables"})
    void inPlaceServicingKilledThenRetried(String point) throws Exception {
        Path windows = work.resolve("windows.wim");
        Wimlib.capture(SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64),
                windows, "Windows 7 PROFESSIONAL", "", "--compress=lzx");
        Path scratch = Files.createDirectories(work.resolve("scratch"));
        String[] enable = {"/WimFile:" + windows, "/Index:1", "/Enable-Feature", "/FeatureName:TFTP",
            "/LogPath:" + dir.resolve("dism.log"), "/ScratchDir:" + scratch};
        cli.killAt(point, enable);
        Wimlib.verify(windows);
        try (Stream<Path> left = Files.list(scratch)) {
            assertTrue(left.anyMatch(p -> p.getFileName().toString().startsWith("imagesmith-")),
                    "the killed run left its staging folder, for /Cleanup-Wim to remove");
        }
        CliRun retry = cli.run(enable);
        assertEquals(0, retry.exitCode(), retry.out() + retry.err());
        Wimlib.verify(windows);
        CliRun info = cli.run("/WimFile:" + windows, "/Index:1", "/Get-FeatureInfo", "/FeatureName:TFTP",
                "/LogPath:" + dir.resolve("dism.log"));
        assertTrue(info.out().contains("State : Enabled"), info.out() + info.err());
    }

    private void assertImage(int index, Path expected) throws IOException {
        assertImage(wim, index, expected);
    }

    private void assertImage(Path file, int index, Path expected) throws IOException {
        Path applied = dir.resolve("applied-" + file.getFileName() + "-" + index + "-" + System.nanoTime());
        Wimlib.verify(file);
        Wimlib.apply(file, index, applied);
        assertSameFiles(expected, applied);
    }

    /** The same names, kinds and contents below both folders. */
    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> want = TreeAssertions.relativeEntries(expected);
        assertEquals(want, TreeAssertions.relativeEntries(actual), "the files below " + actual);
        for (Path relative : want) {
            if (Files.isRegularFile(expected.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
                assertArrayEquals(Files.readAllBytes(expected.resolve(relative)),
                        Files.readAllBytes(actual.resolve(relative)), relative.toString());
            }
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
