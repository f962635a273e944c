package org.imagesmith.unattend.dsl.ui.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.text.Document;
import org.eclipse.xtext.util.CancelIndicator;
import org.imagesmith.unattend.dsl.ui.validation.AnswerFileChecks;
import org.imagesmith.unattend.dsl.ui.validation.EditorProblem;
import org.junit.jupiter.api.Test;

class AnswerFileFixesTest {
    static final String WRONG_PASS = """
            unattend {
                pass windowsPE {
                    component Microsoft-Windows-International-Core-WinPE amd64 {
                        UILanguage = "en-US"
                    }
                }
                pass oobeSystem {
                    // accepted for the lab
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = "true" }
                    }
                }
            }
            """;

    static final String PACKAGES = """
            unattend {
                servicing {
                    package install Package_for_RollupFix 22621.3007.1.9 amd64 token 31bf3856ad364e35 language neutral
                    package install Microsoft-Windows-Client-LanguagePack-Package 10.0.22621.1 amd64 token 31bf3856ad364e35 language de-DE
                }
            }
            """;

    private static String apply(String text, Fix fix) throws Exception {
        Document document = new Document(text);
        fix.edit().apply(document);
        return document.get();
    }

    private static EditorProblem problem(String text, String code) {
        return AnswerFileChecks.checkText(text, null, CancelIndicator.NullImpl).stream()
                .filter(p -> p.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no " + code + " in " + text));
    }

    private static List<String> codes(String text) {
        return AnswerFileChecks.checkText(text, null, CancelIndicator.NullImpl).stream().map(EditorProblem::code).toList();
    }

    @Test
    void movesAComponentIntoThePassItActsIn() throws Exception {
        EditorProblem wrong = problem(WRONG_PASS, AnswerFileFixes.WRONG_PASS);
        List<Fix> fixes = AnswerFileFixes.fixesAt(WRONG_PASS, wrong.code(), wrong.offset());
        assertEquals(List.of("Move Microsoft-Windows-Setup to the windowsPE pass"), fixes.stream().map(Fix::label).toList());
        String fixed = apply(WRONG_PASS, fixes.get(0));
        assertEquals("""
                unattend {
                    pass windowsPE {
                        component Microsoft-Windows-International-Core-WinPE amd64 {
                            UILanguage = "en-US"
                        }
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = "true" }
                        }
                    }
                    pass oobeSystem {
                        // accepted for the lab
                    }
                }
                """, fixed);
        assertTrue(!codes(fixed).contains(AnswerFileFixes.WRONG_PASS), codes(fixed).toString());
    }

    @Test
    void addsThePassWhenTheFileHasNone() throws Exception {
        String text = """
                unattend {
                    pass oobeSystem {
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = "true" }
                        }
                    }
                }
                """;
        EditorProblem wrong = problem(text, AnswerFileFixes.WRONG_PASS);
        List<Fix> fixes = AnswerFileFixes.fixesAt(text, wrong.code(), wrong.offset());
        assertEquals(1, fixes.size(), fixes.toString());
        String fixed = apply(text, fixes.get(0));
        assertEquals("""
                unattend {
                    pass oobeSystem {
                    }
                    pass windowsPE {
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = "true" }
                        }
                    }
                }
                """, fixed);
        assertTrue(!codes(fixed).contains(AnswerFileFixes.WRONG_PASS), codes(fixed).toString());
    }

    @Test
    void installsALanguagePackBeforeTheUpdates() throws Exception {
        EditorProblem late = problem(PACKAGES, AnswerFileFixes.LANGUAGE_PACK_AFTER_UPDATE);
        List<Fix> fixes = AnswerFileFixes.fixesAt(PACKAGES, late.code(), late.offset());
        assertEquals(1, fixes.size());
        String fixed = apply(PACKAGES, fixes.get(0));
        assertTrue(fixed.indexOf("LanguagePack") < fixed.indexOf("RollupFix"), fixed);
        assertTrue(!codes(fixed).contains(AnswerFileFixes.LANGUAGE_PACK_AFTER_UPDATE), codes(fixed).toString());
        assertEquals(PACKAGES.length(), fixed.length(), "the same lines, reordered");
    }
}
