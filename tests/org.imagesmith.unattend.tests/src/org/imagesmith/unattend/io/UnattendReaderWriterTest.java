package org.imagesmith.unattend.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.unattend.model.Comment;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.ForeignElement;
import org.imagesmith.unattend.model.ModifyAction;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Text;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.model.UnattendFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnattendReaderWriterTest {

    private static Unattend read(String xml) throws Exception {
        return UnattendReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
    }

    @Test
    void readsTheWindowsPeDiskConfiguration() throws Exception {
        Unattend unattend = read(AnswerFiles.AUTOUNATTEND);
        Settings windowsPE = unattend.getSettingsFor("windowsPE");
        assertEquals(Pass.WINDOWS_PE, windowsPE.getPassKind());
        Component setup = windowsPE.getComponents().get(1);
        assertEquals("Microsoft-Windows-Setup", setup.getName());
        assertEquals("amd64", setup.getProcessorArchitecture());
        assertEquals("31bf3856ad364e35", setup.getPublicKeyToken());
        assertEquals("neutral", setup.getLanguage());
        assertEquals("nonSxS", setup.getVersionScope());
        Setting disk = setup.getSetting("DiskConfiguration").getSetting("Disk");
        assertEquals(ModifyAction.ADD, disk.getActionKind());
        assertNull(disk.getValue(), "a complex setting has no value");
        List<Setting> partitions = disk.getSetting("CreatePartitions").getSettings();
        assertEquals(3, partitions.size());
        assertEquals("EFI", partitions.get(0).getSetting("Type").getValue());
        assertEquals("300", partitions.get(0).getSetting("Size").getValue());
        assertEquals("Lab & Test", setup.getSetting("UserData").getSetting("FullName").getValue());
        assertTrue(disk.getSetting("CreatePartitions").getChildren().get(0) instanceof Comment, "the comment keeps its place");
        ForeignElement offlineImage = (ForeignElement) unattend.getChildren().get(1);
        assertEquals("urn:schemas-microsoft-com:cpi", offlineImage.getNamespaceUri());
        assertEquals("cpi", offlineImage.getPrefix());
        assertEquals("wim:c:/sources/install.wim#Windows 11 Pro", offlineImage.getOtherAttributes().get(0).getValue());
        assertEquals(" Lab deployment: wipe disk 0 and install Windows 11 Pro ", ((Comment) unattend.getProlog().get(0)).getText());
        assertEquals("utf-8", unattend.getXmlEncoding());
    }

    @Test
    void readsServicingPackagesAndUnknownComponents() throws Exception {
        Unattend unattend = read(AnswerFiles.OFFLINE_SERVICING);
        List<Package> packages = unattend.getServicing().getPackages();
        assertEquals(3, packages.size());
        assertEquals(PackageAction.INSTALL, packages.get(0).getActionKind());
        assertEquals("de-DE", packages.get(0).getAssemblyIdentity().getLanguage());
        assertEquals("packages\\lp-de-de.cab", packages.get(0).getSource().getLocation());
        assertEquals(PackageAction.CONFIGURE, packages.get(2).getActionKind());
        assertEquals("SMB1Protocol", packages.get(2).getSelections().get(1).getName());
        assertEquals("false", packages.get(2).getSelections().get(1).getState());
        Component pnp = unattend.getSettingsFor("offlineServicing").getComponents().get(0);
        Setting first = pnp.getSetting("DriverPaths").getSettings().get(0);
        assertEquals("1", first.getKeyValue());
        assertEquals("\\\\deploy01\\drivers\\x64", first.getSetting("Path").getValue());
        assertEquals("P@ss<word>", first.getSetting("Credentials").getSetting("Password").getValue());
        Component custom = unattend.getSettingsFor("offlineServicing").getComponents().get(2);
        Setting agent = custom.getSetting("AgentServer");
        assertEquals("agent.contoso.com", agent.getValue());
        assertEquals("urn:contoso:agent", agent.getOtherAttributes().get(0).getNamespaceUri());
        assertEquals("ext", agent.getNamespaces().get(0).getPrefix());
    }

    @Test
    void loadSaveLoadGivesAnEqualModelAndEquivalentXml() throws Exception {
        for (String xml : List.of(AnswerFiles.AUTOUNATTEND, AnswerFiles.OFFLINE_SERVICING, AnswerFiles.OOBE_SYSTEM)) {
            Unattend first = read(xml);
            String saved = UnattendWriter.toXml(first);
            Unattend second = read(saved);
            assertTrue(EcoreUtil.equals(first, second), "load -> save -> load changed the model:\n" + saved);
            assertEquals(CanonicalXml.of(xml), CanonicalXml.of(saved));
            assertEquals(saved, UnattendWriter.toXml(second), "saving is stable");
        }
    }

    @Test
    void savingAnUnchangedSimFormattedFileGivesTheSameText() throws Exception {
        String saved = UnattendWriter.toXml(read(AnswerFiles.OOBE_SYSTEM));
        assertEquals(AnswerFiles.OOBE_SYSTEM, saved);
    }

    @Test
    void keepsLineAndColumnOfElementsAndComments() throws Exception {
        Unattend unattend = read(AnswerFiles.AUTOUNATTEND);
        assertEquals("3:1", SourceLocation.of(unattend).orElseThrow().toString());
        Component setup = unattend.getSettingsFor("windowsPE").getComponents().get(1);
        assertEquals("14:9", SourceLocation.of(setup).orElseThrow().toString());
        Setting disk = setup.getSetting("DiskConfiguration").getSetting("Disk");
        assertEquals("16:17", SourceLocation.of(disk).orElseThrow().toString());
        assertEquals("18:25", SourceLocation.of(disk.getSetting("CreatePartitions").getChildren().get(0)).orElseThrow().toString());
        assertEquals("2:1", SourceLocation.of(unattend.getProlog().get(0)).orElseThrow().toString());
    }

    @Test
    void writesNewModelsWithTheNamespacesTheyNeed() throws Exception {
        UnattendFactory factory = UnattendFactory.eINSTANCE;
        Unattend unattend = factory.createUnattend();
        Settings settings = factory.createSettings();
        settings.setPass("offlineServicing");
        unattend.getChildren().add(settings);
        Component component = factory.createComponent();
        component.setName("Microsoft-Windows-PnpCustomizationsNonWinPE");
        component.setProcessorArchitecture("amd64");
        settings.getChildren().add(component);
        Setting paths = factory.createSetting();
        paths.setName("DriverPaths");
        component.getChildren().add(paths);
        Setting item = factory.createSetting();
        item.setName("PathAndCredentials");
        item.setAction("add");
        item.setKeyValue("1");
        paths.getChildren().add(item);
        Setting path = factory.createSetting();
        path.setName("Path");
        path.setValue("drivers\\net");
        item.getChildren().add(path);

        String xml = UnattendWriter.toXml(unattend);
        assertTrue(xml.startsWith("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">"), xml);
        assertTrue(xml.contains("<PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">"), xml);
        Unattend reread = read(xml);
        Setting rereadItem = reread.getSettingsFor("offlineServicing").getComponents().get(0).getSetting("DriverPaths").getSettings().get(0);
        assertEquals("1", rereadItem.getKeyValue());
        assertEquals("drivers\\net", rereadItem.getSetting("Path").getValue());
    }

    @Test
    void savesAndReadsFilesInTheDeclaredEncoding(@TempDir Path directory) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                + "    <settings pass=\"specialize\">\n        <component name=\"Microsoft-Windows-Shell-Setup\">\n"
                + "            <RegisteredOwner>Jürgen Müller</RegisteredOwner>\n        </component>\n    </settings>\n</unattend>\n";
        Path file = directory.resolve("latin1.xml");
        Files.write(file, xml.getBytes(StandardCharsets.ISO_8859_1));
        Unattend unattend = UnattendReader.read(file);
        assertEquals("Jürgen Müller", unattend.getSettingsFor("specialize").getComponents().get(0).getSetting("RegisteredOwner").getValue());
        Path saved = directory.resolve("saved.xml");
        UnattendWriter.write(unattend, saved);
        assertEquals(xml, new String(Files.readAllBytes(saved), StandardCharsets.ISO_8859_1));
    }

    @Test
    void refusesExternalEntitiesWithFileAndLine(@TempDir Path directory) throws Exception {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE unattend [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
                + "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"specialize\"><component name=\"x\"><A>&xxe;</A></component></settings></unattend>";
        Path file = directory.resolve("xxe.xml");
        Files.writeString(file, xml);
        UnattendFormatException e = assertThrows(UnattendFormatException.class, () -> UnattendReader.read(file));
        assertEquals(file.toString(), e.file());
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":2:1: "), e.getMessage());
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            xml.append("\">\n");
        }
        xml.append("]>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">&lol9;</unattend>\n");
        UnattendFormatException e = assertThrows(UnattendFormatException.class,
                () -> UnattendReader.read(xml.toString().getBytes(StandardCharsets.UTF_8), "lolz.xml"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("lolz.xml:2:1: a DOCTYPE declaration is not allowed"), e.getMessage());
    }

    @Test
    void reportsMalformedXmlAndWrongRootsWithTheirPosition() {
        UnattendFormatException malformed = assertThrows(UnattendFormatException.class,
                () -> read("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n  <settings pass=\"x\">\n</unattend>"));
        assertEquals(3, malformed.line());
        assertTrue(malformed.getMessage().contains("not well-formed"), malformed.getMessage());
        UnattendFormatException wrongRoot = assertThrows(UnattendFormatException.class,
                () -> read("<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"));
        assertEquals(2, wrongRoot.line());
        assertTrue(wrongRoot.getMessage().contains("<project> in namespace http://maven.apache.org/POM/4.0.0"), wrongRoot.getMessage());
        assertThrows(UnattendFormatException.class, () -> UnattendReader.read(new byte[] {(byte) 0xC3, 0x28}, "bad.xml"));
    }

    @Test
    void refusesCommentsThatXmlCannotHoldWhenSaving() throws Exception {
        Unattend unattend = read(AnswerFiles.OOBE_SYSTEM);
        Comment comment = UnattendFactory.eINSTANCE.createComment();
        comment.setText("a -- b");
        unattend.getChildren().add(0, comment);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnattendWriter.toXml(unattend));
        assertTrue(e.getMessage().contains("a -- b"));
        assertNotNull(unattend.getSettingsFor("oobeSystem"));
    }

    @Test
    void mixedContentIsKeptWhereItWasWritten() throws Exception {
        Unattend unattend = read(AnswerFiles.GENERATED_TEMPLATE);
        Setting compact = unattend.getSettingsFor("windowsPE").getComponents().get(0).getSetting("UserData")
                .getSetting("ProductKey");
        assertNull(compact.getValue(), "the text is not a value: it sits between child elements");
        assertEquals(2, compact.getChildren().size());
        assertEquals("FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4", ((Text) compact.getChildren().get(0)).getValue());
        assertEquals("OnError", compact.getSetting("WillShowUI").getValue());
        assertEquals("FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4", compact.getMixedText());

        Setting indented = unattend.getSettingsFor("windowsPE").getComponents().get(1).getSetting("UserData")
                .getSetting("ProductKey");
        assertEquals(3, indented.getChildren().size(), "text, WillShowUI, and the line break before the end tag");
        assertTrue(((Text) indented.getChildren().get(0)).getValue().contains("\n"), "whitespace is kept verbatim");
        assertEquals("FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4", indented.getMixedText());

        String saved = UnattendWriter.toXml(unattend);
        assertEquals(AnswerFiles.GENERATED_TEMPLATE, saved, "a SIM-formatted file with mixed content saves as it was read");
        assertTrue(EcoreUtil.equals(unattend, read(saved)));
    }

    @Test
    void mixedContentAnywhereLoadsAndSaves() throws Exception {
        String xml = """
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                    <settings pass="specialize">
                        <component name="Microsoft-Windows-Shell-Setup">stray<ComputerName>LAB-01</ComputerName>text</component>
                    </settings>
                    <element xmlns="urn:contoso">a<b>1</b>c</element>
                </unattend>
                """;
        Unattend first = read(xml);
        String saved = UnattendWriter.toXml(first);
        assertTrue(saved.contains("<component name=\"Microsoft-Windows-Shell-Setup\">stray<ComputerName>LAB-01</ComputerName>"
                + "text</component>"), saved);
        assertTrue(saved.contains(">a<b>1</b>c</element>"), saved);
        assertTrue(EcoreUtil.equals(first, read(saved)));
        assertEquals(CanonicalXml.of(xml), CanonicalXml.of(saved));
    }
}
