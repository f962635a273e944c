package org.imagesmith.unattend.dsl.formatting2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.unattend.dsl.UnattendDslStandaloneSetup;
import org.imagesmith.unattend.dsl.io.AnswerFileConverter;
import org.imagesmith.unattend.dsl.io.UnattendDslSyntaxException;
import org.imagesmith.unattend.model.Unattend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;

/** The canonical layout: what the writer writes, whatever the layout of the text it starts from. */
class UnattendDslFormatterTest {
    private static final Map<String, String> REALISTIC = Map.of(
            "autounattend", AnswerFiles.AUTOUNATTEND,
            "offlineServicing", AnswerFiles.OFFLINE_SERVICING,
            "oobeSystem", AnswerFiles.OOBE_SYSTEM);

    private static String writerText(String name) throws Exception {
        return AnswerFileConverter.xmlToText(REALISTIC.get(name).getBytes(StandardCharsets.UTF_8), name + ".xml");
    }

    private static String format(String text) throws UnattendDslSyntaxException {
        return AnswerFileConverter.format(text, "test.unattend");
    }

    /** Asserts that formatting keeps the model and is a fixed point. */
    private static String assertFormatsSafely(String text) throws Exception {
        String formatted = format(text);
        Unattend before = AnswerFileConverter.parse(text, "before.unattend");
        Unattend after = AnswerFileConverter.parse(formatted, "after.unattend");
        assertTrue(EcoreUtil.equals(before, after), () -> "formatting changed the model:\n" + formatted);
        assertEquals(formatted, format(formatted), "formatting twice gives what formatting once gives");
        return formatted;
    }

    /**
     * The same tokens with other white space between them: a line break where the writer has a space and the other
     * way round, tabs, blank lines, everything run together on one line.
     */
    private static String relayout(String text, boolean oneLine) {
        Injector injector = UnattendDslStandaloneSetup.injector();
        Lexer lexer = injector.getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
        Set<Integer> whitespace = injector.getInstance(ITokenDefProvider.class).getTokenDefMap().entrySet().stream()
                .filter(e -> e.getValue().equals("RULE_WS")).map(Map.Entry::getKey).collect(Collectors.toSet());
        lexer.setCharStream(new ANTLRStringStream(text));
        String[] layouts = {"\n\n\n\t", " ", "\n   ", "\t \t"};
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            String tokenText = ((CommonToken) token).getText();
            out.append(whitespace.contains(token.getType()) ? oneLine ? " " : layouts[count++ % layouts.length] : tokenText);
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"autounattend", "offlineServicing", "oobeSystem"})
    void layoutOfTheWriterIsTheCanonicalLayout(String name) throws Exception {
        String written = writerText(name);
        assertEquals(written, assertFormatsSafely(written), "the writer's text is formatted already");
    }

    @ParameterizedTest
    @ValueSource(strings = {"autounattend", "offlineServicing", "oobeSystem"})
    void anyLayoutOfTheSameTokensFormatsToTheCanonicalLayout(String name) throws Exception {
        String written = writerText(name);
        for (boolean oneLine : new boolean[] {false, true}) {
            String scrambled = relayout(written, oneLine);
            assertNotEquals(written, scrambled);
            String formatted = assertFormatsSafely(scrambled);
            assertEquals(written.strip(), formatted.strip().replaceAll("\n\n+", "\n"), "one line: " + oneLine);
        }
    }

    @Test
    void laysOutBlocksLinesAndTheXmlNotationsCanonically() throws Exception {
        String text = """
                encoding "utf-8"   unattend xmlns = "urn:schemas-microsoft-com:unattend" xmlns : wcm="urn:wcm" {
                pass   windowsPE{component Microsoft-Windows-Setup   amd64 token 31bf3856ad364e35 {UserData { AcceptEula = "true" }
                ImageInstall{}}}
                  servicing {package install Package_for_KB1 1.0.0.0 amd64 source "kb1.cab"
                  package configure { identity Microsoft-Windows-Foundation-Package arch amd64 selection TelnetClient=true } }
                pass specialize { component Contoso-Agent amd64 { Server @ ext : priority in "urn:x" = "high" = "a" } element x : Ext in "urn:x" { } }
                <? imagesmith "generated" ?> }
                """;
        assertEquals("""
                encoding "utf-8"
                unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="urn:wcm" {
                    pass windowsPE {
                        component Microsoft-Windows-Setup amd64 token 31bf3856ad364e35 {
                            UserData {
                                AcceptEula = "true"
                            }
                            ImageInstall {}
                        }
                    }
                    servicing {
                        package install Package_for_KB1 1.0.0.0 amd64 source "kb1.cab"
                        package configure {
                            identity Microsoft-Windows-Foundation-Package arch amd64
                            selection TelnetClient = true
                        }
                    }
                    pass specialize {
                        component Contoso-Agent amd64 {
                            Server @ext:priority in "urn:x" = "high" = "a"
                        }
                        element x:Ext in "urn:x" {}
                    }
                    <? imagesmith "generated" ?>
                }
                """, assertFormatsSafely(text));
    }

    @Test
    void keepsCommentsAndAtMostOneBlankLineBetweenElements() throws Exception {
        String text = """
                // lab machines
                unattend {
                  pass windowsPE {  // the first pass


                      component Microsoft-Windows-Setup amd64 { /* accepted */ UserData { AcceptEula = "true" } }



                      <!-- kept in the XML -->
                  component Microsoft-Windows-International-Core-WinPE amd64 {
                  UILanguage = "en-US" // primary
                  InputLocale = "0409:00000409"
                  }
                  }
                }
                """;
        assertEquals("""
                // lab machines
                unattend {
                    pass windowsPE { // the first pass
                        component Microsoft-Windows-Setup amd64 { /* accepted */
                            UserData {
                                AcceptEula = "true"
                            }
                        }

                        <!-- kept in the XML -->
                        component Microsoft-Windows-International-Core-WinPE amd64 {
                            UILanguage = "en-US" // primary
                            InputLocale = "0409:00000409"
                        }
                    }
                }
                """, assertFormatsSafely(text));
    }

    @Test
    void keepsTheLineSeparatorOfTheText() throws Exception {
        String text = "unattend {\r\n  pass windowsPE { component Microsoft-Windows-Setup amd64 {} }\r\n}\r\n";
        assertEquals("unattend {\r\n    pass windowsPE {\r\n        component Microsoft-Windows-Setup amd64 {}\r\n    }\r\n}\r\n",
                assertFormatsSafely(text));
    }

    @Test
    void refusesTextWithSyntaxErrors() {
        UnattendDslSyntaxException error = assertThrows(UnattendDslSyntaxException.class,
                () -> format("unattend {\n    pass windowsPE {\n        component {\n}\n"));
        assertTrue(error.getMessage().startsWith("test.unattend:"), error.getMessage());
    }
}
