package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split WIMs on the command line: /Split-Image writes parts wimlib-imagex joins and verifies; /Get-WimInfo,
 * /Apply-Image, /Export-Image and /Mount-Wim /ReadOnly read parts that wimlib-imagex split (with /SWMFile), and
 * give DISM's errors when /SWMFile or a part is missing.
 */
class SplitWimCommandsTest {
    private static final String BAR = "[==========================100.0%==========================]";

    @TempDir
    Path dir;
    Path wim;

    /** Two images of a synthetic tree with five drivers of 400 kB of random bytes each, so that 1 MB parts are many. */
    @BeforeEach
    void wimOfTwoImages() throws IOException {
        System.setProperty("imagesmith.mountStore", dir.resolve("mounts").toString());
        wim = dir.resolve("install.wim");
        Wimlib.capture(tree(1), wim, "Windows One", "first", "--compress=xpress");
        Wimlib.append(tree(2), wim, "Windows Two", "second", "--compress=xpress");
    }

    @AfterEach
    void forgetStore() {
        System.clearProperty("imagesmith.mountStore");
    }

    private Path tree(int variant) throws IOException {
        Path root = SyntheticTree.write(dir.resolve("src" + variant), variant);
        Random random = new Random(variant);
        for (int i = 1; i <= 5; i++) {
            byte[] driver = new byte[400_000];
            random.nextBytes(driver);
            Files.write(root.resolve("Windows/System32/driver" + i + ".sys"), driver);
        }
        return root;
    }

    /** wimlib-imagex's parts of the WIM file, 1 MiB each, in the folder "parts"; returns part 1. */
    private Path wimlibParts() throws IOException {
        Path first = Files.createDirectories(dir.resolve("parts")).resolve("install.swm");
        Wimlib.split(wim, first, 1);
        return first;
    }

