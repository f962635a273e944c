package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.imagesmith.testsupport.LockHolder;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's writers of a WIM file and of a mount folder against another process that holds the lock
 * (error 32, naming it, the file untouched, and the command working once that process is gone), and DISM's guard
 * rails: no deletion of the last image (5), no append, export into or delete while an image of the file is
 * mounted read/write (0xc1420127).
 */
class WimFileLocksTest {
    @TempDir
    Path dir;
    Path wim;
    Path tree;

    @BeforeEach
    void wimWithAWindowsImage() throws IOException {
        System.setProperty("imagesmith.mountStore", dir.resolve("mounts").toString());
        wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64),
                wim, "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
        tree = SyntheticTree.write(dir.resolve("tree"), 2);
    }

    @AfterEach
    void forgetStore() {
        System.clearProperty("imagesmith.mountStore");
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(CliRun run, int exitCode, String error, String... phrases) {
        assertEquals(exitCode, run.exitCode(), run.err() + run.out());
        assertTrue(run.err().contains("Error: " + error + "\n"), run.err());
        for (String phrase : phrases) {
            assertTrue(run.err().contains(phrase), run.err());
        }
        assertTrue(!run.out().contains("The operation completed successfully"), run.out());
    }

    private List<String> names() {
        return Wimlib.info(wim).images().stream().map(image -> image.get("Name")).toList();
    }

    @Test
    void everyWriterOfTheFileIsRefusedWhileAnotherProcessHoldsItsLock() throws Exception {
        String before = sha1(wim);
        Path other = dir.resolve("other.wim");
        Wimlib.capture(tree, other, "Other", "other", "--compress=lzx");
        try (LockHolder holder = LockHolder.hold(ImageFolderLockTest.lockFileOf(wim),
                "process 4242 (committing /mnt/offline, since now)")) {
            String[] named = {"is being changed by another command, process 4242 (committing /mnt/offline",
                "Wait until it finishes, then run this command again."};
            assertRefused(CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Two"), 32,
                    "32", named);
            assertRefused(CliRun.of("/Export-Image", "/SourceImageFile:" + other, "/SourceIndex:1",
                    "/DestinationImageFile:" + wim), 32, "32", named);
            assertRefused(CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1"), 32, "32", named);
            assertRefused(CliRun.of("/WimFile:" + wim, "/Index:1", "/Set-TimeZone:Pacific Standard Time",
                    "/LogPath:" + dir.resolve("dism.log")), 32, "32", "process 4242 (committing /mnt/offline");
            assertRefused(CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1",
                    "/MountDir:" + Files.createDirectories(dir.resolve("mount"))), 32, "32", named);
            CliRun readOnly = CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/ReadOnly",
                    "/MountDir:" + Files.createDirectories(dir.resolve("read-only")));
            assertEquals(0, readOnly.exitCode(), "a reader takes no lock: " + readOnly.err());
            assertEquals(0, CliRun.of("/Get-WimInfo", "/WimFile:" + wim).exitCode(), "nor does /Get-WimInfo");
            assertEquals(0, CliRun.of("/Unmount-Wim", "/MountDir:" + dir.resolve("read-only"), "/Discard")
                    .exitCode());
            assertEquals(before, sha1(wim), "no refused writer touched the file");
        }
        // the killed holder left no stale lock
        CliRun append = CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Two");
        assertEquals(0, append.exitCode(), append.err());
        Wimlib.verify(wim);
        assertEquals(List.of("Windows 7 PROFESSIONAL", "Two"), names());
    }

    @Test
    void aCommitIsRefusedWhileAnotherProcessChangesTheMountFolder() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("offline"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount).exitCode());
        Files.writeString(mount.resolve("Windows/added.txt"), "added while mounted");
        String before = sha1(wim);
        try (LockHolder holder = LockHolder.hold(ImageFolderLockTest.lockFileOf(mount),
                "process 4343 (/Add-Package, since now)")) {
            assertRefused(CliRun.of("/Commit-Wim", "/MountDir:" + mount), 32, "32", "process 4343 (/Add-Package");
            assertRefused(CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Commit"), 32, "32",
                    "process 4343 (/Add-Package");
            assertEquals(before, sha1(wim));
            CliRun info = CliRun.of("/Get-MountedWimInfo");
            assertTrue(info.out().contains("Status : Ok"), info.out());
        }
        CliRun unmount = CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Commit");
        assertEquals(0, unmount.exitCode(), unmount.err());
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals("added while mounted", Files.readString(applied.resolve("Windows/added.txt")));
    }

    @Test
    void aFileWithAReadWriteMountTakesNoNewImageAndLosesNone() throws IOException {
        assertEquals(0, CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Two")
                .exitCode());
        Path mount = Files.createDirectories(dir.resolve("offline"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:2", "/MountDir:" + mount).exitCode());
        String before = sha1(wim);
        String mounted = "Image 2 of " + wim.toRealPath() + " is mounted read/write at " + mount.toRealPath();
        String unmount = "Unmount it first (/Unmount-Wim /MountDir:" + mount.toRealPath();

        assertRefused(CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1"), 0x27, "0xc1420127", mounted,
                unmount);
        assertRefused(CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Three"), 0x27,
                "0xc1420127", mounted, unmount);
        Path other = dir.resolve("other.wim");
        Wimlib.capture(tree, other, "Other", "other", "--compress=lzx");
        assertRefused(CliRun.of("/Export-Image", "/SourceImageFile:" + other, "/SourceIndex:1",
                "/DestinationImageFile:" + wim), 0x27, "0xc1420127", mounted);
        assertRefused(CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:2",
                "/MountDir:" + Files.createDirectories(dir.resolve("second"))), 0x27, "0xc1420127",
                "already mounted read/write");
        assertEquals(before, sha1(wim));

        Files.writeString(mount.resolve("Windows/kept.txt"), "kept");
        CliRun commit = CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Commit");
        assertEquals(0, commit.exitCode(), "the mount still commits: " + commit.err());
        CliRun delete = CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1");
        assertEquals(0, delete.exitCode(), "unmounted, the file can lose an image: " + delete.err());
        Wimlib.verify(wim);
        assertEquals(List.of("Two"), names());
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals("kept", Files.readString(applied.resolve("Windows/kept.txt")));
    }

    @Test
    void theLastImageOfAFileIsNotDeleted() throws IOException {
        String before = sha1(wim);
        assertRefused(CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1"), 5, "5",
                "is the only image of " + wim.toRealPath(), "add the new image first");
        assertEquals(before, sha1(wim));
        Wimlib.verify(wim);
    }
}
