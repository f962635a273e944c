package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** imagesmith /Apply-Image against "wimlib-imagex apply" on the same files. */
class ApplyImageCommandTest {
    private static final String BAR = "[==========================100.0%==========================]";

    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path wim(String... options) throws IOException {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("src1"), 1), wim, "Windows One", "first", options);
        Wimlib.append(SyntheticTree.write(dir.resolve("src2"), 2), wim, "Windows Two", "second", options);
        return wim;
    }



    @Test
    void appliesByIndexAndByNameAsWimlibDoes() throws IOException {
        Path wim = wim("--compress=lzx", "--check");
        Path ours = dir.resolve("ours");
        CliRun run = run("/Apply-Image", "/ImageFile:" + wim, "/Index:2", "/ApplyDir:" + ours, "/CheckIntegrity", "/Verify");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(String.join("\n", "", "Deployment Image Servicing and Management tool", "Version: " + Version.TOOL, "",
                "Applying image", BAR, "The operation completed successfully.", ""), run.out().replace("\r\n", "\n"));
        assertEquals("", run.err());
        Wimlib.apply(wim, 2, dir.resolve("theirs"));
        TreeAssertions.assertSameTree(dir.resolve("theirs"), ours);
        assertEquals("variant 2", Files.readString(ours.resolve("Windows/variant.txt")));

        Path byName = dir.resolve("by-name");
        CliRun named = run("-apply-image", "-imagefile:" + wim, "/name:windows one", "/APPLYDIR:" + byName);
        assertEquals(0, named.exitCode(), named.err());
        TreeAssertions.assertSameTree(dir.resolve("src1"), byName);
    }

    @Test
    void aNonEmptyDirectoryNeedsOverwrite() throws IOException {
        Path wim = wim();
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("lost+found.txt"), "already here");
        CliRun refused = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target);
        assertEquals(145, refused.exitCode());
        assertTrue(refused.err().contains("is not empty"), refused.err());
        assertTrue(refused.err().contains("/Overwrite"), refused.err());
        assertFalse(refused.out().contains("completed successfully"), refused.out());
        assertFalse(Files.exists(target.resolve("Windows")));

        CliRun overwrite = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target, "/Overwrite");
        assertEquals(0, overwrite.exitCode(), overwrite.err());
        assertEquals("already here", Files.readString(target.resolve("lost+found.txt")));
        Files.delete(target.resolve("lost+found.txt"));
        TreeAssertions.assertSameTree(dir.resolve("src1"), target);
    }

    @Test
    void theRootAndTheHomeFolderAreRefusedHoweverTheyAreNamed() throws IOException {
        Path wim = wim();
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "the user's file");
        Path linkToHome = Files.createSymbolicLink(dir.resolve("link-to-home"), home);
        Path linkToRoot = Files.createSymbolicLink(dir.resolve("link-to-root"), Path.of("/"));
        String saved = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            for (Path target : List.of(home, linkToHome)) {
                CliRun refused = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target, "/Overwrite");
                assertEquals(5, refused.exitCode(), refused.out() + refused.err());
                assertTrue(refused.err().contains("is your home folder; an image is never applied or mounted there"),
                        refused.err());
                assertFalse(refused.out().contains("completed successfully"), refused.out());
            }
            for (String target : List.of("/", linkToRoot.toString(), linkToRoot + "/.")) {
                CliRun refused = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target);
                assertEquals(5, refused.exitCode(), refused.out() + refused.err());
                assertTrue(refused.err().contains("is the root of the file system"), refused.err());
            }
        } finally {
            System.setProperty("user.home", saved);
        }
        try (java.util.stream.Stream<Path> left = Files.list(home)) {
            assertEquals(List.of(home.resolve("notes.txt")), left.toList(), "nothing was written");
        }
    }

    @Test
    void aSymbolicLinkInTheTargetIsNotFollowed() throws IOException {
        Path wim = wim();
        Path target = Files.createDirectories(dir.resolve("target"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(target.resolve("Windows"), elsewhere);
        CliRun run = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target, "/Overwrite");
        assertEquals(82, run.exitCode(), run.err());
        assertTrue(run.err().contains("symbolic link"), run.err());
        try (Stream<Path> list = Files.list(elsewhere)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void symbolicLinksInTheImageAreCreatedAsWimlibCreatesThem() throws IOException {
        Path source = SyntheticTree.write(dir.resolve("src"), 1);
        Files.createSymbolicLink(source.resolve("Windows/link"), Path.of("variant.txt"));
        Path wim = dir.resolve("links.wim");
        Wimlib.capture(source, wim, "Links", "links");
        Path target = dir.resolve("out");
        CliRun run = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("Warning"), run.err());
        assertEquals(Path.of("variant.txt"), Files.readSymbolicLink(target.resolve("Windows/link")));
        assertEquals(TreeAssertions.relativeEntries(source), TreeAssertions.relativeEntries(target));
    }

    @Test
    void damagedFilesAndBadCommandLinesFail() throws IOException {
        Path wim = wim("--check");
        Path target = dir.resolve("out");
        assertEquals(87, run("/Apply-Image", "/ImageFile:" + wim, "/ApplyDir:" + target).exitCode());
        assertEquals(87, run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/Name:Windows One",
                "/ApplyDir:" + target).exitCode());
        assertEquals(87, run("/Apply-Image", "/ImageFile:" + wim, "/Index:1").exitCode());
        CliRun noSuchImage = run("/Apply-Image", "/ImageFile:" + wim, "/Index:3", "/ApplyDir:" + target);
        assertEquals(87, noSuchImage.exitCode());
        assertTrue(noSuchImage.err().contains("images 1 to 2"), noSuchImage.err());
        assertEquals(87, run("/Apply-Image", "/ImageFile:" + wim, "/Name:Windows Three", "/ApplyDir:" + target).exitCode());
        assertEquals(2, run("/Apply-Image", "/ImageFile:" + dir.resolve("absent.wim"), "/Index:1",
                "/ApplyDir:" + target).exitCode());
        assertFalse(Files.exists(target));

        try (RandomAccessFile raw = new RandomAccessFile(wim.toFile(), "rw")) {
            raw.seek(1000);
            int b = raw.read();
            raw.seek(1000);
            raw.write(b ^ 1);
        }
        CliRun damaged = run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + target, "/CheckIntegrity");
        assertEquals(ExitCode.INVALID_DATA, damaged.exitCode(), damaged.err());
        assertTrue(damaged.err().contains("integrity table"), damaged.err());
        assertFalse(Files.exists(target), "nothing is applied from a damaged file");
    }

    @Test
    void helpListsTheCommand() {
        CliRun run = run("/?");
        assertTrue(run.out().contains("/Apply-Image /ImageFile:<file>"), run.out());
    }
}
