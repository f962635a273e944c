package org.imagesmith.unattend.dsl.ide.quickfix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.dsl.ide.UnattendDslIdeSetup;
import org.imagesmith.unattend.dsl.validation.UnattendDslValidator;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Unattend;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

/** The quick fixes of answer-file problems, on the text the validator marks. */
class AnswerFileFixesTest {
    private static Injector injector;

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

    static final String SETTING_IN_WRONG_PASS = """
            unattend {
                pass specialize {
                    component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                        RegisteredOwner = "Lab"
                    }
                }
                pass oobeSystem {
                    component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                        ComputerName = "LAB-PC-042" // the asset tag
                        TimeZone = "W. Europe Standard Time"
                    }
                }
            }
            """;

    private static synchronized Injector injector() {
        if (injector == null) {
            injector = new UnattendDslIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    static XtextResource parse(String text, String targetArchitecture) {
        XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
        if (targetArchitecture != null) {
            resourceSet.getLoadOptions().put(UnattendDslValidator.TARGET_ARCHITECTURE, targetArchitecture);
        }
        XtextResource resource = (XtextResource) injector().getInstance(IResourceFactory.class)
                .createResource(URI.createURI("memory:/fixes.unattend"));
        resourceSet.getResources().add(resource);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource;
    }

    private static List<Issue> issues(String text, String targetArchitecture) {
        XtextResource resource = parse(text, targetArchitecture);
        return resource.getResourceServiceProvider().getResourceValidator().validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    private static List<String> codes(String text, String targetArchitecture) {
        return issues(text, targetArchitecture).stream().map(Issue::getCode).toList();
    }

    /** The fixes of the first problem with code, as the validator reports it (its offset and data). */
    private static List<Fix> fixes(String text, String code, String targetArchitecture) {
        Issue issue = issues(text, targetArchitecture).stream().filter(i -> code.equals(i.getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + text));
        String target = issue.getData() == null || issue.getData().length == 0 ? null : issue.getData()[0];
        return AnswerFileFixes.fixesAt(parse(text, targetArchitecture), code, issue.getOffset(), target);
    }

    private static List<String> labels(List<Fix> fixes) {
        return fixes.stream().map(Fix::label).toList();
    }

    @Test
    void movesAComponentIntoThePassItActsIn() {
        List<Fix> fixes = fixes(WRONG_PASS, AnswerFileFixes.WRONG_PASS, null);
        assertEquals(List.of("Move Microsoft-Windows-Setup to the windowsPE pass"), labels(fixes));
        String fixed = fixes.get(0).applyTo(WRONG_PASS);
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
        assertFalse(codes(fixed, null).contains(AnswerFileFixes.WRONG_PASS), codes(fixed, null).toString());
    }

    @Test
    void addsThePassWhenTheFileHasNone() {
        String text = """
                unattend {
                    pass oobeSystem {
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = "true" }
                        }
                    }
                }
                """;
        List<Fix> fixes = fixes(text, AnswerFileFixes.WRONG_PASS, null);
        assertEquals(1, fixes.size(), fixes.toString());
        String fixed = fixes.get(0).applyTo(text);
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
        assertFalse(codes(fixed, null).contains(AnswerFileFixes.WRONG_PASS), codes(fixed, null).toString());
    }

    @Test
    void installsALanguagePackBeforeTheUpdates() {
        List<Fix> fixes = fixes(PACKAGES, AnswerFileFixes.LANGUAGE_PACK_AFTER_UPDATE, null);
        assertEquals(1, fixes.size());
        String fixed = fixes.get(0).applyTo(PACKAGES);
        assertTrue(fixed.indexOf("LanguagePack") < fixed.indexOf("RollupFix"), fixed);
        assertFalse(codes(fixed, null).contains(AnswerFileFixes.LANGUAGE_PACK_AFTER_UPDATE), codes(fixed, null).toString());
        assertEquals(PACKAGES.length(), fixed.length(), "the same lines, reordered");
    }

    @Test
    void movesASettingIntoTheSameComponentOfAPassWhereItIsValid() {
        List<Fix> fixes = fixes(SETTING_IN_WRONG_PASS, AnswerFileFixes.WRONG_PASS, null);
        assertEquals(List.of("Move ComputerName to the offlineServicing pass", "Move ComputerName to the specialize pass"),
                labels(fixes));

        String specialize = fixes.get(1).applyTo(SETTING_IN_WRONG_PASS);
        assertEquals("""
                unattend {
                    pass specialize {
                        component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                            RegisteredOwner = "Lab"
                            ComputerName = "LAB-PC-042" // the asset tag
                        }
                    }
                    pass oobeSystem {
                        component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                            TimeZone = "W. Europe Standard Time"
                        }
                    }
                }
                """, specialize);
        assertEquals(List.of(), codes(specialize, null));

        String offlineServicing = fixes.get(0).applyTo(SETTING_IN_WRONG_PASS);
        assertEquals("""
                unattend {
                    pass specialize {
                        component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                            RegisteredOwner = "Lab"
                        }
                    }
                    pass oobeSystem {
                        component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                            TimeZone = "W. Europe Standard Time"
                        }
                    }
                    pass offlineServicing {
                        component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 {
                            ComputerName = "LAB-PC-042" // the asset tag
                        }
                    }
                }
                """, offlineServicing);
        assertEquals(List.of(), codes(offlineServicing, null));
    }

    @Test
    void createsTheComponentInAnExistingPassAndKeepsAMultiLineValueAsItIs() {
        String text = """
                unattend {
                \tpass specialize {
                \t\tcomponent Microsoft-Windows-Deployment amd64 {}
                \t}
                \tpass oobeSystem {
                \t\tcomponent Microsoft-Windows-Shell-Setup x86 { ProductKey = "AAAAA-BBBBB
                  CCCCC" }
                \t}
                }
                """;
        List<Fix> fixes = fixes(text, AnswerFileFixes.WRONG_PASS, null);
        assertEquals(List.of("Move ProductKey to the specialize pass"), labels(fixes));
        String fixed = fixes.get(0).applyTo(text);
        assertEquals("""
                unattend {
                \tpass specialize {
                \t\tcomponent Microsoft-Windows-Deployment amd64 {}
                \t\tcomponent Microsoft-Windows-Shell-Setup x86 {
                \t\t\tProductKey = "AAAAA-BBBBB
                  CCCCC"
                \t\t}
                \t}
                \tpass oobeSystem {
                \t\tcomponent Microsoft-Windows-Shell-Setup x86 {  }
                \t}
                }
                """, fixed);
        assertFalse(codes(fixed, null).contains(AnswerFileFixes.WRONG_PASS), codes(fixed, null).toString());
    }

    @Test
    void movesANestedSettingIntoItsParentsCreatingThoseThatAreMissing() throws IOException {
        Catalog catalog = Catalog.read(new ByteArrayInputStream("""
                <catalog>
                  <component name="Contoso-Agent" passes="specialize oobeSystem" complete="true">
                    <setting name="Logon">
                      <setting name="Server" type="string"/>
                      <setting name="Script" type="string" passes="oobeSystem"/>
                    </setting>
                  </component>
                </catalog>
                """.getBytes(StandardCharsets.UTF_8)), "test catalog");
        String text = """
                unattend {
                    pass specialize {
                        component Contoso-Agent amd64 {
                            Logon {
                                Server = "agent01"
                                Script = "logon.cmd"
                            }
                        }
                    }
                    pass oobeSystem {
                        component Contoso-Agent amd64 {}
                    }
                }
                """;
        XtextResource resource = parse(text, null);
        TextLayout layout = new TextLayout(resource);
        Setting script = ((Unattend) resource.getContents().get(0)).getSettings().get(0).getComponents().get(0)
                .getSetting("Logon").getSetting("Script");
        List<Fix> fixes = new PassMoves(layout, new CatalogDefinitions(catalog)).moveSetting(script);
        assertEquals(List.of("Move Logon | Script to the oobeSystem pass"), labels(fixes));
        String created = fixes.get(0).applyTo(text);
        assertEquals("""
                unattend {
                    pass specialize {
                        component Contoso-Agent amd64 {
                            Logon {
                                Server = "agent01"
                            }
                        }
                    }
                    pass oobeSystem {
                        component Contoso-Agent amd64 {
                            Logon {
                                Script = "logon.cmd"
                            }
                        }
                    }
                }
                """, created);

        String withParent = text.replace("component Contoso-Agent amd64 {}", "component Contoso-Agent amd64 {\n            Logon { Server = \"agent02\" }\n        }")
                .replace("                Server = \"agent01\"\n", "");
        resource = parse(withParent, null);
        script = ((Unattend) resource.getContents().get(0)).getSettings().get(0).getComponents().get(0)
                .getSetting("Logon").getSetting("Script");
        fixes = new PassMoves(new TextLayout(resource), new CatalogDefinitions(catalog)).moveSetting(script);
        assertEquals("""
                unattend {
                    pass specialize {
                        component Contoso-Agent amd64 {
                        }
                    }
                    pass oobeSystem {
                        component Contoso-Agent amd64 {
                            Logon { Server = "agent02"\s
                                Script = "logon.cmd"
                            }
                        }
                    }
                }
                """, fixes.get(0).applyTo(withParent), "into the Logon that is there; the Logon left empty goes");
    }

    @Test
    void setsAnArchitectureThatAppliesToTheTargetImage() {
        String text = """
                unattend {
                    pass specialize {
                        component Microsoft-Windows-Shell-Setup arm64 {
                            ComputerName = "LAB"
                        }
                        component Microsoft-Windows-Deployment arch amd64 {}
                    }
                }
                """;
        assertTrue(codes(text, null).isEmpty(), "without a target image architectures are not checked");
        List<Fix> fixes = fixes(text, AnswerFileFixes.ARCHITECTURE_MISMATCH, "amd64");
        assertEquals(List.of("Set processorArchitecture to amd64", "Set processorArchitecture to wow64"), labels(fixes));
        String fixed = fixes.get(0).applyTo(text);
        assertEquals(text.replace("Shell-Setup arm64", "Shell-Setup amd64"), fixed);
        assertEquals(List.of(), codes(fixed, "amd64"));
    }

    @Test
    void setsAValidArchitectureTheOtherComponentsUseFirst() {
        String text = """
                unattend {
                    pass specialize {
                        component Microsoft-Windows-Shell-Setup "amd 64" {
                            ComputerName = "LAB"
                        }
                        component Microsoft-Windows-Deployment arch x86 {}
                        component Microsoft-Windows-UnattendedJoin x86 {}
                    }
                }
                """;
        List<Fix> fixes = fixes(text, AnswerFileFixes.INVALID_ARCHITECTURE, null);
        assertEquals(List.of("x86", "amd64", "arm64", "wow64", "ia64", "arm"),
                labels(fixes).stream().map(label -> label.substring("Set processorArchitecture to ".length())).toList());
        String fixed = fixes.get(0).applyTo(text);
        assertTrue(fixed.contains("component Microsoft-Windows-Shell-Setup x86 {"), fixed);
        assertEquals(List.of(), codes(fixed, null));

        assertEquals(List.of("Set processorArchitecture to amd64", "Set processorArchitecture to wow64"),
                labels(fixes(text, AnswerFileFixes.INVALID_ARCHITECTURE, "amd64")), "with a target image, its architectures");
    }

    @Test
    void offersNothingForTextWithSyntaxErrors() {
        String broken = WRONG_PASS.replace("\"true\"", "");
        int offset = broken.indexOf("Microsoft-Windows-Setup");
        assertEquals(List.of(), AnswerFileFixes.fixesAt(parse(broken, null), AnswerFileFixes.WRONG_PASS, offset, null));
    }
}
