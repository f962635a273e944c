package org.imagesmith.unattend.dsl.ui.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.xtext.util.CancelIndicator;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.dsl.ui.AnswerFileTarget;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.dsl.io.AnswerFileConverter;
import org.imagesmith.unattend.validation.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checks behind the markers: language text and Unattend.xml, with the same rules. */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileChecksTest {
    static final String XML = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
              <settings pass="offlineServicing">
                <component name="Microsoft-Windows-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <UserData><AcceptEula>maybe</AcceptEula></UserData>
                </component>
              </settings>
            </unattend>
            """;

    private static List<String> codes(List<EditorProblem> problems) {
        return problems.stream().map(EditorProblem::code).sorted().toList();
    }

    @Test
    void marksUnattendXmlProblemsAtTheirLines() {
        List<EditorProblem> problems = AnswerFileChecks.checkXml(XML, null, null, CancelIndicator.NullImpl);
        EditorProblem wrongPass = problems.stream().filter(p -> p.code().equals("wrong-pass")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, wrongPass.severity());
        assertEquals(4, wrongPass.line());
        assertEquals(XML.indexOf("<component"), wrongPass.offset(), "from the element to the end of its line");
    }

    @Test
    void findsTheSameProblemsInTheXmlAndInItsText() throws Exception {
        String text = AnswerFileConverter.xmlToText(XML.getBytes(StandardCharsets.UTF_8), "Unattend.xml");
        List<EditorProblem> inText = AnswerFileChecks.checkText(text, null, null, CancelIndicator.NullImpl);
        List<EditorProblem> inXml = AnswerFileChecks.checkXml(XML, null, null, CancelIndicator.NullImpl);
        assertEquals(codes(inXml), codes(inText));
        assertTrue(codes(inText).contains("wrong-pass"), inText.toString());
    }

    @Test
    void checksForTheTargetWindowsVersionInTheXmlAndInItsText() throws Exception {
        String xml = AnswerFiles.WINDOWS_10_OFFLINE;
        String text = AnswerFileConverter.xmlToText(xml.getBytes(StandardCharsets.UTF_8), "Unattend.xml");
        // no target: Windows 7, which has neither the component nor SignInMode and skips them
        List<EditorProblem> windows7 = AnswerFileChecks.checkXml(xml, null, null, CancelIndicator.NullImpl);
        assertEquals(List.of("not-in-version", "not-in-version"), codes(windows7));
        assertTrue(windows7.stream().allMatch(p -> p.severity() == Severity.WARNING
                && p.message().contains("it is in Windows 10 / Server 2016-2022 and later")), windows7.toString());
        assertEquals(codes(windows7), codes(AnswerFileChecks.checkText(text, null, null, CancelIndicator.NullImpl)));
        // Windows 10 has both: the component is in the wrong pass, and SignInMode is not applied offline by Imagesmith
        AnswerFileTarget windows10 = new AnswerFileTarget("amd64", WindowsVersion.WINDOWS_10);
        List<String> expected = List.of("not-applied-offline", "wrong-pass");
        assertEquals(expected, codes(AnswerFileChecks.checkXml(xml, null, windows10, CancelIndicator.NullImpl)));
        assertEquals(expected, codes(AnswerFileChecks.checkText(text, null, windows10, CancelIndicator.NullImpl)));
    }

    @Test
    void marksXmlThatIsNotWellFormed() {
        String broken = XML.replace("</UserData>", "");
        List<EditorProblem> problems = AnswerFileChecks.checkXml(broken, null, null, CancelIndicator.NullImpl);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertEquals(6, problems.get(0).line(), problems.get(0).message());
    }
}
