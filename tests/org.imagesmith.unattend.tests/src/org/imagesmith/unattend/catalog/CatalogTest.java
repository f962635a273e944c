package org.imagesmith.unattend.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.imagesmith.unattend.model.Pass;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class CatalogTest {

    @Test
    void coversTheOfflineServicingComponents() {
        Catalog catalog = Catalog.standard();
        for (String name : List.of("Microsoft-Windows-PnpCustomizationsNonWinPE", "Microsoft-Windows-Shell-Setup",
                "Microsoft-Windows-UnattendedJoin", "Microsoft-Windows-LUA-Settings",
                "Microsoft-Windows-TerminalServices-LocalSessionManager")) {
            assertTrue(catalog.component(name).orElseThrow().passes().contains(Pass.OFFLINE_SERVICING), name);
        }
        SettingDefinition item = catalog.component("Microsoft-Windows-PnpCustomizationsNonWinPE").orElseThrow()
                .setting("DriverPaths").orElseThrow().child("PathAndCredentials").orElseThrow();
        assertTrue(item.item());
        assertEquals(SettingDefinition.KEY_VALUE, item.key());
        assertEquals(ValueType.STRING, item.child("Path").orElseThrow().type());
        assertEquals(Set.of(Pass.SPECIALIZE, Pass.OOBE_SYSTEM),
                catalog.component("Microsoft-Windows-International-Core").orElseThrow().passes());
    }

    @Test
    void coversTheCommonWindowsPeAndOobeSettings() {
        Catalog catalog = Catalog.standard();
        ComponentDefinition setup = catalog.component("Microsoft-Windows-Setup").orElseThrow();
        SettingDefinition type = setup.setting("DiskConfiguration").orElseThrow().child("Disk").orElseThrow()
                .child("CreatePartitions").orElseThrow().child("CreatePartition").orElseThrow().child("Type").orElseThrow();
        assertEquals(ValueType.ENUM, type.type());
        assertEquals(List.of("Primary", "EFI", "MSR", "Extended", "Logical"), type.values());
        assertTrue(setup.setting("ImageInstall").isPresent());
        assertTrue(setup.setting("UserData").isPresent());
        ComponentDefinition shell = catalog.component("Microsoft-Windows-Shell-Setup").orElseThrow();
        assertEquals(Set.of(Pass.OOBE_SYSTEM), shell.setting("OOBE").orElseThrow().passes());
        assertEquals(Set.of(Pass.OFFLINE_SERVICING, Pass.SPECIALIZE), shell.setting("ComputerName").orElseThrow().passes());
        assertEquals(ValueType.INTEGER, shell.setting("OOBE").orElseThrow().child("ProtectYourPC").orElseThrow().type());
        assertTrue(catalog.component("Microsoft-Windows-International-Core-WinPE").isPresent());
        assertFalse(catalog.component("Microsoft-Windows-Unknown").isPresent());
    }

    @Test
    void recognisesPackagesByNamePatterns() {
        PackageRules rules = Catalog.standard().packages();
        assertTrue(rules.isLanguagePack("Microsoft-Windows-Client-LanguagePack-Package"));
        assertTrue(rules.isLanguagePack("Microsoft-Windows-LanguageFeatures-Basic-de-de-Package"));
        assertTrue(rules.isUpdate("Package_for_RollupFix"));
        assertFalse(rules.isUpdate("Microsoft-Windows-Foundation-Package"));
        NamePattern pattern = NamePattern.of("Microsoft-Windows-LanguageFeatures-OCR-{lang}-Package*");
        assertEquals("fr-fr", pattern.match("Microsoft-Windows-LanguageFeatures-OCR-fr-fr-Package~31bf3856ad364e35").orElseThrow());
        assertTrue(NamePattern.of("Microsoft-Windows-LanguageFeatures-Basic-{lang}-Package*")
                .matches("Microsoft-Windows-LanguageFeatures-Basic-fr-FR-Package", "fr-fr"));
        assertFalse(NamePattern.of("Microsoft-Windows-LanguageFeatures-Basic-{lang}-Package*")
                .matches("Microsoft-Windows-LanguageFeatures-Basic-de-de-Package", "fr-fr"));
    }

    @Test
    void knowsTheVersionsThatHaveAComponentOrSetting() throws IOException {
        Catalog catalog = read("<catalog><component name=\"c\" passes=\"specialize\" since=\"8\" removedIn=\"11\">"
                + "<setting name=\"s\" since=\"10\"/><setting name=\"t\"/></component>"
                + "<component name=\"d\" passes=\"specialize\"/></catalog>");
        ComponentDefinition c = catalog.component("c").orElseThrow();
        assertFalse(c.availability().in(WindowsVersion.WINDOWS_7));
        assertTrue(c.availability().in(WindowsVersion.WINDOWS_8));
        assertTrue(c.availability().in(WindowsVersion.WINDOWS_10));
        assertFalse(c.availability().in(WindowsVersion.WINDOWS_11));
        assertEquals("Windows 8 / Server 2012 to Windows 10 / Server 2016-2022", c.availability().versions());
        assertEquals("Windows 10 / Server 2016-2022 and later", c.setting("s").orElseThrow().availability().versions());
        assertTrue(c.setting("t").orElseThrow().availability().always());
        assertEquals(Availability.ALWAYS, catalog.component("d").orElseThrow().availability());
        assertEquals("Windows 11 / Server 2025", new Availability(WindowsVersion.WINDOWS_11, null).versions());

        IOException backwards = assertThrows(IOException.class, () -> read(
                "<catalog><component name=\"c\" passes=\"specialize\" since=\"10\" removedIn=\"8\"/></catalog>"));
        assertEquals("c.xml: c is removed in 8 before it was added in 10", backwards.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> read(
                "<catalog><component name=\"c\" passes=\"specialize\" since=\"XP\"/></catalog>"));
        assertEquals("c.xml: since=\"XP\" of c names no Windows version", unknown.getMessage());
    }

    @Test
    void knowsTheComponentsOfRealFilesInTheirPasses() {
        Catalog catalog = Catalog.standard();
        Map<String, Pass> used = Map.of("Microsoft-Windows-PartitionManager", Pass.OFFLINE_SERVICING,
                "Microsoft-Windows-WinRE-RecoveryAgent", Pass.OOBE_SYSTEM, "Security-Malware-Windows-Defender", Pass.SPECIALIZE,
                "Microsoft-Windows-SystemRestore-Main", Pass.SPECIALIZE, "Microsoft-Windows-RemoteAssistance-Exe", Pass.SPECIALIZE,
                "Microsoft-Windows-SystemSettingsThreshold", Pass.SPECIALIZE,
                "Microsoft-Windows-TerminalServices-Publishing-WMIProvider", Pass.OFFLINE_SERVICING);
        used.forEach((name, pass) -> assertTrue(catalog.component(name).orElseThrow().passes().contains(pass), name));
        // SanPolicy is a Windows 7 offlineServicing setting that Imagesmith does not apply: refused, never skipped
        SettingDefinition sanPolicy = catalog.component("Microsoft-Windows-PartitionManager").orElseThrow().setting("SanPolicy")
                .orElseThrow();
        assertTrue(sanPolicy.availability().in(WindowsVersion.WINDOWS_7));
        assertFalse(sanPolicy.appliedOffline());
    }

    @Test
    void serverNamesAreTheirClientVersions() {
        assertEquals(WindowsVersion.WINDOWS_7, WindowsVersion.ofLabel("Windows Server 2008 R2").orElseThrow());
        assertEquals(WindowsVersion.WINDOWS_8_1, WindowsVersion.ofLabel("Server 2012 R2").orElseThrow());
        assertEquals(WindowsVersion.WINDOWS_10, WindowsVersion.ofLabel("2019").orElseThrow());
        assertEquals(WindowsVersion.WINDOWS_11, WindowsVersion.ofLabel("Windows Server 2025").orElseThrow());
        assertEquals(WindowsVersion.WINDOWS_8, WindowsVersion.ofLabel("8").orElseThrow());
        assertTrue(WindowsVersion.ofLabel("Server 2003").isEmpty());
    }

    @Test
    void windows7DoesNotHaveTheLaterOfflineServicingSettings() {
        ComponentDefinition shell = Catalog.standard().component("Microsoft-Windows-Shell-Setup").orElseThrow();
        for (String later : List.of("SignInMode", "ConvertibleSlateModePromptPreference", "DesktopOptimization")) {
            SettingDefinition setting = shell.setting(later).orElseThrow();
            assertTrue(setting.passes().contains(Pass.OFFLINE_SERVICING), later);
            assertFalse(setting.availability().in(WindowsVersion.WINDOWS_7), later);
        }
        for (String windows7 : List.of("ComputerName", "OfflineUserAccounts", "OEMInformation", "RegisteredOwner")) {
            assertTrue(shell.setting(windows7).orElseThrow().availability().in(WindowsVersion.WINDOWS_7), windows7);
        }
        assertFalse(Catalog.standard().component("Microsoft-Windows-SystemSettingsThreshold").orElseThrow().availability()
                .in(WindowsVersion.WINDOWS_7));
    }

    @Test
    void refusesCatalogsWithADoctypeOrBadData() {
        IOException doctype = assertThrows(IOException.class, () -> Catalog.read(new ByteArrayInputStream(
                "<!DOCTYPE catalog [<!ENTITY e \"x\">]><catalog/>".getBytes(StandardCharsets.UTF_8)), "evil.xml"));
        assertTrue(doctype.getMessage().startsWith("evil.xml: "), doctype.getMessage());
        IOException pass = assertThrows(IOException.class, () -> Catalog.read(new ByteArrayInputStream(
                "<catalog><component name=\"c\" passes=\"windowsPE lunch\"/></catalog>".getBytes(StandardCharsets.UTF_8)), "c.xml"));
        assertEquals("c.xml: unknown pass 'lunch' on c", pass.getMessage());
    }

    @Test
    void coversTheComponentsOfRealAnswerFilesCompletely() {
        Catalog catalog = Catalog.standard();
        for (String name : List.of("Microsoft-Windows-Shell-Setup", "Microsoft-Windows-Setup", "Microsoft-Windows-Deployment",
                "Microsoft-Windows-International-Core", "Microsoft-Windows-International-Core-WinPE", "Microsoft-Windows-UnattendedJoin",
                "Microsoft-Windows-Security-SPP", "Microsoft-Windows-Security-SPP-UX", "Microsoft-Windows-Security-Licensing-SLC-UX",
                "Microsoft-Windows-TerminalServices-LocalSessionManager", "Microsoft-Windows-TerminalServices-RDP-WinStationExtensions",
                "Networking-MPSSVC-Svc", "Microsoft-Windows-TCPIP", "Microsoft-Windows-DNS-Client", "Microsoft-Windows-IE-ESC",
                "Microsoft-Windows-ServerManager-SvrMgrNc", "Microsoft-Windows-OutOfBoxExperience", "Microsoft-Windows-ErrorReportingCore",
                "Microsoft-Windows-SQMApi", "Microsoft-Windows-PnpSysprep", "Microsoft-Windows-LUA-Settings")) {
            assertTrue(catalog.component(name).orElseThrow(() -> new AssertionError(name)).complete(), name);
        }
        assertFalse(catalog.component("Microsoft-Windows-IE-InternetExplorer").orElseThrow().complete(), "only the common settings");
        ComponentDefinition shell = catalog.component("microsoft-windows-shell-setup").orElseThrow();
        assertEquals("Microsoft-Windows-Shell-Setup", shell.name(), "component names ignore case");
        for (String setting : List.of("AutoLogon", "ComputerName", "CopyProfile", "Display", "FirstLogonCommands", "LogonCommands",
                "OEMInformation", "OfflineUserAccounts", "OOBE", "ProductKey", "RegisteredOwner", "StartTiles", "TaskbarLinks", "Themes",
                "TimeZone", "UserAccounts")) {
            assertTrue(shell.setting(setting).isPresent(), setting);
        }
        SettingDefinition skipMachineOobe = shell.setting("OOBE").orElseThrow().child("SkipMachineOOBE").orElseThrow();
        assertTrue(skipMachineOobe.deprecated() && skipMachineOobe.deprecation().contains("UserAccounts"), skipMachineOobe.deprecation());
        SettingDefinition productKey = shell.setting("ProductKey").orElseThrow();
        assertEquals(Integer.valueOf(1), productKey.minLength());
        assertTrue(productKey.pattern().matches("VK7JG-NPHTM-C97JM-9MPGT-3V66T"));
        assertFalse(productKey.pattern().matches("VK7JG-NPHTM-C97JM-9MPGT"));
        SettingDefinition computerName = shell.setting("ComputerName").orElseThrow();
        assertEquals(Integer.valueOf(15), computerName.maxLength());
        assertTrue(computerName.pattern().matches("*") && computerName.pattern().matches("LAB-PC-042"));
        assertFalse(computerName.pattern().matches("LAB_PC.042") || computerName.pattern().matches("12345"));
        assertEquals(Set.of(Pass.AUDIT_USER), catalog.component("Microsoft-Windows-Deployment").orElseThrow()
                .setting("Generalize").orElseThrow().passes());
        SettingDefinition willReboot = catalog.component("Microsoft-Windows-Deployment").orElseThrow().setting("RunSynchronous")
                .orElseThrow().child("RunSynchronousCommand").orElseThrow().child("WillReboot").orElseThrow();
        assertEquals(List.of("Always", "OnRequest", "Never"), willReboot.values());
        assertEquals("Never", willReboot.defaultValue());
        assertTrue(catalog.component("Microsoft-Windows-Setup").orElseThrow().setting("RunSynchronous").orElseThrow()
                .child("RunSynchronousCommand").orElseThrow().child("WillReboot").isEmpty(), "Windows PE commands cannot restart");
        assertTrue(shell.description().contains("computer name"), shell.description());
    }

    /** Every setting acts in a pass of its component, enums list values, keys and defaults fit, names are unique. */
    @Test
    void theStandardCatalogIsConsistent() throws Exception {
        Catalog catalog = Catalog.standard();
        List<String> faults = new ArrayList<>();
        for (ComponentDefinition component : catalog.components().values()) {
            if (component.passes().isEmpty()) {
                faults.add(component.name() + " acts in no pass");
            }
            if (component.description() == null || component.description().isBlank()) {
                faults.add(component.name() + " has no description");
            }
            Set<Pass> used = EnumSet.noneOf(Pass.class);
            check(component.name(), component.settings(), component.passes(), component.passes(), used, faults);
            if (component.complete() && !used.equals(component.passes())) {
                faults.add(component.name() + " acts in " + component.passes() + " but its settings only in " + used);
            }
        }
        assertEquals(List.of(), faults);
    }

    private static void check(String path, Map<String, SettingDefinition> settings, Set<Pass> componentPasses, Set<Pass> inherited,
            Set<Pass> used, List<String> faults) {
        for (SettingDefinition setting : settings.values()) {
            String at = path + " | " + setting.name();
            Set<Pass> passes = setting.passes().isEmpty() ? inherited : setting.passes();
            if (passes.isEmpty() || !componentPasses.containsAll(passes)) {
                faults.add(at + " acts in " + passes + ", not all of them passes of its component " + componentPasses);
            }
            if (!inherited.containsAll(passes)) {
                faults.add(at + " acts in " + passes + ", outside the passes of its parent " + inherited);
            }
            used.addAll(passes);
            if (setting.description() == null || setting.description().isBlank()) {
                faults.add(at + " has no description");
            }
            if ((setting.type() == ValueType.COMPLEX) != !setting.children().isEmpty()) {
                faults.add(at + " is " + setting.type() + " with " + setting.children().size() + " child settings");
            }
            if (setting.type() == ValueType.ENUM) {
                Set<String> values = new HashSet<>();
                for (String value : setting.values()) {
                    if (value.isBlank() || !values.add(value.toLowerCase(Locale.ROOT))) {
                        faults.add(at + " lists the value '" + value + "' blank or twice");
                    }
                }
                if (values.isEmpty()) {
                    faults.add(at + " is an enum without values");
                }
            } else if (!setting.values().isEmpty()) {
                faults.add(at + " lists values but is " + setting.type());
            }
            if (setting.min() != null && setting.max() != null && setting.min() > setting.max()) {
                faults.add(at + " has min above max");
            }
            if ((setting.pattern() != null || setting.minLength() != null || setting.maxLength() != null) && setting.type() != ValueType.STRING) {
                faults.add(at + " has a string constraint but is " + setting.type());
            }
            if (setting.item() && setting.key() != null && !setting.key().equals(SettingDefinition.KEY_VALUE)
                    && setting.child(setting.key()).map(key -> key.type() == ValueType.COMPLEX).orElse(true)) {
                faults.add(at + " is keyed by " + setting.key() + ", which is not a simple child setting");
            }
            if (!setting.item() && setting.key() != null) {
                faults.add(at + " has a key but is no list item");
            }
            if (setting.defaultValue() != null && !fits(setting, setting.defaultValue())) {
                faults.add(at + " has the default '" + setting.defaultValue() + "', which is not a valid value");
            }
            check(at, setting.children(), componentPasses, passes, used, faults);
        }
    }

    private static boolean fits(SettingDefinition setting, String value) {
        return switch (setting.type()) {
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case ENUM -> setting.values().contains(value);
            case INTEGER -> value.matches("-?[0-9]+") && (setting.min() == null || Long.parseLong(value) >= setting.min())
                    && (setting.max() == null || Long.parseLong(value) <= setting.max());
            case STRING -> setting.pattern() == null || setting.pattern().matches(value);
            default -> false;
        };
    }

    /** Read without the catalog's loader: no component and no setting is defined twice among its siblings. */
    @Test
    void theCatalogFileNamesNothingTwice() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root;
        try (InputStream in = Catalog.class.getResourceAsStream("components.xml")) {
            root = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
        List<String> twice = new ArrayList<>();
        duplicates(root, "catalog", twice);
        assertEquals(List.of(), twice);
    }

    private static void duplicates(Element parent, String path, List<String> twice) {
        Set<String> names = new HashSet<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.hasAttribute("name")) {
                String name = element.getAttribute("name");
                if (!names.add(element.getTagName().equals("component") ? name.toLowerCase(Locale.ROOT) : name)) {
                    twice.add(path + " | " + name);
                }
                duplicates(element, path + " | " + name, twice);
            }
        }
    }

    @Test
    void refusesCatalogsThatDefineASettingTwiceOrHaveAnUnexplainedPattern() {
        IOException twice = assertThrows(IOException.class, () -> read("<catalog><component name=\"c\" passes=\"specialize\">"
                + "<setting name=\"A\"><setting name=\"B\"/><setting name=\"B\" type=\"boolean\"/></setting></component></catalog>"));
        assertEquals("c.xml: the setting c | A | B is defined twice", twice.getMessage());
        IOException pattern = assertThrows(IOException.class, () -> read("<catalog><component name=\"c\" passes=\"specialize\">"
                + "<setting name=\"A\" pattern=\"[0-9]+\"/></component></catalog>"));
        assertTrue(pattern.getMessage().contains("c | A needs a patternHint"), pattern.getMessage());
        IOException number = assertThrows(IOException.class, () -> read("<catalog><component name=\"c\" passes=\"specialize\">"
                + "<setting name=\"A\" type=\"integer\" max=\"ten\"/></component></catalog>"));
        assertEquals("c.xml: max=\"ten\" of c | A is not a whole number", number.getMessage());
        IOException type = assertThrows(IOException.class, () -> read("<catalog><component name=\"c\" passes=\"specialize\">"
                + "<setting name=\"A\" type=\"number\"/></component></catalog>"));
        assertTrue(type.getMessage().startsWith("c.xml: the type 'number' of c | A is not one of"), type.getMessage());
        IOException component = assertThrows(IOException.class, () -> read("<catalog><component name=\"c\" passes=\"specialize\"/>"
                + "<component name=\"C\" passes=\"oobeSystem\"/></catalog>"));
        assertEquals("c.xml: the component C is defined twice", component.getMessage());
    }

    private static Catalog read(String xml) throws IOException {
        return Catalog.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "c.xml");
    }

    @Test
    void passesOfASettingAreItsOwnOrInherited() throws IOException {
        org.imagesmith.unattend.model.Unattend unattend = org.imagesmith.unattend.io.UnattendReader.read(("""
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                    <settings pass="oobeSystem">
                        <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64">
                            <ComputerName>LAB</ComputerName>
                            <OOBE><HideEULAPage>true</HideEULAPage></OOBE>
                            <Unheard>x</Unheard>
                        </component>
                        <component name="Microsoft-Windows-International-Core" processorArchitecture="amd64">
                            <UILanguage>de-DE</UILanguage>
                        </component>
                    </settings>
                </unattend>
                """).getBytes(StandardCharsets.UTF_8), "passes.xml");
        CatalogDefinitions definitions = new CatalogDefinitions(Catalog.standard());
        var components = unattend.getSettings().get(0).getComponents();
        var shell = components.get(0);
        assertEquals(Set.of(Pass.OFFLINE_SERVICING, Pass.SPECIALIZE), definitions.passesOf(shell.getSetting("ComputerName")));
        assertEquals(Set.of(Pass.OOBE_SYSTEM), definitions.passesOf(shell.getSetting("OOBE").getSetting("HideEULAPage")),
                "a child setting acts where its parent does");
        assertEquals(Set.of(), definitions.passesOf(shell.getSetting("Unheard")));
        assertEquals(Set.of(Pass.SPECIALIZE, Pass.OOBE_SYSTEM), definitions.passesOf(components.get(1).getSetting("UILanguage")),
                "a setting without passes of its own acts where its component does");
    }
}
