package org.imagesmith.unattend.dsl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.io.UnattendWriter;
import org.imagesmith.unattend.model.AssemblyIdentity;
import org.imagesmith.unattend.model.Comment;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.ProcessingInstruction;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Unattend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerFileConverterTest {

    /** A file with what realistic files rarely have: PIs, epilog comments, keyword and non-word names, quotes. */
    private static final String UNUSUAL = """
            <?xml version="1.0" encoding="utf-8"?>
            <?imagesmith generated="yes"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <settings pass="specialize">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <pass>keyword as a setting name</pass>
                        <Empty></Empty>
                        <NoValue />
                        <Commented><!--to do--></Commented>
                        <Quoted>say "hi" \\\\ {braces}</Quoted>
                        <Multi wcm:action="modify" xsi:nil="false">line 1
            line 2</Multi>
                        <x:Ext xmlns:x="urn:x"><x:Inner a="1">t</x:Inner><!--inner--></x:Ext>
                        <Odd wcm:action="replace">v</Odd>
                    </component>
                    <component name="Needs Quotes" processorArchitecture="x86" />
                </settings>
                <servicing>
                    <package action="remove">
                        <assemblyIdentity name="Package_for_KB1" processorArchitecture="amd64" />
                    </package>
                    <package>
                        <assemblyIdentity version="1.0.0.0" />
                        <selection name="F" />
                    </package>
                    <package action="stage" />
                    <package />
                </servicing>
                <servicing />
            </unattend>
            <!-- epilog -->
            """;

    private static Unattend readXml(String xml) throws Exception {
        return UnattendReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    /** XML -> text -> XML gives an equal model and the same XML; the text is a fixed point of parse + write. */
    private static void assertRoundTrip(String xml) throws Exception {
        Unattend fromXml = readXml(xml);
        String text = AnswerFileConverter.toText(fromXml);
        Unattend fromText = AnswerFileConverter.parse(text, "test.unattend");
        assertTrue(EcoreUtil.equals(fromXml, fromText), () -> "the model changed on the way through the text:\n" + text);
        assertEquals(UnattendWriter.toXml(fromXml), UnattendWriter.toXml(fromText), text);
        assertEquals(text, AnswerFileConverter.toText(fromText));
        assertEquals(UnattendWriter.toXml(fromXml), new String(AnswerFileConverter.textToXml(text, "t"), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsTheAutounattendFile() throws Exception {
        assertRoundTrip(AnswerFiles.AUTOUNATTEND);
    }

    @Test
    void roundTripsTheOfflineServicingFile() throws Exception {
        assertRoundTrip(AnswerFiles.OFFLINE_SERVICING);
    }

    @Test
    void roundTripsTheOobeSystemFile() throws Exception {
        assertRoundTrip(AnswerFiles.OOBE_SYSTEM);
    }

    @Test
    void roundTripsUnusualNodesAndNames() throws Exception {
        assertRoundTrip(UNUSUAL);
        String text = AnswerFileConverter.xmlToText(UNUSUAL.getBytes(StandardCharsets.UTF_8), "u.xml");
        assertTrue(text.contains("^pass = \"keyword as a setting name\""), text);
        assertTrue(text.contains("Quoted = \"say \"\"hi\"\" \\\\ {braces}\""), text);
        assertTrue(text.contains("component \"Needs Quotes\" x86 {}"), text);
        assertTrue(text.contains("package remove Package_for_KB1 arch amd64"), text);
        assertTrue(text.contains("Odd action \"replace\" = \"v\""), text);
        assertTrue(text.contains("Commented = \"\" {\n"), text);
    }

    @Test
    void roundTripsMixedContentWithoutLoss() throws Exception {
        assertRoundTrip(AnswerFiles.GENERATED_TEMPLATE);
        String text = AnswerFileConverter.xmlToText(AnswerFiles.GENERATED_TEMPLATE.getBytes(StandardCharsets.UTF_8), "g.xml");
        assertTrue(text.contains("                ProductKey {\n                    text \"FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4\"\n"
                + "                    WillShowUI = \"OnError\"\n                }"), text);
        assertEquals(AnswerFiles.GENERATED_TEMPLATE, new String(AnswerFileConverter.textToXml(text, "g.unattend"),
                StandardCharsets.UTF_8), "XML -> text -> XML gives the file back, whitespace of the mixed content included");
    }

    @Test
    void writesTheOfflineServicingFileReadably() throws Exception {
        String text = AnswerFileConverter.xmlToText(AnswerFiles.OFFLINE_SERVICING.getBytes(StandardCharsets.UTF_8), "o.xml");
        assertTrue(text.contains("package install Package_for_RollupFix 22621.3007.1.9 amd64 token 31bf3856ad364e35 language neutral source \"packages/windows11.0-kb5034123-x64.cab\""), text);
        assertTrue(text.contains("PathAndCredentials add key \"1\" {"), text);
        assertTrue(text.contains("Path = \"\\\\deploy01\\drivers\\x64\""), text);
        assertTrue(text.contains("selection SMB1Protocol = false"), text);
        assertTrue(text.startsWith("encoding \"utf-8\"\nunattend xmlns=\"urn:schemas-microsoft-com:unattend\""), text);
    }

    @Test
    void parsesHandWrittenText() throws Exception {
        Unattend unattend = AnswerFileConverter.parse("""
                // driver paths for the lab
                unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" {
                    pass offlineServicing {
                        component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {
                            DriverPaths { PathAndCredentials add key "1" { Path = "\\\\server\\drivers" } }
                        }
                    }
                    servicing {
                        package install Package_for_KB976902 6.1.1.17514 amd64 source "updates\\Windows6.1-KB976902-x64.cab"
                        <!-- features -->
                        package configure { identity Microsoft-Windows-Foundation-Package selection TelnetClient = true }
                    }
                }
                """, "lab.unattend");
        Component pnp = unattend.getSettingsFor("offlineServicing").getComponents().get(0);
        assertEquals(Pass.OFFLINE_SERVICING, unattend.getSettingsFor("offlineServicing").getPassKind());
        assertEquals("amd64", pnp.getProcessorArchitecture());
        assertNull(pnp.getPublicKeyToken());
        Setting item = pnp.getSetting("DriverPaths").getSettings().get(0);
        assertEquals("add", item.getAction());
        assertEquals("1", item.getKeyValue());
        assertEquals("\\\\server\\drivers", item.getSetting("Path").getValue());
        Package kb = unattend.getServicing().getPackages().get(0);
        AssemblyIdentity identity = kb.getAssemblyIdentity();
        assertEquals("Package_for_KB976902", identity.getName());
        assertEquals("6.1.1.17514", identity.getVersion());
        assertEquals("amd64", identity.getProcessorArchitecture());
        assertEquals("updates\\Windows6.1-KB976902-x64.cab", kb.getSource().getLocation());
        assertEquals(" features ", ((Comment) unattend.getServicing().getChildren().get(1)).getText());
        assertEquals("true", unattend.getServicing().getPackages().get(1).getSelections().get(0).getState());
        String xml = UnattendWriter.toXml(unattend);
        assertTrue(xml.contains("<PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">"), xml);
        assertTrue(xml.contains("<assemblyIdentity name=\"Package_for_KB976902\" version=\"6.1.1.17514\" processorArchitecture=\"amd64\" />"), xml);
    }

    @Test
    void keepsProcessingInstructions() throws Exception {
        Unattend unattend = AnswerFileConverter.parse("<? imagesmith \"v=1\" ?>\nunattend {}\n", "pi.unattend");
        ProcessingInstruction instruction = assertInstanceOf(ProcessingInstruction.class, unattend.getProlog().get(0));
        assertEquals("imagesmith", instruction.getTarget());
        assertEquals("v=1", instruction.getData());
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        UnattendDslSyntaxException e = assertThrows(UnattendDslSyntaxException.class, () -> AnswerFileConverter.parse("""
                unattend {
                    pass windowsPE {
                        component Microsoft-Windows-Setup amd64 {
                            UserData { AcceptEula = }
                        }
                    }
                }
                """, "broken.unattend"));
        SyntaxError first = e.errors().get(0);
        assertEquals(4, first.line(), e.getMessage());
        assertEquals(37, first.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("broken.unattend:4:37: "), e.getMessage());
    }

    @Test
    void reportsAnUnterminatedString() {
        UnattendDslSyntaxException e = assertThrows(UnattendDslSyntaxException.class,
                () -> AnswerFileConverter.parse("unattend {\n  pass x {\n    component C { S = \"open\n  }\n}\n", "open.unattend"));
        assertEquals(3, e.errors().get(0).line(), e.getMessage());
    }

    @Test
    void refusesHostileNestingWithAClearError() throws Exception {
        String deep = "unattend { pass x { component C {\n" + "S {".repeat(100_000) + "}".repeat(100_003);
        UnattendDslSyntaxException e = assertThrows(UnattendDslSyntaxException.class, () -> AnswerFileConverter.parse(deep, "deep.unattend"));
        assertEquals(2, e.errors().get(0).line(), e.getMessage());
        assertTrue(e.getMessage().contains("nest more than " + AnswerFileConverter.MAX_NESTING), e.getMessage());
        String braces = "unattend { pass x { component C { S = \"" + "{".repeat(1000) + "\" <!-- {{{ --> } } }";
        assertEquals("{".repeat(1000), AnswerFileConverter.parse(braces, "b.unattend").getSettings().get(0).getComponents().get(0)
                .getSetting("S").getValue());
    }

    @Test
    void refusesTextWithoutAnAnswerFile() {
        assertThrows(UnattendDslSyntaxException.class, () -> AnswerFileConverter.parse("", "empty.unattend"));
        assertThrows(UnattendDslSyntaxException.class, () -> AnswerFileConverter.parse("pass windowsPE {}", "pass.unattend"));
    }

    @Test
    void importsAndExportsFiles(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("Unattend.xml");
        Files.writeString(xml, AnswerFiles.OOBE_SYSTEM);
        Path text = dir.resolve("oobe.unattend");
        AnswerFileConverter.importXml(xml, text);
        assertTrue(Files.readString(text).contains("component Microsoft-Windows-Shell-Setup amd64 token 31bf3856ad364e35 language neutral scope nonSxS"));
        Path back = dir.resolve("back.xml");
        AnswerFileConverter.exportXml(text, back);
        assertEquals(UnattendWriter.toXml(UnattendReader.read(xml)), Files.readString(back));
    }
}
