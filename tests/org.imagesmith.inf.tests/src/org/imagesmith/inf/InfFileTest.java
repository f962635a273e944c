package org.imagesmith.inf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INF syntax: sections, keys, values, comments, continuation, quoting, %strkey%, languages and encodings. */
class InfFileTest {
    @TempDir
    Path temp;

    private static InfFile parse(String text) throws InfFormatException {
        return InfFile.parse(text, "test.inf", InfFile.DEFAULT_LANGUAGE);
    }

    @Test
    void splitsKeysAndValuesRespectingQuotesAndComments() throws Exception {
        InfFile inf = parse("[Section]\n"
                + "  Key = one, \"two, still two\" ,three;comment, not a value\n"
                + "\"quoted key\" = \"a \"\"quoted\"\" word\", \"semi;colon\"\n"
                + "no equals sign, second\n"
                + "Empty =\n"
                + "Gaps = a,,c,\n"
                + "glued = \"abc\"def\n");
        InfSection section = inf.section("section").orElseThrow();
        assertEquals(List.of("one", "two, still two", "three"), section.line("KEY").orElseThrow().values());
        assertEquals(List.of("a \"quoted\" word", "semi;colon"), section.line("quoted key").orElseThrow().values());
        InfLine keyless = section.lines().get(2);
        assertEquals(null, keyless.key());
        assertEquals(List.of("no equals sign", "second"), keyless.values());
        assertEquals(List.of(), section.line("Empty").orElseThrow().values());
        assertEquals("", section.line("Empty").orElseThrow().value());
        assertEquals(List.of("a", "", "c", ""), section.line("Gaps").orElseThrow().values());
        assertEquals("abcdef", section.value("glued").orElseThrow());
        assertEquals(3, section.line("no such").map(InfLine::lineNumber).orElse(3));
        assertEquals(2, section.line("key").orElseThrow().lineNumber());
    }

    @Test
    void joinsContinuedLinesAndSubstitutesStrings() throws Exception {
        InfFile inf = parse("[Install]\n"
                + "AddReg = first, \\\n"
                + "         second, \\ ; a comment after the continuation\n"
                + "         third\n"
                + "Path = HKLM\\SOFTWARE\\Contoso\n"
                + "Desc = %Name% (%Version%) costs 100%% of %Unknown% in %13%\\dir\n"
                + "Quoted = \"%Name%\"\n"
                + "[strings]\n"
                + "Name = \"Contoso, Ltd.\"\n"
                + "Version = 1.0\n"
                + "name = ignored: the first definition counts\n");
        InfSection install = inf.section("INSTALL").orElseThrow();
        assertEquals(List.of("first", "second", "third"), install.line("AddReg").orElseThrow().values());
        assertEquals("HKLM\\SOFTWARE\\Contoso", install.value("Path").orElseThrow());
        assertEquals("Contoso, Ltd. (1.0) costs 100% of %Unknown% in %13%\\dir", install.value("Desc").orElseThrow());
        assertEquals("Contoso, Ltd.", install.value("Quoted").orElseThrow());
        assertEquals(Optional.of("Contoso, Ltd."), inf.string("NAME"));
        assertEquals(2, install.line("AddReg").orElseThrow().lineNumber(), "a continued line has its first line's number");
        assertEquals(5, install.line("Path").orElseThrow().lineNumber(), "the next line keeps its own number");
    }

    @Test
    void mergesDuplicatedSectionsInFileOrder() throws Exception {
        InfFile inf = parse("[A]\nx=1\n[B]\ny=2\n[a]\nx=3\nz=4\n");
        assertEquals(List.of("A", "B"), inf.sections().stream().map(InfSection::name).toList());
        InfSection a = inf.section("A").orElseThrow();
        assertEquals(List.of("1", "3", "4"), a.lines().stream().map(InfLine::value).toList());
        assertEquals(Optional.of("1"), a.value("x"), "the first line with a key wins, as SetupFindFirstLine");
        assertEquals(2, a.lines("X").size());
    }

    @Test
    void picksTheLanguageSectionsThenFallsBackToStrings() throws Exception {
        String text = "[Models]\n%Desc% = install, id\n%Other% = install, id2\n"
                + "[Strings]\nDesc = English\nOther = Other English\n"
                + "[Strings.0407]\nDesc = Deutsch (Deutschland)\n"
                + "[Strings.0007]\nDesc = Deutsch\nOther = Anderes Deutsch\n";
        assertEquals(List.of("English", "Other English"), keys(InfFile.parse(text, "t.inf", 0x0409)));
        assertEquals(List.of("Deutsch (Deutschland)", "Anderes Deutsch"), keys(InfFile.parse(text, "t.inf", 0x0407)));
        assertEquals(List.of("Deutsch", "Anderes Deutsch"), keys(InfFile.parse(text, "t.inf", 0x0807)));
    }

    private static List<String> keys(InfFile inf) {
        return inf.section("Models").orElseThrow().lines().stream().map(InfLine::key).toList();
    }

    @Test
    void readsAnsiAndUtf16Files() throws Exception {
        String text = "[Version]\r\nSignature=\"$Windows NT$\"\r\nProvider=%P%\r\n[Strings]\r\nP=\"Société Générale ©\"\r\n";
        Path ansi = Files.write(temp.resolve("ansi.inf"), text.getBytes(Charset.forName("windows-1252")));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(0xFF);
        utf16.write(0xFE);
        utf16.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        Path unicode = Files.write(temp.resolve("unicode.inf"), utf16.toByteArray());
        for (Path path : List.of(ansi, unicode)) {
            InfFile inf = InfFile.read(path);
            assertEquals(Optional.of("Société Générale ©"), inf.section("Version").orElseThrow().value("Provider"),
                    path.toString());
            assertEquals(path.getFileName().toString(), inf.name());
        }
    }

    @Test
    void syntaxErrorsNameTheLine() {
        InfFormatException e = assertThrows(InfFormatException.class, () -> parse("; header\n\n[Version\nx=1\n"));
        assertTrue(e.getMessage().contains("test.inf line 3") && e.getMessage().contains("']'"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> parse("\nkey = value\n[Version]\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("before the first"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> parse("[ ]\n"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void toleratesEdgeCases() throws Exception {
        InfFile inf = parse("[S]\nunterminated = \"abc, def\nlast = trailing \\");
        assertEquals(List.of("abc, def"), inf.section("S").orElseThrow().line("unterminated").orElseThrow().values());
        assertEquals("trailing", inf.section("S").orElseThrow().value("last").orElseThrow(),
                "a continuation on the last line joins nothing");
        assertTrue(parse("").sections().isEmpty());
    }
}
