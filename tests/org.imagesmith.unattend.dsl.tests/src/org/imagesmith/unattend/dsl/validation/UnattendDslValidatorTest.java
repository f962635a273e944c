package org.imagesmith.unattend.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.unattend.dsl.UnattendDslStandaloneSetup;
import org.imagesmith.unattend.dsl.io.AnswerFileConverter;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.UnattendValidator;
import org.imagesmith.unattend.validation.ValidationOptions;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

class UnattendDslValidatorTest {
    private static final Injector INJECTOR = UnattendDslStandaloneSetup.injector();

    private static List<Issue> validate(String text) throws Exception {
        XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/test.unattend"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return resource.getResourceServiceProvider().get(IResourceValidator.class)
                .validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
    }

    @Test
    void reportsTheModelRulesOnTheLanguageElements() throws Exception {
        List<Issue> issues = validate("""
                unattend {
                    pass windowsPE {
                        component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {
                            DriverPaths {}
                        }
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = "maybe" Colour = "blue" }
                        }
                        component Contoso-Agent amd64 {}
                    }
                }
                """);
        Issue wrongPass = issue(issues, "wrong-pass");
        assertEquals(Severity.ERROR, wrongPass.getSeverity());
        assertEquals(3, wrongPass.getLineNumber());
        assertEquals(19, wrongPass.getColumn(), "marks the component name");
        assertTrue(wrongPass.getMessage().contains("does not act in the windowsPE pass"), wrongPass.getMessage());
        Issue invalid = issue(issues, "invalid-value");
        assertEquals(7, invalid.getLineNumber());
        Issue unknownSetting = issue(issues, "unknown-setting");
        assertEquals(7, unknownSetting.getLineNumber());
        assertTrue(unknownSetting.getMessage().contains("Colour"), unknownSetting.getMessage());
        Issue unknownComponent = issue(issues, "unknown-component");
        assertEquals(Severity.WARNING, unknownComponent.getSeverity());
        assertEquals(9, unknownComponent.getLineNumber());
    }

    @Test
    void findsWhatTheModelValidatorFindsInTheXml() throws Exception {
        String xml = AnswerFiles.OFFLINE_SERVICING.replace("pass=\"offlineServicing\"", "pass=\"windowsPE\"");
        List<Problem> expected = UnattendValidator.standard(ValidationOptions.none())
                .validate(UnattendReader.read(xml.getBytes(StandardCharsets.UTF_8), "x.xml"));
        assertFalse(expected.isEmpty());
        String text = AnswerFileConverter.xmlToText(xml.getBytes(StandardCharsets.UTF_8), "x.xml");
        List<Issue> issues = validate(text);
        assertEquals(expected.stream().map(Problem::code).sorted().collect(Collectors.toList()),
                issues.stream().map(Issue::getCode).sorted().collect(Collectors.toList()));
        assertEquals(expected.stream().map(problem -> problem.severity().name()).sorted().collect(Collectors.toList()),
                issues.stream().map(issue -> issue.getSeverity().name()).sorted().collect(Collectors.toList()));
    }

    @Test
    void acceptsTheRealisticFiles() throws Exception {
        for (String xml : List.of(AnswerFiles.AUTOUNATTEND, AnswerFiles.OOBE_SYSTEM)) {
            String text = AnswerFileConverter.xmlToText(xml.getBytes(StandardCharsets.UTF_8), "x.xml");
            assertTrue(validate(text).stream().noneMatch(issue -> issue.getSeverity() == Severity.ERROR), text);
        }
    }

    @Test
    void reportsSyntaxErrorsAsIssues() throws Exception {
        List<Issue> issues = validate("unattend {\n    pass windowsPE {\n        component {\n");
        assertTrue(issues.stream().anyMatch(issue -> issue.isSyntaxError() && issue.getLineNumber() >= 3), issues.toString());
    }

    private static Issue issue(List<Issue> issues, String code) {
        return issues.stream().filter(issue -> code.equals(issue.getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no issue " + code + " in " + issues));
    }
}
