package org.imagesmith.servicing.unattend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.drivers.InstalledDriver;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Windows7AnswerFile;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offlineServicing pass of answer files applied to a synthetic Windows 7 SP1 x64 image: packages (gcab and our
 * cabinet writer, an .msu) in dependency order, features, driver paths, the computer name; every change checked
 * through our listings and through hivexget, and every refusal or failure leaves the whole tree as it was.
 */
class UnattendServicingTest {
    static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    static final SyntheticPackage LANGUAGE_PACK = Windows7AnswerFile.LANGUAGE_PACK;
    static final SyntheticPackage UPDATE = Windows7AnswerFile.UPDATE;
    static final SyntheticPackage MSU_UPDATE = Windows7AnswerFile.MSU_UPDATE;
    static final SyntheticPackage FEATURE_PACK = Windows7AnswerFile.FEATURE_PACK;

    @TempDir
    Path dir;
    Path root;
    Path answers;
    Path log;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        answers = Files.createDirectories(dir.resolve("config"));
        log = dir.resolve("dism.log");
    }

    static void writeSources(Path answers, Path work) throws IOException {
        Windows7AnswerFile.writeSources(answers, work);
    }

    static String fullAnswerFile(String architecture) {
        return Windows7AnswerFile.text(architecture);
    }

    /**
     * Writes the full answer file's sources and returns the file with one more package, whose parent foundation the
     * image does not have: found only when it is added, after the language pack.
     */
    static String answerFileFailingPartWay(Path answers, Path work) throws IOException {
        writeSources(answers, work);
        SyntheticPackage orphan = new SyntheticPackage("Package_for_KB999999", "amd64", "", "6.1.1.17514")
                .parent("Microsoft-Windows-ServerCore-Package", SyntheticWindowsImage.VERSION, "GE");
        orphan.writeCabinet(work.resolve("orphan"), answers.resolve("packages/orphan.cab"));
        return fullAnswerFile("amd64").replace("""
                    <package action="configure">""", """
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB999999" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="packages\\orphan.cab"/>
                    </package>
                    <package action="configure">""");
    }

    private ServicingSession open(ServicingLog servicingLog) throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(root), servicingLog, Optional.empty());
    }

    private UnattendServicing.Result apply(Path file) throws Exception {
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO); ServicingSession session = open(servicingLog)) {
            return new UnattendServicing(session).apply(file);
        }
    }

    private ServicingException refused(Path file) throws Exception {
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO); ServicingSession session = open(servicingLog)) {
            return assertThrows(ServicingException.class, () -> new UnattendServicing(session).apply(file));
        }
    }

    static Map<String, String> packageStates(Path root) throws Exception {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            return new PackageServicing(session).packages().stream().collect(Collectors.toMap(
                    p -> p.identity().toString(), p -> p.state().packageText(), (a, b) -> a, TreeMap::new));
        }
    }

    static Map<String, String> featureStates(Path root) throws Exception {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            return new PackageServicing(session).features(Optional.empty()).stream().collect(Collectors.toMap(
                    Feature::name, f -> f.state().featureText(), (a, b) -> a, TreeMap::new));
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(answers.resolve(name), text);
    }

    /** The "line:column" of the first occurrence of marker in text (1-based, as the validator counts). */
    static String position(String text, String marker) {
        int offset = text.indexOf(marker);
        int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - text.lastIndexOf('\n', offset - 1);
        return line + ":" + column;
    }

    @Test
    void appliesPackagesFeaturesDriversAndComputerNameInDependencyOrder() throws Exception {
        writeSources(answers, dir.resolve("work"));
        String answerFile = fullAnswerFile("amd64");
        UnattendServicing.Result result = apply(write("unattend.xml", answerFile));

        Map<String, String> packages = packageStates(root);
        assertEquals("Installed", packages.get(LANGUAGE_PACK.identity()));
        assertEquals("Installed", packages.get(UPDATE.identity()));
        assertEquals("Installed", packages.get(MSU_UPDATE.identity()));
        assertEquals("Installed", packages.get(FEATURE_PACK.identity()));
        Path software = root.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + LANGUAGE_PACK.identity(), "CurrentState"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + MSU_UPDATE.identity(), "CurrentState"));

        Map<String, String> features = featureStates(root);
        assertEquals("Enabled", features.get("TelnetClient"));
        assertEquals("Disabled", features.get("MediaPlayback"));
        assertEquals("Enabled", features.get("InternetExplorer9"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates", "TelnetClient"));
        assertEquals(Optional.of("64"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates", "MediaPlayback"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity() + "\\Updates", "InternetExplorer9"));

        // both drivers, the storage one found two folders down (DriverPaths are searched with subfolders)
        try (ServicingSession session = open(ServicingLog.none())) {
            List<String> infs = new DriverServicing(session).drivers(false).stream().map(InstalledDriver::originalFileName)
                    .sorted().toList();
            assertEquals(List.of("contosonet.inf", "contososcsi.inf"), infs);
        }
        Path system = root.resolve("Windows/System32/config/SYSTEM");
        assertEquals(Optional.of("CONTOSO-LAB-01"), Hivex.get(system,
                "ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName"));
        assertEquals(Optional.of("Contoso-Lab-01"), Hivex.get(system, "ControlSet001\\Services\\Tcpip\\Parameters", "NV Hostname"));
        assertEquals(Optional.of("Contoso-Lab-01"), Hivex.get(system, "ControlSet001\\Services\\Tcpip\\Parameters", "Hostname"));

        // the language pack went first, and the log says why
        String text = Files.readString(log);
        int languagePack = text.indexOf("Adding package " + LANGUAGE_PACK.identity());
        int update = text.indexOf("Adding package " + UPDATE.identity());
        assertTrue(languagePack >= 0 && update > languagePack, text);
        assertTrue(text.contains("Installing the language pack Microsoft-Windows-Client-LanguagePack-Package (line 8)"
                + " before the update Package_for_KB2533623 (line 4)"), text);
        String oobeLine = position(answerFile, "<settings pass=\"oobeSystem\"").split(":")[0];
        assertTrue(text.contains("Skipping the oobeSystem pass (1 component(s), line " + oobeLine + ")"), text);
        assertFalse(text.contains("Skipping the offlineServicing pass"), text);
        // User Account Control is off, as hivexget reads it from the image's SOFTWARE hive
        assertEquals(Optional.of("0"), Hivex.get(software, EnableLua.KEY, "EnableLUA"));
        assertEquals(result.actions().indexOf("Installed package " + LANGUAGE_PACK.identity() + " (Installed)"), 0,
                result.actions().toString());
        assertTrue(result.actions().contains("Applied Microsoft-Windows-Shell-Setup | ComputerName: HKLM\\SYSTEM\\ControlSet001"
                + "\\Control\\ComputerName\\ComputerName: ComputerName = CONTOSO-LAB-01 (REG_SZ); HKLM\\SYSTEM\\ControlSet001"
                + "\\Services\\Tcpip\\Parameters: Hostname, NV Hostname = Contoso-Lab-01 (REG_SZ)"), result.actions().toString());
        assertTrue(result.actions().contains("Applied Microsoft-Windows-LUA-Settings | EnableLUA: HKLM\\SOFTWARE\\Microsoft"
                + "\\Windows\\CurrentVersion\\Policies\\System: EnableLUA = 0 (REG_DWORD)"), result.actions().toString());
        assertTrue(result.warnings().stream().noneMatch(w -> w.contains("is not applied")), result.warnings().toString());
    }

    @Test
    void missingSourceIsRefusedWithItsPositionAndTheImageIsUnchanged() throws Exception {
        String text = fullAnswerFile("amd64").replace("packages\\Windows6.1-KB2533623-x64.cab", "packages\\missing.cab");
        writeSources(answers, dir.resolve("work"));
        Path file = write("unattend.xml", text);
        TreeMap<String, String> before = TreeDigests.of(root);

        ServicingException e = refused(file);
        assertEquals(UnattendServicing.INVALID_ANSWER_FILE, e.errorCode());
        assertTrue(e.getMessage().contains(position(text, "<source location=\"packages\\missing.cab") + ": error: the source"
                + " of Package_for_KB2533623 does not exist"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void componentsForAnotherArchitectureAreSkippedAndSaidInOneLine() throws Exception {
        writeSources(answers, dir.resolve("work"));
        String text = fullAnswerFile("x86");
        UnattendServicing.Result result = apply(write("unattend.xml", text));

        String skipped = "Skipping 3 component(s) of the offlineServicing pass for other processor architectures than the"
                + " image's (amd64), as Windows Setup does: Microsoft-Windows-PnpCustomizationsNonWinPE (x86, line "
                + position(text, "<component name=\"Microsoft-Windows-PnpCustomizationsNonWinPE").split(":")[0] + "),"
                + " Microsoft-Windows-Shell-Setup (x86, line ";
        assertEquals(1, result.warnings().stream().filter(w -> w.startsWith(skipped)).count(), result.warnings().toString());
        assertTrue(result.warnings().contains("The offlineServicing pass (line "
                + position(text, "<settings pass=\"offlineServicing\"").split(":")[0] + ") has no component for amd64: it"
                + " applies nothing."), result.warnings().toString());
        assertTrue(result.warnings().stream().noneMatch(w -> w.contains("[architecture-mismatch]")), "said once, not per component");
        // the packages (amd64) are installed; nothing of the x86 components is
        assertEquals("Installed", packageStates(root).get(UPDATE.identity()));
        Path system = root.resolve("Windows/System32/config/SYSTEM");
        assertEquals(Optional.empty(), Hivex.get(system, "ControlSet001\\Services\\Tcpip\\Parameters", "NV Hostname"));
        assertTrue(result.actions().stream().noneMatch(a -> a.contains("ComputerName") || a.contains("EnableLUA")),
                result.actions().toString());
    }

    @Test
    void generatorTemplateAppliesItsOwnArchitectureAndOnlyOfflineServicingCanBlock() throws Exception {
        String text = AnswerFiles.GENERATED_TEMPLATE;
        Path file = write("generated.xml", text);
        UnattendServicing.Result result = apply(file);

        Path software = root.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("0"), Hivex.get(software, EnableLua.KEY, "EnableLUA"));
        assertEquals(List.of("Applied Microsoft-Windows-LUA-Settings | EnableLUA: HKLM\\SOFTWARE\\Microsoft\\Windows"
                + "\\CurrentVersion\\Policies\\System: EnableLUA = 0 (REG_DWORD)"), result.actions());
        String lua = "<component name=\"Microsoft-Windows-LUA-Settings\" processorArchitecture=\"x86\"";
        assertTrue(result.warnings().contains("Skipping 1 component(s) of the offlineServicing pass for other processor"
                + " architectures than the image's (amd64), as Windows Setup does: Microsoft-Windows-LUA-Settings (x86, line "
                + position(text, lua).split(":")[0] + ")"), result.warnings().toString());
        // the errors of passes Windows Setup applies are warnings here, with their lines
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains(position(text, "<ShowWindowsLive>") + ": error:")
                && w.endsWith("(in the oobeSystem pass, which /Apply-Unattend does not apply)")), result.warnings().toString());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains(position(text, "<Path>") + ": error:")
                && w.endsWith("(in the specialize pass, which /Apply-Unattend does not apply)")), result.warnings().toString());
    }

    @Test
    void settingsWindowsAppliesAndImagesmithCannotAreRefusedBeforeAnyChange() throws Exception {
        writeSources(answers, dir.resolve("work"));
        String text = fullAnswerFile("amd64").replace("<component name=\"Microsoft-Windows-LUA-Settings\"", """
                <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <OfflineIdentification>
                    <Provisioning>
                      <AccountData>ARAIAMzMzMzIAQAAAAAAAAAAAgABAAAAAQAAAAQAAgABAAAA</AccountData>
                    </Provisioning>
                  </OfflineIdentification>
                </component>
                <component name="Microsoft-Windows-LUA-Settings\"""");
        Path file = write("unattend.xml", text);
        TreeMap<String, String> before = TreeDigests.of(root);

        ServicingException e = refused(file);
        assertEquals(ServicingException.NOT_SUPPORTED_OFFLINE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("has 1 setting(s) that Windows applies in the offlineServicing pass and Imagesmith"
                + " cannot apply to an offline image, so nothing was applied"), e.getMessage());
        assertTrue(e.getMessage().contains("  Microsoft-Windows-UnattendedJoin | OfflineIdentification ("
                + position(text, "<OfflineIdentification>") + "): Imagesmith does not apply a djoin provisioning blob"),
                e.getMessage());
        assertFalse(e.getMessage().contains("completed successfully"));
        assertEquals(before, TreeDigests.of(root));

        // /WhatIf lists the plan, and what it would refuse
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO); ServicingSession session = open(servicingLog)) {
            List<String> plan = new UnattendServicing(session).whatIf(file).actions();
            assertTrue(plan.contains("Would refuse Microsoft-Windows-UnattendedJoin | OfflineIdentification ("
                    + position(text, "<OfflineIdentification>") + "): Imagesmith does not apply a djoin provisioning blob"
                    + " yet; run djoin /requestODJ /windowspath on Windows, join in the specialize pass (Identification), or"
                    + " let Windows Setup apply this file"), plan.toString());
            assertTrue(plan.contains("Would apply Microsoft-Windows-LUA-Settings | EnableLUA: HKLM\\SOFTWARE\\Microsoft\\Windows"
                    + "\\CurrentVersion\\Policies\\System: EnableLUA = 0 (REG_DWORD)"), plan.toString());
            assertTrue(plan.get(0).startsWith("Would install the package " + LANGUAGE_PACK.identity() + " from "
                    + answers.resolve("packages")), plan.toString());
            assertTrue(plan.get(0).endsWith("; a language pack, installed before updates)"), plan.get(0));
            assertTrue(plan.contains("Would enable the feature TelnetClient of Microsoft-Windows-Foundation-Package"), plan.toString());
            assertTrue(plan.stream().anyMatch(line -> line.startsWith("Order: Installing the language pack")), plan.toString());
            assertTrue(plan.stream().anyMatch(line -> line.startsWith("Would search the driver path: 2 driver package(s) in "
                    + answers.resolve("drivers"))), plan.toString());
            assertTrue(plan.stream().anyMatch(line -> line.startsWith("Would add the driver ")), plan.toString());
            assertTrue(plan.contains("Would skip the oobeSystem pass (1 component(s), line "
                    + position(text, "<settings pass=\"oobeSystem\"").split(":")[0] + "): /Apply-Unattend applies only the"
                    + " offlineServicing pass; Windows Setup applies oobeSystem."), plan.toString());
        }
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void remoteDesktopIsAllowedOffline() throws Exception {
        Path file = write("rdp.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-TerminalServices-LocalSessionManager" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <fDenyTSConnections>false</fDenyTSConnections>
                    </component>
                  </settings>
                </unattend>
                """);
        UnattendServicing.Result result = apply(file);
        assertEquals(List.of("Applied Microsoft-Windows-TerminalServices-LocalSessionManager | fDenyTSConnections:"
                + " HKLM\\SYSTEM\\ControlSet001\\Control\\Terminal Server: fDenyTSConnections = 0 (REG_DWORD)"), result.actions());
        assertEquals(Optional.of("0"), Hivex.get(root.resolve("Windows/System32/config/SYSTEM"),
                "ControlSet001\\Control\\Terminal Server", "fDenyTSConnections"));
    }

    @Test
    void componentsAndSettingsWindows7DoesNotHaveAreSkippedAndNamedNotRefused() throws Exception {
        String text = AnswerFiles.WINDOWS_10_OFFLINE;
        Path file = write("windows10.xml", text);
        UnattendServicing.Result result = apply(file);

        // Windows 7 has neither the Windows 10 component nor SignInMode: skipped and named, not refused
        assertTrue(result.warnings().contains("The component Microsoft-Windows-SystemSettingsThreshold ("
                + position(text, "<component name=\"Microsoft-Windows-SystemSettingsThreshold") + ") is skipped: the image's"
                + " Windows (Windows 7 / Server 2008 R2) does not have it and skips it; it is in Windows 10 / Server 2016-2022"
                + " and later."), result.warnings().toString());
        assertTrue(result.warnings().contains("Microsoft-Windows-Shell-Setup | SignInMode (" + position(text, "<SignInMode>")
                + ") is skipped: the image's Windows (Windows 7 / Server 2008 R2) does not have it and skips it; it is in"
                + " Windows 10 / Server 2016-2022 and later."), result.warnings().toString());
        assertTrue(result.warnings().stream().noneMatch(w -> w.contains("[not-in-version]")), "said once, by the apply");
        // the rest is applied, as hivexget reads it
        assertEquals(List.of("Applied Microsoft-Windows-LUA-Settings | EnableLUA: HKLM\\SOFTWARE\\Microsoft\\Windows"
                + "\\CurrentVersion\\Policies\\System: EnableLUA = 0 (REG_DWORD)"), result.actions());
        assertEquals(Optional.of("0"), Hivex.get(root.resolve("Windows/System32/config/SOFTWARE"), EnableLua.KEY, "EnableLUA"));
    }

    @Test
    void aWindows7OfflineServicingSettingImagesmithDoesNotApplyIsRefusedNotSkipped() throws Exception {
        // the SAN policy file of Windows To Go: Windows 7 applies it in offlineServicing, Imagesmith does not yet
        String text = AnswerFiles.WINDOWS_10_OFFLINE.replace("<SignInMode>1</SignInMode>", "").replace(
                "name=\"Microsoft-Windows-Shell-Setup\"", "name=\"Microsoft-Windows-PartitionManager\"").replace(
                "</component>\n    <component name=\"Microsoft-Windows-LUA-Settings\"",
                "  <SanPolicy>4</SanPolicy>\n    </component>\n    <component name=\"Microsoft-Windows-LUA-Settings\"");
        assertTrue(text.contains("<SanPolicy>4</SanPolicy>"), text);
        Path file = write("san-policy.xml", text);
        TreeMap<String, String> before = TreeDigests.of(root);

        ServicingException e = refused(file);
        assertEquals(ServicingException.NOT_SUPPORTED_OFFLINE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("  Microsoft-Windows-PartitionManager | SanPolicy (" + position(text, "<SanPolicy>")
                + "): "), e.getMessage());
        assertFalse(e.getMessage().contains("SystemSettingsThreshold"), "a component Windows 7 lacks is no reason to refuse");
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void everyHandledSettingIsMarkedAppliedInTheCatalogAndNoOther() {
        Catalog catalog = Catalog.standard();
        List<String> handled = OfflineSettingHandlers.all().stream().map(h -> h.component() + " | " + h.setting()).sorted().toList();
        List<String> marked = catalog.components().values().stream().flatMap(c -> c.settings().values().stream()
                .filter(SettingDefinition::appliedOffline).map(s -> c.name() + " | " + s.name()))
                .filter(name -> !name.equals(OfflineSettings.PNP + " | DriverPaths")).sorted().toList();
        assertEquals(handled, marked);
    }

    @Test
    void failurePartWayPutsTheWholeImageBack() throws Exception {
        Path file = write("unattend.xml", answerFileFailingPartWay(answers, dir.resolve("work")));
        TreeMap<String, String> before = TreeDigests.of(root);

        ServicingException e = refused(file);
        assertEquals(ServicingException.NOT_APPLICABLE, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("the image was put back as it was"), e.getMessage());
        assertTrue(Files.readString(log).contains("Adding package " + LANGUAGE_PACK.identity()), "the language pack was added first");
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void removeAndStageActions() throws Exception {
        Files.createDirectories(answers.resolve("packages"));
        UPDATE.writeCabinet(dir.resolve("work/kb"), answers.resolve("packages/kb.cab"));
        Path file = write("unattend.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <servicing>
                    <package action="stage">
                      <assemblyIdentity name="Package_for_KB2533623" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="packages/kb.cab"/>
                    </package>
                    <package action="remove">
                      <assemblyIdentity name="Package_for_KB976902" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                    </package>
                  </servicing>
                </unattend>
                """);
        UnattendServicing.Result result = apply(file);
        Map<String, String> packages = packageStates(root);
        assertEquals("Staged", packages.get(UPDATE.identity()));
        assertFalse(packages.containsKey(SyntheticWindowsImage.INSTALLED_UPDATE), packages.toString());
        assertEquals(Optional.of("64"), Hivex.get(root.resolve("Windows/System32/config/SOFTWARE"), CBS + UPDATE.identity(),
                "CurrentState"));
        assertFalse(Hivex.hasKey(root.resolve("Windows/System32/config/SOFTWARE"), CBS + SyntheticWindowsImage.INSTALLED_UPDATE));
        assertEquals(List.of("Removed package " + SyntheticWindowsImage.INSTALLED_UPDATE, "Staged package " + UPDATE.identity()),
                result.actions());
    }

    @Test
    void unknownFeatureAndBadComputerNameAreRefusedBeforeAnyChange() throws Exception {
        writeSources(answers, dir.resolve("work"));
        TreeMap<String, String> before = TreeDigests.of(root);
        String unknownFeature = fullAnswerFile("amd64").replace("name=\"TelnetClient\"", "name=\"TelnetServer\"");
        ServicingException e = refused(write("a.xml", unknownFeature));
        assertEquals(ServicingException.UNKNOWN_FEATURE, e.errorCode());
        assertTrue(e.getMessage().contains(position(unknownFeature, "<package action=\"configure\"") + ": the package"
                + " Microsoft-Windows-Foundation-Package has no feature TelnetServer"), e.getMessage());

        String spaceInName = fullAnswerFile("amd64").replace("Contoso-Lab-01", "Contoso Lab");
        e = refused(write("b.xml", spaceInName));
        assertTrue(e.getMessage().contains(position(spaceInName, "<ComputerName>") + ": error: Microsoft-Windows-Shell-Setup | ComputerName:"
                + " 'Contoso Lab' is not a computer name"), e.getMessage());

        String badName = fullAnswerFile("amd64").replace("Contoso-Lab-01", "Contoso_Lab");
        e = refused(write("c.xml", badName));
        assertTrue(e.getMessage().contains(position(badName, "<ComputerName>") + ": Microsoft-Windows-Shell-Setup | ComputerName"
                + " \"Contoso_Lab\" cannot be a computer name"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }
}
