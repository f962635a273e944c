package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /Mount-Wim, /Get-MountedWimInfo, /Remount-Wim, /Unmount-Wim /Discard and /Cleanup-Wim, and servicing a mount. */
class MountCommandsTest {
    @TempDir
    Path dir;
    Path wim;

    @BeforeEach
    void wimWithAWindowsImage() throws IOException {
        System.setProperty("imagesmith.mountStore", dir.resolve("mounts").toString());
        wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64), wim,
                "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
    }

    @AfterEach
    void forgetStore() {
        System.clearProperty("imagesmith.mountStore");
    }

    @Test
    void mountListServiceAndDiscard() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("offline"));
        CliRun mounted = CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount);
        assertEquals(0, mounted.exitCode(), mounted.err());
        assertTrue(mounted.out().contains("Mounting image\n[==========================100.0%"), mounted.out());

        CliRun info = CliRun.of("/Get-MountedWimInfo");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Mount Dir : " + mount.toRealPath() + "\nImage File : " + wim.toRealPath()
                + "\nImage Index : 1\nMounted Read/Write : Yes\nStatus : Ok\n"), info.out());

        CliRun enable = CliRun.of("/Image:" + mount, "/LogPath:" + dir.resolve("dism.log"), "/Enable-Feature",
                "/FeatureName:TelnetClient");
        assertEquals(0, enable.exitCode(), enable.err());

        CliRun busy = CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + Files.createDirectories(dir.resolve("again")));
        assertEquals(0x27, busy.exitCode(), "DISM's 0xc1420127 as a shell sees it");
        assertTrue(busy.err().contains("0xc1420127") && busy.err().contains("already mounted read/write"),
                busy.err());

        CliRun discard = CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Discard");
        assertEquals(0, discard.exitCode(), discard.err());
        try (Stream<Path> left = Files.list(mount)) {
            assertEquals(0, left.count());
        }
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("No mounted images found."));
    }

    @Test
    void aReadOnlyMountCannotBeServiced() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        assertEquals(0, CliRun.of("/Mount-Image", "/ImageFile:" + wim, "/Name:windows 7 professional",
                "/MountDir:" + mount, "/ReadOnly").exitCode());
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Mounted Read/Write : No"));
        byte[] before = Files.readAllBytes(mount.resolve("Windows/System32/config/SOFTWARE"));
        CliRun enable = CliRun.of("/Image:" + mount, "/LogPath:" + dir.resolve("dism.log"), "/Enable-Feature",
                "/FeatureName:TelnetClient");
        assertEquals(5, enable.exitCode());
        assertTrue(enable.err().contains("read-only"), enable.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(mount.resolve("Windows/System32/config/SOFTWARE"))));
        assertEquals(0, CliRun.of("/Image:" + mount, "/LogPath:" + dir.resolve("dism.log"), "/Get-Packages").exitCode(),
                "reading a read-only mount works");
    }

    @Test
    void remountAndCleanupAfterTheDirectoryIsLost() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("tmp-mount"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount, "/ReadOnly").exitCode());
        Path realMount = mount.toRealPath();
        emptyDirectory(mount);
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Status : Needs Remount"));
        assertEquals(0, CliRun.of("/Remount-Wim", "/MountDir:" + mount).exitCode());
        assertTrue(Files.isRegularFile(mount.resolve("Windows/System32/config/SOFTWARE")));
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Status : Ok"));

        emptyDirectory(mount);
        CliRun cleanup = CliRun.of("/Cleanup-Wim");
        assertEquals(0, cleanup.exitCode(), cleanup.err());
        assertTrue(cleanup.out().contains("Removed the mount of " + wim.toRealPath() + " (index 1) at " + realMount),
                cleanup.out());
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("No mounted images found."));
    }

    @Test
    void commitKeepsTheMountAndUnmountCommitSavesAndUnmounts() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("offline"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount).exitCode());
        CliRun enable = CliRun.of("/Image:" + mount, "/LogPath:" + dir.resolve("dism.log"), "/Enable-Feature",
                "/FeatureName:TelnetClient");
        assertEquals(0, enable.exitCode(), enable.err());
        Files.writeString(mount.resolve("Windows/committed-once.txt"), "first commit");

        CliRun commit = CliRun.of("/Commit-Image", "/MountDir:" + mount);
        assertEquals(0, commit.exitCode(), commit.err());
        assertTrue(commit.out().contains("Saving image\n[==========================100.0%==========================]\n"
                + "The operation completed successfully.\n"), commit.out());
        assertTrue(Files.isRegularFile(mount.resolve("Windows/committed-once.txt")), "the image stays mounted");
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Status : Ok"), "the record follows the new file");
        Wimlib.verify(wim);
        assertTrue(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/committed-once.txt"));

        Files.writeString(mount.resolve("Windows/committed-twice.txt"), "second commit");
        CliRun unmount = CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Commit", "/CheckIntegrity");
        assertEquals(0, unmount.exitCode(), unmount.err());
        assertTrue(unmount.out().contains("Image File : " + wim.toRealPath() + "\nImage Index : 1\nSaving image\n"
                + "[==========================100.0%==========================]\nUnmounting image\n"
                + "[==========================100.0%==========================]\n"
                + "The operation completed successfully.\n"), unmount.out());
        try (Stream<Path> left = Files.list(mount)) {
            assertEquals(0, left.count(), "the mount directory is emptied");
        }
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("No mounted images found."));
        Wimlib.verify(wim);
        assertTrue(Wimlib.info(wim).file().get("Attributes").contains("Integrity"), Wimlib.info(wim).file().toString());
        assertEquals("Windows 7 PROFESSIONAL", Wimlib.info(wim).images().get(0).get("Name"));
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals("second commit", Files.readString(applied.resolve("Windows/committed-twice.txt")));
        CliRun features = CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount, "/ReadOnly");
        assertEquals(0, features.exitCode(), features.err());
        CliRun info = CliRun.of("/Image:" + mount, "/LogPath:" + dir.resolve("dism.log"), "/Get-FeatureInfo",
                "/FeatureName:TelnetClient");
        assertTrue(info.out().contains("State : Enabled"), "the serviced feature was committed: " + info.out());
    }

    @Test
    void aReadOnlyMountCannotBeCommitted() throws IOException {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount, "/ReadOnly")
                .exitCode());
        long size = Files.size(wim);
        CliRun commit = CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Commit");
        assertEquals(5, commit.exitCode());
        assertTrue(commit.err().contains("mounted read-only, so its changes cannot be saved"), commit.err());
        assertEquals(size, Files.size(wim));
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Status : Ok"), "the mount stays");
        assertEquals(5, CliRun.of("/Commit-Wim", "/MountDir:" + mount).exitCode());
        assertEquals(0, CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Discard").exitCode());
    }

    @Test
    void wrongMountCommandLinesAreExplained() throws IOException {
        assertEquals(87, CliRun.of("/Unmount-Wim", "/MountDir:" + dir).exitCode());
        CliRun notMounted = CliRun.of("/Unmount-Wim", "/MountDir:" + dir, "/Discard");
        assertEquals(3, notMounted.exitCode());
        assertTrue(notMounted.err().contains("is not the mount point of an image"), notMounted.err());
        CliRun noIndex = CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/MountDir:" + dir);
        assertEquals(87, noIndex.exitCode());
        assertTrue(noIndex.err().contains("/Index:<n> or /Name:<name>"), noIndex.err());
    }

    /** What a reboot does to a mount in /tmp: the directory's contents are gone. */
    private static void emptyDirectory(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(root)) {
                    Files.delete(f);
                }
            }
        }
    }
}
