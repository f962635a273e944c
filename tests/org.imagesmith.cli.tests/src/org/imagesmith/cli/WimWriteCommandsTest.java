package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /Capture-Image, /Append-Image, /Export-Image and /Delete-Image: DISM's output and exit codes, and files that
 * wimlib-imagex verifies and applies to the captured trees.
 */
class WimWriteCommandsTest {
    private static final String BAR = "[==========================100.0%==========================]";

    @TempDir
    Path dir;

    private static void assertSucceeded(CliRun run, String action) {
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains(action + "\n" + BAR + "\nThe operation completed successfully."), run.out());
    }

    private void assertApplies(Path wim, int index, Path tree) throws IOException {
        Path applied = dir.resolve("applied-" + wim.getFileName() + "-" + index);
        Wimlib.apply(wim, index, applied);
        for (String file : new String[] {"Windows/System32/license.txt", "Windows/System32/random.dll",
                "Windows/inf/machine.inf", "Windows/variant.txt", "Windows/System32/config/EMPTY"}) {
            assertEquals(-1L, Files.mismatch(tree.resolve(file), applied.resolve(file)), file);
        }
    }

    @Test
    void captureAppendExportAndDeleteMakeFilesWimlibVerifies() throws IOException {
        Path one = SyntheticTree.write(dir.resolve("one"), 1);
        Path two = SyntheticTree.write(dir.resolve("two"), 2);
        Path wim = dir.resolve("install.wim");

        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + one, "/Name:Home",
                "/Description:The first image", "/CheckIntegrity"), "Saving image");
        Wimlib.Info info = Wimlib.info(wim);
        assertEquals("XPRESS", info.file().get("Compression"), "DISM captures with /Compress:fast by default");
        assertTrue(info.file().get("Attributes").contains("Integrity"));

        assertSucceeded(CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + two, "/Name:Pro"),
                "Saving image");
        Path exported = dir.resolve("exported.wim");
        assertSucceeded(CliRun.of("/Export-Image", "/SourceImageFile:" + wim, "/SourceName:pro",
                "/DestinationImageFile:" + exported, "/DestinationName:Pro copy", "/Compress:max", "/Bootable"),
                "Exporting image");
        assertSucceeded(CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1"), "Deleting image");

        Wimlib.verify(wim);
        info = Wimlib.info(wim);
        assertEquals("1", info.file().get("Image Count"));
        assertEquals("Pro", info.images().get(0).get("Name"));
        assertTrue(info.file().get("Attributes").contains("Integrity"), "the integrity table is kept");
        assertApplies(wim, 1, two);

        Wimlib.verify(exported);
        info = Wimlib.info(exported);
        assertEquals("LZX", info.file().get("Compression"));
        assertEquals("1", info.file().get("Boot Index"));
        assertEquals("Pro copy", info.images().get(0).get("Name"));
        assertApplies(exported, 1, two);
    }

    @Test
    void absoluteLinksIntoTheCapturedDirectoryAreFixedUpUnlessNoRpFix() throws IOException {
        Path tree = SyntheticTree.write(dir.resolve("tree"), 1);
        Files.createSymbolicLink(tree.resolve("Windows/license-link"), tree.resolve("Windows/System32/license.txt"));
        for (boolean noRpFix : new boolean[] {false, true}) {
            Path wim = dir.resolve("links-" + noRpFix + ".wim");
            assertSucceeded(noRpFix
                    ? CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Links", "/NoRpFix")
                    : CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Links"),
                    "Saving image");
            assertEquals(!noRpFix, Wimlib.info(wim).file().get("Attributes").contains("Relative path junction"));
            Path applied = dir.resolve("applied-" + noRpFix);
            Wimlib.apply(wim, 1, applied);
            Path expected = noRpFix ? tree.resolve("Windows/System32/license.txt")
                    : applied.resolve("Windows/System32/license.txt");
            assertEquals(expected, Files.readSymbolicLink(applied.resolve("Windows/license-link")));
        }
    }

    @Test
    void exportKeepsTheReparsePointFixupSoThatLinksApplyInsideTheTarget() throws IOException {
        Path tree = SyntheticTree.write(dir.resolve("tree"), 1);
        Files.createSymbolicLink(tree.resolve("Windows/license-link"), tree.resolve("Windows/System32/license.txt"));
        Path wim = dir.resolve("links.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Links"),
                "Saving image");
        Path created = dir.resolve("new.wim");
        Path other = SyntheticTree.write(dir.resolve("other"), 2);
        Path appended = dir.resolve("existing.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + appended, "/CaptureDir:" + other, "/Name:Plain",
                "/NoRpFix"), "Saving image");
        assertTrue(!Wimlib.info(appended).file().get("Attributes").contains("Relative path junction"));
        for (Path destination : new Path[] {created, appended}) {
            assertSucceeded(CliRun.of("/Export-Image", "/SourceImageFile:" + wim, "/SourceIndex:1",
                    "/DestinationImageFile:" + destination), "Exporting image");
            Wimlib.verify(destination);
            Wimlib.Info info = Wimlib.info(destination);
            assertTrue(info.file().get("Attributes").contains("Relative path junction"), info.file().toString());
            int index = Integer.parseInt(info.file().get("Image Count"));
            Path byWimlib = dir.resolve("wimlib-" + destination.getFileName());
            Wimlib.apply(destination, index, byWimlib);
            assertEquals(byWimlib.resolve("Windows/System32/license.txt"),
                    Files.readSymbolicLink(byWimlib.resolve("Windows/license-link")));
            Path byUs = dir.resolve("ours-" + destination.getFileName());
            assertSucceeded(CliRun.of("/Apply-Image", "/ImageFile:" + destination, "/Index:" + index,
                    "/ApplyDir:" + byUs), "Applying image");
            assertEquals(byUs.resolve("Windows/System32/license.txt"),
                    Files.readSymbolicLink(byUs.resolve("Windows/license-link")));
        }
        Path swm = dir.resolve("links.swm");
        assertEquals(0, CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + swm, "/FileSize:1").exitCode());
        assertTrue(Wimlib.info(swm).file().get("Attributes").contains("Relative path junction"));
        assertSucceeded(CliRun.of("/Delete-Image", "/ImageFile:" + appended, "/Index:1"), "Deleting image");
        assertTrue(Wimlib.info(appended).file().get("Attributes").contains("Relative path junction"));
    }

    @Test
    void newFilesHonourTheUmaskAndRewrittenFilesKeepTheirMode() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(probe);
        Path tree = SyntheticTree.write(dir.resolve("tree"), 1);
        Path wim = dir.resolve("install.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:One"),
                "Saving image");
        assertEquals(ordinary, Files.getPosixFilePermissions(wim), "a captured WIM file has a new file's mode");
        Path exported = dir.resolve("exported.wim");
        assertSucceeded(CliRun.of("/Export-Image", "/SourceImageFile:" + wim, "/SourceIndex:1",
                "/DestinationImageFile:" + exported), "Exporting image");
        assertEquals(ordinary, Files.getPosixFilePermissions(exported));
        Path swm = dir.resolve("install.swm");
        assertEquals(0, CliRun.of("/Split-Image", "/ImageFile:" + wim, "/SWMFile:" + swm, "/FileSize:1").exitCode());
        assertEquals(ordinary, Files.getPosixFilePermissions(swm));

        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(wim, chosen);
        assertSucceeded(CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:Two"),
                "Saving image");
        assertEquals(chosen, Files.getPosixFilePermissions(wim));
        assertSucceeded(CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:1"), "Deleting image");
        assertEquals(chosen, Files.getPosixFilePermissions(wim), "a rewritten WIM file keeps its mode");
    }

    /** The fields wimlib-imagex info prints from an image's WINDOWS element. */
    static final List<String> WINDOWS_FIELDS = List.of("Architecture", "Product Name", "Edition ID",
            "Installation Type", "HAL", "Product Type", "Product Suite", "Languages", "Default Language",
            "System Root", "Major Version", "Minor Version", "Build", "Service Pack Build", "Service Pack Level");

    @Test
    void captureAndAppendDescribeTheWindowsInstallationAsWimlibDoes() throws IOException {
        Path client = SyntheticWindowsImage.write(dir.resolve("client"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path server = SyntheticWindowsImage.write(dir.resolve("server"), SyntheticWindowsImage.Kind.SERVER_2008_R2_SP1,
                "x86");
        Path ours = dir.resolve("ours.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + ours, "/CaptureDir:" + client, "/Name:Client"),
                "Saving image");
        assertSucceeded(CliRun.of("/Append-Image", "/ImageFile:" + ours, "/CaptureDir:" + server, "/Name:Server"),
                "Saving image");
        Path theirs = dir.resolve("theirs.wim");
        Wimlib.capture(client, theirs, "Client", "");
        Wimlib.capture(server, dir.resolve("server.wim"), "Server", "");

        List<Map<String, String>> ourImages = Wimlib.info(ours).images();
        List<Map<String, String>> wimlibImages = List.of(Wimlib.info(theirs).images().get(0),
                Wimlib.info(dir.resolve("server.wim")).images().get(0));
        for (int i = 0; i < 2; i++) {
            for (String field : WINDOWS_FIELDS) {
                assertEquals(wimlibImages.get(i).get(field), ourImages.get(i).get(field), field + " of image " + (i + 1));
            }
        }
        assertEquals("x86_64", ourImages.get(0).get("Architecture"));
        assertEquals("x86", ourImages.get(1).get("Architecture"));
        assertEquals("ServerNT", ourImages.get(1).get("Product Type"));
        assertEquals("17514", ourImages.get(0).get("Service Pack Build"));
        assertEquals("en-US", ourImages.get(0).get("Default Language"));
        assertEquals("WINDOWS", ourImages.get(0).get("System Root"));

        CliRun info = CliRun.of("/Get-WimInfo", "/WimFile:" + ours, "/Index:1");
        assertTrue(info.out().contains("Architecture : x64"), info.out());
        assertTrue(info.out().contains("Edition : Professional"), info.out());
        assertTrue(info.out().contains("Version : 6.1.7601"), info.out());
    }

    @Test
    void mistakesGiveDismErrors() throws IOException {
        Path one = SyntheticTree.write(dir.resolve("one"), 1);
        Path wim = dir.resolve("install.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + one, "/Name:Home",
                "/Compress:none"), "Saving image");
        byte[] before = Files.readAllBytes(wim);

        CliRun exists = CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + one, "/Name:Other");
        assertEquals(80, exists.exitCode());
        assertTrue(exists.err().contains("/Append-Image"), exists.err());

        CliRun taken = CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + one, "/Name:HOME");
        assertEquals(183, taken.exitCode());
        assertTrue(taken.err().contains("already has an image named"), taken.err());

        CliRun compress = CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + one, "/Name:Two",
                "/Compress:max");
        assertEquals(ExitCode.INVALID_PARAMETER, compress.exitCode());
        assertTrue(compress.err().contains("/Compress:none"), compress.err());

        CliRun badValue = CliRun.of("/Capture-Image", "/ImageFile:" + dir.resolve("x.wim"), "/CaptureDir:" + one,
                "/Name:X", "/Compress:ultra");
        assertEquals(ExitCode.INVALID_PARAMETER, badValue.exitCode());

        CliRun missingDir = CliRun.of("/Capture-Image", "/ImageFile:" + dir.resolve("y.wim"),
                "/CaptureDir:" + dir.resolve("nowhere"), "/Name:Y");
        assertEquals(ExitCode.FILE_NOT_FOUND, missingDir.exitCode());

        CliRun noImage = CliRun.of("/Delete-Image", "/ImageFile:" + wim, "/Index:5");
        assertEquals(ExitCode.INVALID_PARAMETER, noImage.exitCode());

        assertEquals(-1L, Files.mismatch(wim, writeBytes(before)), "failed commands leave the file unchanged");
        assertTrue(Files.notExists(dir.resolve("x.wim")) && Files.notExists(dir.resolve("y.wim")));
    }

    private Path writeBytes(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("before.bin"), bytes);
    }
}