    private static List<Path> swmFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".swm")).sorted().toList();
        }
    }



    @Test
    void splitImageWritesPartsWimlibJoinsAndVerifies() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        CliRun run = CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + out.resolve("install.swm"),
                "/FileSize:1", "/CheckIntegrity");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().replace("\r\n", "\n").endsWith("Splitting image\n" + BAR
                + "\nThe operation completed successfully.\n"), run.out());
        List<Path> parts = swmFiles(out);
        assertTrue(parts.size() >= 3, parts.toString());
        assertEquals(out.resolve("install.swm"), parts.get(0));
        assertEquals(out.resolve("install2.swm"), parts.get(1));
        for (Path part : parts) {
            assertTrue(Files.size(part) <= 1 << 20, part + " has " + Files.size(part) + " bytes");
            assertEquals(parts.indexOf(part) + 1 + "/" + parts.size(), Wimlib.info(part).file().get("Part Number"));
        }
        Path joined = dir.resolve("joined.wim");
        Wimlib.join(joined, parts, "--check");
        Wimlib.verify(joined);
        Wimlib.run("apply", parts.get(0).toString(), "2", dir.resolve("theirs").toString(),
                "--ref=" + out.resolve("install*.swm"));
        Wimlib.apply(wim, 2, dir.resolve("expected"));
        TreeAssertions.assertSameTree(dir.resolve("expected"), dir.resolve("theirs"));

        CliRun again = CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + out.resolve("install.swm"),
                "/FileSize:1");
        assertEquals(80, again.exitCode(), again.err());
        assertTrue(again.err().contains("The file " + out.resolve("install.swm").toAbsolutePath() + " exists"),
                again.err());
    }

    @Test
    void splitImageMistakesGiveDismErrors() throws IOException {
        CliRun noSize = CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + dir.resolve("install.swm"));
        assertEquals(87, noSize.exitCode());
        assertTrue(noSize.err().contains("The option /FileSize is missing"), noSize.err());
        CliRun wildcard = CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + dir.resolve("install*.swm"),
                "/FileSize:10");
        assertEquals(87, wildcard.exitCode());
        assertTrue(wildcard.err().contains("give the name of the first part"), wildcard.err());
        CliRun zero = CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + dir.resolve("install.swm"),
                "/FileSize:0");
        assertEquals(87, zero.exitCode());
        assertEquals(List.of(), swmFiles(dir));
    }

    @Test
    void getWimInfoShowsTheImagesOfPart1() throws IOException {
        Path first = wimlibParts();
        CliRun run = CliRun.of("/Get-WimInfo", "/WimFile:" + first);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Index : 1\nName : Windows One\nDescription : first\n"), run.out());
        assertTrue(run.out().contains("Index : 2\nName : Windows Two\nDescription : second\n"), run.out());
    }

    @Test
    void applyImageReadsTheParts() throws IOException {
        Path first = wimlibParts();
        assertTrue(swmFiles(first.getParent()).size() >= 3);
        Path ours = dir.resolve("ours");
        CliRun run = CliRun.of("/Apply-Image", "/ImageFile:" + first, "/SWMFile:" + first.resolveSibling("install*.swm"),
                "/Index:2", "/ApplyDir:" + ours);
        assertEquals(0, run.exitCode(), run.err());
        Wimlib.apply(wim, 2, dir.resolve("theirs"));
        TreeAssertions.assertSameTree(dir.resolve("theirs"), ours);
    }

    @Test
    void applyImageWithoutSwmFileSaysToGiveIt() throws IOException {
        Path first = wimlibParts();
        Path target = dir.resolve("target");
        CliRun run = CliRun.of("/Apply-Image", "/ImageFile:" + first, "/Index:1", "/ApplyDir:" + target);
        assertEquals(87, run.exitCode());
        assertTrue(run.err().contains("The file " + first + " is part 1 of a split WIM of "), run.err());
        assertTrue(run.err().contains("Give part 1 as /ImageFile and the parts with /SWMFile:<pattern>, as in"
                + " /SWMFile:" + first.resolveSibling("install*.swm") + "."), run.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void aMissingPartIsNamed() throws IOException {
        Path first = wimlibParts();
        Files.delete(first.resolveSibling("install3.swm"));
        Path target = dir.resolve("target");
        CliRun run = CliRun.of("/Apply-Image", "/ImageFile:" + first, "/SWMFile:" + first.resolveSibling("install*.swm"),
                "/Index:1", "/ApplyDir:" + target);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("part 3 of the split WIM " + first), run.err());
        assertTrue(run.err().contains("is missing; expected " + first.resolveSibling("install3.swm")), run.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void aPartOfAnotherSetIsRefused() throws IOException {
        Path first = wimlibParts();
        Path other = Files.createDirectories(dir.resolve("other")).resolve("install.swm");
        Wimlib.split(wim, other, 1);
        Files.copy(other.resolveSibling("install2.swm"), first.resolveSibling("install2.swm"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun run = CliRun.of("/Apply-Image", "/ImageFile:" + first, "/SWMFile:" + first.resolveSibling("install*.swm"),
                "/Index:1", "/ApplyDir:" + dir.resolve("target"));
        assertEquals(11, run.exitCode(), run.err());
        assertTrue(run.err().contains("is part 2 of another split WIM"), run.err());
    }

    @Test
    void exportImageJoinsTheParts() throws IOException {
        Path first = wimlibParts();
        Path joined = dir.resolve("joined.wim");
        for (int index = 1; index <= 2; index++) {
            CliRun run = CliRun.of("/Export-Image", "/SourceImageFile:" + first,
                    "/SWMFile:" + first.resolveSibling("install*.swm"), "/SourceIndex:" + index,
                    "/DestinationImageFile:" + joined);
            assertEquals(0, run.exitCode(), run.err());
        }
        Wimlib.verify(joined);
        assertEquals("XPRESS", Wimlib.info(joined).file().get("Compression"));
        for (int index = 1; index <= 2; index++) {
            Wimlib.apply(joined, index, dir.resolve("joined" + index));
            Wimlib.apply(wim, index, dir.resolve("original" + index));
            TreeAssertions.assertSameTree(dir.resolve("original" + index), dir.resolve("joined" + index));
        }
    }

    @Test
    void mountWimOfASplitWimIsReadOnly() throws IOException {
        Path first = wimlibParts();
        Path readWrite = Files.createDirectories(dir.resolve("rw"));
        CliRun refused = CliRun.of("/Mount-Wim", "/WimFile:" + first, "/SWMFile:" + first.resolveSibling("install*.swm"),
                "/Index:1", "/MountDir:" + readWrite);
        assertEquals(50, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("which is read-only. Mount it with /ReadOnly"), refused.err());

        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        CliRun mounted = CliRun.of("/Mount-Wim", "/WimFile:" + first, "/SWMFile:" + first.resolveSibling("install*.swm"),
                "/Index:1", "/MountDir:" + readOnly, "/ReadOnly");
        assertEquals(0, mounted.exitCode(), mounted.err());
        Wimlib.apply(wim, 1, dir.resolve("expected"));
        TreeAssertions.assertSameTree(dir.resolve("expected"), readOnly);
        assertTrue(CliRun.of("/Get-MountedWimInfo").out().contains("Mounted Read/Write : No"));
        assertEquals(0, CliRun.of("/Unmount-Wim", "/MountDir:" + readOnly, "/Discard").exitCode());

        CliRun noParts = CliRun.of("/Mount-Wim", "/WimFile:" + first, "/Index:1", "/MountDir:" + readOnly, "/ReadOnly");
        assertEquals(87, noParts.exitCode());
        assertTrue(noParts.err().contains("/SWMFile:<pattern>"), noParts.err());
    }

    @Test
    void helpListsSplitImageAndSwmFile() {
        CliRun run = CliRun.of("/?");
        assertTrue(run.out().contains("/Split-Image /ImageFile:<file> /SWMFile:<file.swm> /FileSize:<MB>"
                + " [/CheckIntegrity]"), run.out());
        assertTrue(run.out().contains("/Apply-Image /ImageFile:<file> [/SWMFile:<pattern>]"), run.out());
        assertTrue(run.out().contains("/Export-Image /SourceImageFile:<file> [/SWMFile:<pattern>]"), run.out());
        assertTrue(run.out().contains("/Mount-Wim /WimFile:<file> [/SWMFile:<pattern>]"), run.out());
    }
}
