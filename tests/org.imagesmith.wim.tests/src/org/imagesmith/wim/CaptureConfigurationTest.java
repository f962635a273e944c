package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.imagesmith.wim.CaptureConfiguration.PathPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CaptureConfiguration}: reading WimScript.ini files as Windows tools save them, and DISM's matching rules. */
class CaptureConfigurationTest {
    static final String WIMSCRIPT = """
            ; a configuration list as a deployment engineer writes one
            [ExclusionList]
            \\pagefile.sys
            \\hiberfil.sys
              "\\System Volume Information"
            *.mp3
            \\Logs

            [ExclusionException]
            \\Music\\keep.mp3
            \\Logs\\keep\\important.log

            [CompressionExclusionList]
            *.cab
            """;

    @TempDir
    Path dir;

    private static CaptureConfiguration parse(String text) throws CaptureConfigurationException {
        return CaptureConfiguration.parse("WimScript.ini", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(List<PathPattern> patterns) {
        return patterns.stream().map(PathPattern::text).toList();
    }

    @Test
    void readsTheSectionsOfAConfigurationList() throws Exception {
        CaptureConfiguration configuration = parse(WIMSCRIPT);
        assertEquals(List.of("\\pagefile.sys", "\\hiberfil.sys", "\\System Volume Information", "*.mp3", "\\Logs"),
                texts(configuration.exclusionList()));
        assertEquals(List.of("\\Music\\keep.mp3", "\\Logs\\keep\\important.log"),
                texts(configuration.exclusionExceptions()));
        assertEquals(List.of("*.cab"), texts(configuration.compressionExclusionList()));
    }

    @Test
    void readsUtf16LittleEndianWithItsByteOrderMarkAsNotepadSavesUnicode() throws Exception {
        ByteArrayOutputStream unicode = new ByteArrayOutputStream();
        unicode.write(0xFF);
        unicode.write(0xFE);
        unicode.writeBytes(WIMSCRIPT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));
        Path file = Files.write(dir.resolve("WimScript.ini"), unicode.toByteArray());
        assertEquals(parse(WIMSCRIPT), CaptureConfiguration.read(file));

        ByteArrayOutputStream bigEndian = new ByteArrayOutputStream();
        bigEndian.write(0xFE);
        bigEndian.write(0xFF);
        bigEndian.writeBytes(WIMSCRIPT.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(parse(WIMSCRIPT), CaptureConfiguration.parse("be.ini", bigEndian.toByteArray()));

        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        utf8.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        utf8.writeBytes("[ExclusionList]\r\n\\Ünïcödé\\*.tmp\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("\\Ünïcödé\\*.tmp"),
                texts(CaptureConfiguration.parse("utf8.ini", utf8.toByteArray()).exclusionList()));
    }

    @Test
    void sectionNamesIgnoreCaseAndPrepopulateListIsAcceptedWithoutEffect() throws Exception {
        CaptureConfiguration configuration = parse("""
                [exclusionlist]
                \\Temp
                [PrepopulateList]
                \\Windows\\System32\\*.dll
                [ EXCLUSIONLIST ]
                \\Temp2
                """);
        assertEquals(List.of("\\Temp", "\\Temp2"), texts(configuration.exclusionList()));
        assertTrue(configuration.exclusionExceptions().isEmpty());
        assertTrue(configuration.compressionExclusionList().isEmpty());
    }

    @Test
    void patternsAreNormalized() {
        assertEquals("\\pagefile.sys", PathPattern.of("C:\\pagefile.sys").text(), "a drive letter is the root");
        assertEquals("\\Windows\\CSC", PathPattern.of("/Windows//CSC/").text(), "slashes count as backslashes");
        assertEquals("\\System Volume Information", PathPattern.of("\"\\System Volume Information\"").text());
        assertTrue(PathPattern.of("\\x").fromRoot());
        assertFalse(PathPattern.of("inf\\*.pnf").fromRoot());
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "\\pagefile.sys|\\pagefile.sys|true",
        "\\pagefile.sys|\\PAGEFILE.SYS|true",
        "\\pagefile.sys|\\Users\\pagefile.sys|false",
        "pagefile.sys|\\Users\\pagefile.sys|true",
        "pagefile.sys|\\pagefile.sys|true",
        "*.mp3|\\Music\\Sub\\song.MP3|true",
        "*.mp3|\\song.mp3x|false",
        "inf\\*.pnf|\\Windows\\inf\\oem1.pnf|true",
        "inf\\*.pnf|\\inf\\oem1.pnf|true",
        "inf\\*.pnf|\\Windows\\inf\\sub\\oem1.pnf|false",
        "\\Windows\\inf\\*.pnf|\\WINDOWS\\INF\\OEM1.PNF|true",
        "\\Windows\\inf\\*.pnf|\\Other\\Windows\\inf\\oem1.pnf|false",
        "file?.txt|\\file1.txt|true",
        "file?.txt|\\file10.txt|false",
        "file?.txt|\\file.txt|false",
        "*.*|\\README|true",
        "a*b*c|\\aXbYbZc|true",
        "a*b*c|\\aXbYbZ|false",
        "*a|\\ba|true",
        "\\Users\\*\\NTUSER.DAT|\\Users\\Default\\ntuser.dat|true",
        "\\Users\\*\\NTUSER.DAT|\\Users\\ntuser.dat|false",
        "straße|\\STRASSE|false",
        "ΑΒΓ.txt|\\αβγ.TXT|true",
    })
    void matchesAsWindowsMatchesNames(String pattern, String path, boolean matches) {
        assertEquals(matches, PathPattern.of(pattern).matches(PathPattern.components(path)));
    }

    @Test
    void exclusionCoversAFolderAndExceptionsWin() throws Exception {
        CaptureConfiguration configuration = parse(WIMSCRIPT);
        assertTrue(configuration.excludes("\\pagefile.sys"));
        assertFalse(configuration.excludes("\\Users\\pagefile.sys"), "a path with a backslash is from the root");
        assertTrue(configuration.excludes("\\System Volume Information\\tracking.log"), "everything in the folder");
        assertTrue(configuration.excludes("\\Music\\song.mp3"));
        assertFalse(configuration.excludes("\\Music\\KEEP.mp3"), "the exception re-includes it");
        assertTrue(configuration.excludes("\\Logs\\old.log"));
        assertFalse(configuration.excludes("\\Logs\\keep\\important.log"), "an exception reaches into an excluded folder");
        assertTrue(configuration.excludes("\\Logs\\keep\\other.log"));
        assertFalse(configuration.excludes("\\Windows\\notepad.exe"));

        assertTrue(configuration.storesUncompressed("\\Data\\setup.CAB"));
        assertFalse(configuration.storesUncompressed("\\Data\\readme.txt"));
        assertTrue(parse("[CompressionExclusionList]\n\\Media\n").storesUncompressed("\\Media\\a\\b.wav"),
                "a folder: every file below it");
    }

    @Test
    void dismsDefaultListIsTheDocumentedOne() {
        CaptureConfiguration defaults = CaptureConfiguration.DISM_DEFAULT;
        for (String path : List.of("\\$ntfs.log", "\\hiberfil.sys", "\\pagefile.sys", "\\swapfile.sys",
                "\\System Volume Information\\tracking.log", "\\RECYCLER\\S-1-5-21\\x", "\\Windows\\CSC\\v2.0.6")) {
            assertTrue(defaults.excludes(path), path);
        }
        assertFalse(defaults.excludes("\\Users\\me\\pagefile.sys"));
        assertFalse(defaults.excludes("\\Windows\\System32\\ntoskrnl.exe"));
        assertTrue(defaults.storesUncompressed("\\Windows\\inf\\oem0.pnf"));
        assertTrue(defaults.storesUncompressed("\\sources\\sxs\\microsoft-windows-netfx3.cab"));
        assertTrue(defaults.storesUncompressed("\\Users\\me\\Music\\song.mp3"));
        assertFalse(defaults.storesUncompressed("\\Windows\\inf\\machine.inf"));
        assertTrue(CaptureConfiguration.NONE.exclusionList().isEmpty());
    }

    @Test
    void malformedFilesNameTheFileAndTheLine() {
        record Case(String text, int line, String says) {
        }
        List<Case> cases = List.of(
                new Case("[ExclusionList]\n\\pagefile.sys\n[ExclusionLists]\n\\x\n", 3, "[ExclusionLists] is unknown"),
                new Case("; comment\n\\pagefile.sys\n", 2, "comes before any section"),
                new Case("[ExclusionList]\n\"\\System Volume Information\n", 2, "quote"),
                new Case("[ExclusionList]\n\\a|b\n", 2, "'|'"),
                new Case("[ExclusionList]\n\\Windows\\file.txt:stream\n", 2, "':'"),
                new Case("[ExclusionList]\nC:pagefile.sys\n", 2, "drive"),
                new Case("[ExclusionList]\n\\Windows\\..\\x\n", 2, ".."),
                new Case("[ExclusionList]\n\\\n", 2, "capture root"),
                new Case("\n\n[ExclusionList\n", 3, "']'"));
        for (Case c : cases) {
            CaptureConfigurationException e = assertThrows(CaptureConfigurationException.class,
                    () -> parse(c.text()), c.text());
            assertEquals(c.line(), e.line(), e.getMessage());
            assertEquals("WimScript.ini", e.file());
            assertTrue(e.getMessage().startsWith("WimScript.ini, line " + c.line() + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c.says()), e.getMessage());
        }
    }

    @Test
    void textThatIsNeitherUtf8NorUtf16WithItsMarkIsRefusedWithItsLine() {
        byte[] noMark = "[ExclusionList]\n\\x\n".getBytes(StandardCharsets.UTF_16LE);
        CaptureConfigurationException utf16 = assertThrows(CaptureConfigurationException.class,
                () -> CaptureConfiguration.parse("nomark.ini", noMark));
        assertEquals(1, utf16.line());
        assertTrue(utf16.getMessage().contains("byte order mark"), utf16.getMessage());

        byte[] latin1 = "[ExclusionList]\n\\Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        CaptureConfigurationException ansi = assertThrows(CaptureConfigurationException.class,
                () -> CaptureConfiguration.parse("ansi.ini", latin1));
        assertEquals(2, ansi.line());
        assertTrue(ansi.getMessage().contains("not UTF-8"), ansi.getMessage());
    }

    @Test
    void aMissingOrHugeFileIsRefused() throws Exception {
        assertThrows(NoSuchFileException.class, () -> CaptureConfiguration.read(dir.resolve("missing.ini")));
        Path huge = dir.resolve("huge.ini");
        try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), CaptureConfiguration.MAX_FILE_SIZE);
        }
        CaptureConfigurationException e = assertThrows(CaptureConfigurationException.class,
                () -> CaptureConfiguration.read(huge));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith(huge.toString() + ": "), e.getMessage());
    }
}
