package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ImageX's syntax (imagesmith /ImageX ..., releng/bin/imagex): each operation and option run through the DISM
 * commands, the results read with wimlib-imagex.
 */
class ImageXCommandsTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetStore() {
        System.clearProperty("imagesmith.mountStore");
    }

    private static CliRun imagex(String... args) {
        List<String> all = new ArrayList<>(List.of("/ImageX"));
        all.addAll(Arrays.asList(args));
        return CliRun.of(all);
    }

    private static void assertSucceeded(CliRun run) {
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("The operation completed successfully."), run.out());
    }

    @Test
    void captureAndAppendWriteFlagsBootIndexCompressionAndDescription() throws IOException {
        Path one = SyntheticTree.write(dir.resolve("one"), 1);
        Path two = SyntheticTree.write(dir.resolve("two"), 2);
        Path wim = dir.resolve("install.wim");

        Path config = Files.writeString(dir.resolve("wimscript.ini"), "[ExclusionList]\r\n\\Windows\\variant.txt\r\n");
        assertSucceeded(imagex("/capture", one.toString(), wim.toString(), "Windows 7 ULTIMATE", "Reference build",
                "/flags", "Ultimate", "/compress", "maximum", "/check", "/verify", "/config", config.toString()));
        assertFalse(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/variant.txt"), "/config excludes it");
        assertTrue(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/System32/license.txt"));
        assertSucceeded(imagex("/append", two.toString(), wim.toString(), "Windows PE", "/flags", "WindowsPE", "/boot",
                "/norpfix", "/scroll"));

        Wimlib.verify(wim);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("LZX", info.file().get("Compression"));
        assertTrue(info.file().get("Attributes").contains("Integrity"), info.file().toString());
        assertEquals("2", info.file().get("Boot Index"));
        assertEquals("Windows 7 ULTIMATE", info.images().get(0).get("Name"));
        assertEquals("Reference build", info.images().get(0).get("Description"));
        assertEquals("Ultimate", info.images().get(0).get("Flags"));
        assertEquals("WindowsPE", info.images().get(1).get("Flags"));
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 2, applied);
        assertEquals(-1L, Files.mismatch(two.resolve("Windows/variant.txt"), applied.resolve("Windows/variant.txt")));
    }

    @Test
    void infoRenamesAnImageChangesItsDescriptionAndMakesItTheBootImage() throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Home", "Home image");
        Wimlib.append(SyntheticTree.write(dir.resolve("two"), 2), wim, "Pro", "Pro image");

        assertSucceeded(imagex("/info", wim.toString(), "2", "Windows 7 PROFESSIONAL", "Professional edition", "/boot"));
        Wimlib.verify(wim);
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("2", info.file().get("Boot Index"));
        assertEquals("Home", info.images().get(0).get("Name"));
        assertEquals("Windows 7 PROFESSIONAL", info.images().get(1).get("Name"));
        assertEquals("Professional edition", info.images().get(1).get("Description"));

        assertSucceeded(imagex("/info", wim.toString(), "Home", "Windows 7 HOMEPREMIUM"));
        assertEquals("Windows 7 HOMEPREMIUM", Wimlib.info(wim).images().get(0).get("Name"));
        assertEquals("Home image", Wimlib.info(wim).images().get(0).get("Description"));

        CliRun taken = imagex("/info", wim.toString(), "1", "windows 7 professional");
        assertEquals(183, taken.exitCode(), taken.out());
        assertTrue(taken.err().contains("already has an image named"), taken.err());
        assertEquals("Windows 7 HOMEPREMIUM", Wimlib.info(wim).images().get(0).get("Name"), "a refusal changes nothing");

        try (org.imagesmith.wim.WriterLock lock = org.imagesmith.wim.WriterLock.acquire(wim, "/Delete-Image")) {
            CliRun locked = imagex("/info", wim.toString(), "1", "Locked");
            assertEquals(32, locked.exitCode(), locked.out() + locked.err());
            assertTrue(locked.err().contains("is being changed by another command"), locked.err());
        }
        assertEquals("Windows 7 HOMEPREMIUM", Wimlib.info(wim).images().get(0).get("Name"), "a locked file is kept");

        CliRun show = imagex("/info", wim.toString(), "2");
        assertSucceeded(show);
        assertTrue(show.out().contains("Name : Windows 7 PROFESSIONAL"), show.out());
    }

    @Test
    void dirListsWhatWimlibLists() throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Home", "");
        CliRun listed = imagex("/dir", wim.toString(), "1");
        assertSucceeded(listed);
        List<String> ours = listed.out().lines().filter(l -> l.startsWith("\\")).map(l -> l.replace('\\', '/'))
                .sorted().toList();
        List<String> wimlib = Wimlib.run("dir", wim.toString(), "1").lines().filter(l -> l.startsWith("/"))
                .sorted().toList();
        assertTrue(wimlib.size() > 5, wimlib.toString());
        assertEquals(wimlib, ours);
    }

    @Test
    void exportSplitApplyWithRefAndDelete() throws IOException {
        Path one = SyntheticTree.write(dir.resolve("one"), 1);
        byte[] large = new byte[3 << 20];
        new java.util.Random(17).nextBytes(large);
        Files.write(one.resolve("Windows/System32/large.bin"), large);
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(one, wim, "Home", "");
        Wimlib.append(SyntheticTree.write(dir.resolve("two"), 2), wim, "Pro", "");

        Path exported = dir.resolve("exported.wim");
        assertSucceeded(imagex("/export", wim.toString(), "Home", exported.toString(), "Home copy", "/boot",
                "/compress", "none"));
        Wimlib.verify(exported);
        Wimlib.Info info = Wimlib.info(exported);
        assertEquals("None", info.file().get("Compression"));
        assertEquals("1", info.file().get("Boot Index"));
        assertEquals("Home copy", info.images().get(0).get("Name"));

        Path swm = dir.resolve("install.swm");
        assertSucceeded(imagex("/split", wim.toString(), swm.toString(), "1"));
        assertTrue(Files.exists(dir.resolve("install2.swm")), "the parts are written");
        Path applied = Files.createDirectories(dir.resolve("applied"));
        assertSucceeded(imagex("/apply", swm.toString(), "1", applied.toString(), "/ref",
                dir.resolve("install*.swm").toString(), "/check"));
        assertEquals(-1L, Files.mismatch(one.resolve("Windows/System32/large.bin"),
                applied.resolve("Windows/System32/large.bin")));

        assertSucceeded(imagex("/delete", wim.toString(), "1"));
        assertEquals("1", Wimlib.info(wim).file().get("Image Count"));
        assertEquals("Pro", Wimlib.info(wim).images().get(0).get("Name"));
    }

    @Test
    void mountRwCommitAndUnmount() throws IOException {
        System.setProperty("imagesmith.mountStore", dir.resolve("mounts").toString());
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Home", "");
        Path mount = Files.createDirectories(dir.resolve("offline"));

        assertSucceeded(imagex("/mountrw", wim.toString(), "1", mount.toString()));
        Files.writeString(mount.resolve("Windows/added.txt"), "added");
        assertSucceeded(imagex("/commit", mount.toString()));
        assertTrue(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/added.txt"));
        Files.writeString(mount.resolve("Windows/discarded.txt"), "discarded");
        assertSucceeded(imagex("/unmount", mount.toString()));
        assertFalse(Wimlib.run("dir", wim.toString(), "1").contains("/Windows/discarded.txt"),
                "/unmount without /commit discards");

        assertSucceeded(imagex("/mount", wim.toString(), "1", mount.toString()));
        try (var entries = Files.list(mount)) {
            for (Path entry : entries.toList()) {
                deleteTree(entry);
            }
        }
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Status : Needs Remount"));
        assertSucceeded(imagex("/remount", mount.toString()));
        assertTrue(Files.isRegularFile(mount.resolve("Windows/added.txt")), "remounted with the committed file");
        assertSucceeded(imagex("/unmount", mount.toString()));
        assertSucceeded(imagex("/cleanup"));
        Wimlib.verify(wim);
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var entries = Files.list(path)) {
                for (Path entry : entries.toList()) {
                    deleteTree(entry);
                }
            }
        }
        Files.delete(path);
    }

    @Test
    void badCommandLinesAreRefusedWithDismsCode() throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Home", "");
        long size = Files.size(wim);

        CliRun unknown = imagex("/capture", dir.toString(), wim.toString(), "x", "/lzx");
        assertEquals(ExitCode.INVALID_PARAMETER, unknown.exitCode());
        assertTrue(unknown.err().contains("The option /lzx is not valid with /capture"), unknown.err());

        CliRun missing = imagex("/apply", wim.toString(), "1");
        assertEquals(ExitCode.INVALID_PARAMETER, missing.exitCode());
        assertTrue(missing.err().contains("/apply takes 3 operands, 2 given"), missing.err());

        CliRun noValue = imagex("/append", dir.toString(), wim.toString(), "x", "/flags");
        assertEquals(ExitCode.INVALID_PARAMETER, noValue.exitCode());

        CliRun compress = imagex("/capture", dir.toString(), dir.resolve("new.wim").toString(), "x", "/compress",
                "lzx");
        assertEquals(ExitCode.INVALID_PARAMETER, compress.exitCode());
        assertFalse(Files.exists(dir.resolve("new.wim")));

        CliRun noRpFixOnApply = imagex("/apply", wim.toString(), "1", dir.resolve("out").toString(), "/norpfix");
        assertEquals(ExitCode.INVALID_PARAMETER, noRpFixOnApply.exitCode());
        assertTrue(noRpFixOnApply.err().contains("The option /norpfix is not valid with /apply"), noRpFixOnApply.err());
        assertFalse(Files.exists(dir.resolve("out")));

        CliRun mountCheck = imagex("/mountrw", wim.toString(), "1", dir.resolve("mnt").toString(), "/check");
        assertEquals(ExitCode.INVALID_PARAMETER, mountCheck.exitCode());
        assertTrue(mountCheck.err().contains("The option /check is not valid with /mountrw"), mountCheck.err());

        CliRun xml = imagex("/info", wim.toString(), "/xml");
        assertEquals(ExitCode.INVALID_PARAMETER, xml.exitCode());
        assertTrue(xml.err().contains("The option /xml is not valid with /info"), xml.err());

        CliRun noImage = imagex("/info", wim.toString(), "5", "renamed");
        assertEquals(ExitCode.INVALID_PARAMETER, noImage.exitCode(), noImage.out());
        assertEquals(size, Files.size(wim), "refusals leave the file as it was");

        CliRun help = imagex("/?");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("imagex /info <image_file> [<number|name>]"), help.out());
    }
}
