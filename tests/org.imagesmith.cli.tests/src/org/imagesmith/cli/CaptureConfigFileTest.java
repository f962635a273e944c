package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.ResourceHeader;
import org.imagesmith.wim.Sha1Digest;
import org.imagesmith.wim.WimFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /Capture-Image and /Append-Image with /ConfigFile (a WimScript.ini) and without it (DISM's default configuration
 * list): what wimlib-imagex applies from the image, how resources are stored, the log, and DISM's errors for a
 * missing or malformed file.
 */
class CaptureConfigFileTest {
    private static final String BAR = "[==========================100.0%==========================]";

    @TempDir
    Path dir;

    private static void assertSucceeded(CliRun run) {
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("Saving image\n" + BAR + "\nThe operation completed successfully."), run.out());
    }

    private static String compressible(String seed) {
        return (seed + " compresses well; ").repeat(5000);
    }

    /** A system drive as a reference computer leaves it, with a few files of a user. */
    private Path systemDrive() throws IOException {
        Path root = dir.resolve("drive");
        Files.createDirectories(root.resolve("System Volume Information"));
        Files.writeString(root.resolve("System Volume Information/IndexerVolumeGuid"), "{guid}");
        Files.writeString(root.resolve("pagefile.sys"), compressible("paging"));
        Files.writeString(root.resolve("hiberfil.sys"), compressible("hibernation"));
        Files.writeString(root.resolve("swapfile.sys"), compressible("swap"));
        Files.createDirectories(root.resolve("Windows/System32"));
        Files.writeString(root.resolve("Windows/System32/kernel32.dll"), compressible("kernel"));
        Files.createDirectories(root.resolve("Windows/inf"));
        Files.writeString(root.resolve("Windows/inf/oem0.pnf"), compressible("precompiled"));
        Files.createDirectories(root.resolve("sources/sxs"));
        Files.writeString(root.resolve("sources/sxs/netfx3.cab"), "MSCF" + compressible("cabinet"));
        Files.createDirectories(root.resolve("Users/Public/Music"));
        Files.writeString(root.resolve("Users/Public/Music/song.mp3"), "ID3 song");
        Files.writeString(root.resolve("Users/Public/Music/anthem.mp3"), "ID3 anthem");
        return root;
    }

    /** A configuration list saved as Notepad saves "Unicode": UTF-16LE with its byte order mark, CRLF lines. */
    private Path unicodeWimScript(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.writeBytes(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));
        return Files.write(dir.resolve("WimScript.ini"), bytes.toByteArray());
    }

    private static boolean storedCompressed(Path wim, Path file) throws IOException {
        try (WimFile w = WimFile.open(wim)) {
            ResourceHeader resource = w.lookupTable().find(Sha1Digest.fromHex(sha1(file))).orElseThrow().resource();
            return resource.isCompressed();
        }
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameFile(Path expected, Path actual) throws IOException {
        assertEquals(-1L, Files.mismatch(expected, actual), actual.toString());
    }

    @Test
    void withoutConfigFileDismsDefaultListApplies() throws IOException {
        Path drive = systemDrive();
        Path wim = dir.resolve("install.wim");
        Path log = dir.resolve("dism.log");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:Reference",
                "/Compress:max", "/LogPath:" + log));

        Wimlib.verify(wim);
        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        for (String left : new String[] {"pagefile.sys", "hiberfil.sys", "swapfile.sys", "System Volume Information"}) {
            assertFalse(Files.exists(applied.resolve(left)), left + " is left out");
        }
        for (String kept : new String[] {"Windows/System32/kernel32.dll", "Windows/inf/oem0.pnf",
                "sources/sxs/netfx3.cab", "Users/Public/Music/song.mp3", "Users/Public/Music/anthem.mp3"}) {
            assertSameFile(drive.resolve(kept), applied.resolve(kept));
        }
        assertFalse(storedCompressed(wim, drive.resolve("sources/sxs/netfx3.cab")), "*.cab is stored uncompressed");
        assertFalse(storedCompressed(wim, drive.resolve("Windows/inf/oem0.pnf")), "\\WINDOWS\\inf\\*.pnf too");
        assertTrue(storedCompressed(wim, drive.resolve("Windows/System32/kernel32.dll")));

        String logged = Files.readString(log);
        assertTrue(logged.contains("Left out 4 file(s) and folder(s) by DISM's default configuration list"), logged);
        assertTrue(logged.contains("Excluded by the configuration list: \\pagefile.sys"), logged);
        assertTrue(logged.contains("Excluded by the configuration list: \\System Volume Information"), logged);
    }

    @Test
    void aUnicodeConfigFileReplacesTheDefaultListForCaptureAndAppend() throws IOException {
        Path drive = systemDrive();
        Path ini = unicodeWimScript("""
                [ExclusionList]
                \\pagefile.sys
                "\\System Volume Information"
                *.mp3

                [ExclusionException]
                \\Users\\Public\\Music\\anthem.mp3

                [CompressionExclusionList]
                *.dll
                """);
        Path wim = dir.resolve("install.wim");
        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:One",
                "/ConfigFile:" + ini, "/LogPath:" + dir.resolve("dism.log")));
        assertSucceeded(CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:Two",
                "/ConfigFile:" + ini, "/LogPath:" + dir.resolve("dism.log")));

        Wimlib.verify(wim);
        assertEquals("2", Wimlib.info(wim).file().get("Image Count"));
        for (int index = 1; index <= 2; index++) {
            Path applied = dir.resolve("applied-" + index);
            Wimlib.apply(wim, index, applied);
            assertFalse(Files.exists(applied.resolve("pagefile.sys")));
            assertFalse(Files.exists(applied.resolve("System Volume Information")));
            assertFalse(Files.exists(applied.resolve("Users/Public/Music/song.mp3")));
            assertSameFile(drive.resolve("Users/Public/Music/anthem.mp3"), applied.resolve("Users/Public/Music/anthem.mp3"));
            // the file replaces DISM's default list: what only the default excludes is captured
            assertSameFile(drive.resolve("hiberfil.sys"), applied.resolve("hiberfil.sys"));
            assertSameFile(drive.resolve("swapfile.sys"), applied.resolve("swapfile.sys"));
            assertSameFile(drive.resolve("Windows/System32/kernel32.dll"),
                    applied.resolve("Windows/System32/kernel32.dll"));
        }
        assertFalse(storedCompressed(wim, drive.resolve("Windows/System32/kernel32.dll")), "*.dll as the file says");
        assertTrue(storedCompressed(wim, drive.resolve("sources/sxs/netfx3.cab")), "*.cab is not in this file's list");
    }

    @Test
    void aMissingOrMalformedConfigFileIsADismErrorAndWritesNothing() throws IOException {
        Path drive = systemDrive();
        Path wim = dir.resolve("install.wim");
        Path log = dir.resolve("dism.log");

        CliRun missing = CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:X",
                "/ConfigFile:" + dir.resolve("nowhere.ini"), "/LogPath:" + log);
        assertEquals(ExitCode.FILE_NOT_FOUND, missing.exitCode());
        assertTrue(missing.err().contains("Error: 2") && missing.err().contains("nowhere.ini"), missing.err());

        Path unknownSection = Files.writeString(dir.resolve("sections.ini"),
                "[ExclusionList]\r\n\\pagefile.sys\r\n[Exclusions]\r\n\\x\r\n");
        CliRun section = CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:X",
                "/ConfigFile:" + unknownSection, "/LogPath:" + log);
        assertEquals(ExitCode.BAD_FORMAT, section.exitCode());
        assertTrue(section.err().contains("Error: 11"), section.err());
        assertTrue(section.err().contains(unknownSection + ", line 3: the section [Exclusions] is unknown"),
                section.err());
        assertFalse(Files.exists(wim), "nothing is written for a bad configuration list");

        assertSucceeded(CliRun.of("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:Good",
                "/LogPath:" + log));
        byte[] before = Files.readAllBytes(wim);
        Path badLine = unicodeWimScript("[ExclusionList]\n\\pagefile.sys\n\\Windows\\bad|name\n");
        CliRun line = CliRun.of("/Append-Image", "/ImageFile:" + wim, "/CaptureDir:" + drive, "/Name:Bad",
                "/ConfigFile:" + badLine, "/LogPath:" + log);
        assertEquals(ExitCode.BAD_FORMAT, line.exitCode());
        assertTrue(line.err().contains(badLine + ", line 3:") && line.err().contains("'|'"), line.err());
        assertEquals(-1L, Files.mismatch(wim, Files.write(dir.resolve("before.wim"), before)),
                "a refused append leaves the file as it was");

        CliRun help = CliRun.of("/?");
        assertTrue(help.out().contains("[/ConfigFile:<WimScript.ini>]"), help.out());
    }
}
