package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /Apply-Unattend:<file> and /PkgMgr command lines, in process: the same answer file does the same either way. */
class ApplyUnattendCommandTest {
    private static final SyntheticPackage LANGUAGE_PACK = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package",
            "amd64", "fr-FR", SyntheticWindowsImage.VERSION).releaseType("Language Pack")
            .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
    private static final SyntheticPackage UPDATE = SyntheticPackage.update("KB2533623");

    @TempDir
    Path dir;

    private Path answerFile() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        UPDATE.writeCabinetWithGcab(dir.resolve("work/kb"), config.resolve("kb.cab"));
        LANGUAGE_PACK.writeCabinet(dir.resolve("work/lp"), config.resolve("lp.cab"));
        return Files.writeString(config.resolve("unattend.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <servicing>
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB2533623" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="kb.cab"/>
                    </package>
                    <package action="install">
                      <assemblyIdentity name="Microsoft-Windows-Client-LanguagePack-Package" version="6.1.7601.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="fr-FR"/>
                      <source location="lp.cab"/>
                    </package>
                    <package action="configure">
                      <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="6.1.7601.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <selection name="TFTP" state="true"/>
                    </package>
                  </servicing>
                  <settings pass="specialize">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <ComputerName>LATER</ComputerName>
                    </component>
                  </settings>
                </unattend>
                """);
    }

    private static TreeMap<String, String> states(Path root) throws Exception {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            PackageServicing packages = new PackageServicing(session);
            TreeMap<String, String> states = packages.packages().stream().collect(Collectors.toMap(
                    p -> p.identity().toString(), p -> p.state().packageText(), (a, b) -> a, TreeMap::new));
            packages.features(Optional.empty()).forEach(f -> states.put("feature " + f.name(), f.state().featureText()));
            return states;
        }
    }

    @Test
    void applyUnattendAndPkgMgrDoTheSame() throws Exception {
        Path file = answerFile();
        Path dismImage = SyntheticWindowsImage.write(dir.resolve("dism"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path pkgmgrImage = SyntheticWindowsImage.write(dir.resolve("pkgmgr"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path log = dir.resolve("dism.log");

        CliRun dism = CliRun.of("/Image:" + dismImage, "/Apply-Unattend:" + file, "/LogPath:" + log);
        assertEquals(0, dism.exitCode(), dism.err());
        assertTrue(dism.out().contains("Installed package " + LANGUAGE_PACK.identity() + " (Installed)"), dism.out());
        assertTrue(dism.out().contains("Enabled feature TFTP of Microsoft-Windows-Foundation-Package"), dism.out());
        assertTrue(dism.out().contains("The operation completed successfully."), dism.out());
        assertTrue(dism.out().indexOf(LANGUAGE_PACK.identity()) < dism.out().indexOf(UPDATE.identity()), dism.out());
        assertTrue(Files.readString(log).contains("Skipping the specialize pass"));

        CliRun pkgmgr = CliRun.of("/PkgMgr", "/o:" + pkgmgrImage + ";" + pkgmgrImage.resolve("Windows"), "/n:" + file,
                "/l:" + dir.resolve("pkgmgr.log"), "/quiet", "/norestart");
        assertEquals(0, pkgmgr.exitCode(), pkgmgr.err());
        assertEquals(states(dismImage), states(pkgmgrImage));
        assertEquals("Enabled", states(pkgmgrImage).get("feature TFTP"));
        Path software = pkgmgrImage.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing"
                + "\\Packages\\" + LANGUAGE_PACK.identity(), "CurrentState"));
    }

    @Test
    void whatIfSaysWhatWouldChangeAndChangesNothing() throws Exception {
        Path file = answerFile();
        Path image = SyntheticWindowsImage.write(dir.resolve("whatif"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        java.util.Map<String, String> before = tree(image);
        CliRun whatIf = CliRun.of("/Image:" + image, "/Apply-Unattend:" + file, "/WhatIf", "/LogPath:" + dir.resolve("w.log"));
        assertEquals(0, whatIf.exitCode(), whatIf.err());
        assertTrue(whatIf.out().contains("What if: nothing is changed."), whatIf.out());
        assertTrue(whatIf.out().contains("Would install the package " + LANGUAGE_PACK.identity()), whatIf.out());
        assertTrue(whatIf.out().contains("Would enable the feature TFTP of Microsoft-Windows-Foundation-Package"),
                whatIf.out());
        assertTrue(whatIf.out().indexOf(LANGUAGE_PACK.identity()) < whatIf.out().indexOf(UPDATE.identity()), whatIf.out());
        assertEquals(before, tree(image), "/WhatIf changes nothing in the image");
    }

    /** Every file of an image with its SHA-1. */
    private static java.util.Map<String, String> tree(Path root) throws Exception {
        java.util.Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(f))));
            }
        }
        return files;
    }

    @Test
    void pkgmgrInstallAndFeatureSwitchesMatchDismCommands() throws Exception {
        Path cab = UPDATE.writeCabinet(dir.resolve("work"), dir.resolve("kb.cab"));
        Path dismImage = SyntheticWindowsImage.write(dir.resolve("dism"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path pkgmgrImage = SyntheticWindowsImage.write(dir.resolve("pkgmgr"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path log = dir.resolve("log.txt");
        String offline = "/o:" + pkgmgrImage + ";" + pkgmgrImage.resolve("Windows");

        assertEquals(0, CliRun.of("/Image:" + dismImage, "/Add-Package", "/PackagePath:" + cab, "/LogPath:" + log).exitCode());
        assertEquals(0, CliRun.of("/Image:" + dismImage, "/Enable-Feature", "/FeatureName:TelnetClient", "/LogPath:" + log).exitCode());
        assertEquals(0, CliRun.of("/Image:" + dismImage, "/Disable-Feature", "/FeatureName:MediaPlayback", "/LogPath:" + log).exitCode());
        assertEquals(0, CliRun.of("/Image:" + dismImage, "/Remove-Package", "/PackageName:" + SyntheticWindowsImage.INSTALLED_UPDATE,
                "/LogPath:" + log).exitCode());

        assertEquals(0, CliRun.of("/PkgMgr", "/ip", "/m:" + cab, offline, "/l:" + log).exitCode());
        assertEquals(0, CliRun.of("/PkgMgr", "/iu:TelnetClient", offline, "/l:" + log).exitCode());
        assertEquals(0, CliRun.of("/PkgMgr", "/uu:MediaPlayback", offline, "/l:" + log).exitCode());
        CliRun up = CliRun.of("/PkgMgr", "/up:" + SyntheticWindowsImage.INSTALLED_UPDATE, offline, "/l:" + log);
        assertEquals(0, up.exitCode(), up.err());
        assertTrue(up.out().contains("Removed package " + SyntheticWindowsImage.INSTALLED_UPDATE), up.out());

        assertEquals(states(dismImage), states(pkgmgrImage));
    }

    @Test
    void errorsAndExitCodes() throws Exception {
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path log = dir.resolve("log.txt");
        CliRun noValue = CliRun.of("/Image:" + image, "/Apply-Unattend", "/LogPath:" + log);
        assertEquals(87, noValue.exitCode());
        assertTrue(noValue.err().contains("/Apply-Unattend"), noValue.err());

        CliRun missing = CliRun.of("/Image:" + image, "/Apply-Unattend:" + dir.resolve("none.xml"), "/LogPath:" + log);
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("Error: 2") && missing.err().contains("does not exist"), missing.err());

        Path bad = Files.writeString(dir.resolve("bad.xml"), """
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <servicing>
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB1" version="6.1.1.1" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="kb1.cab"/>
                    </package>
                  </servicing>
                </unattend>
                """);
        CliRun refused = CliRun.of("/Image:" + image, "/Apply-Unattend:" + bad, "/LogPath:" + log);
        assertEquals(13, refused.exitCode());
        assertTrue(refused.err().contains("4:7: error: the package Package_for_KB1 is for processorArchitecture=\"x86\""), refused.err());
        assertTrue(refused.err().contains("5:7: error: the source of Package_for_KB1 does not exist"), refused.err());

        CliRun unknown = CliRun.of("/PkgMgr", "/ip", "/m:x.cab", "/o:" + image + ";" + image.resolve("Windows"), "/x:1");
        assertEquals(87, unknown.exitCode());
        assertTrue(unknown.err().contains("/x"), unknown.err());
        CliRun online = CliRun.of("/PkgMgr", "/iu:TelnetClient");
        assertEquals(87, online.exitCode());
        assertTrue(online.err().contains("offline images only"), online.err());
    }

    @Test
    void generatorTemplateAppliesUacOffAndSaysWhatItSkipped() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("config")).resolve("generated.xml"),
                AnswerFiles.GENERATED_TEMPLATE);
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);

        CliRun run = CliRun.of("/Image:" + image, "/Apply-Unattend:" + file, "/LogPath:" + dir.resolve("dism.log"));
        assertEquals(0, run.exitCode(), run.err());
        String all = run.out() + run.err();
        assertTrue(all.contains("Applied Microsoft-Windows-LUA-Settings | EnableLUA"), all);
        assertTrue(all.contains("Microsoft-Windows-LUA-Settings (x86, line 24)"), all);
        assertTrue(all.contains("(in the oobeSystem pass, which /Apply-Unattend does not apply)"), all);
        assertTrue(run.out().contains("The operation completed successfully."), run.out());
        assertEquals(Optional.of("0"), Hivex.get(image.resolve("Windows/System32/config/SOFTWARE"),
                "Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableLUA"));
    }

    @Test
    void offlineAccountsAreRefusedNeverReportedAsDone() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("config")).resolve("accounts.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-LUA-Settings" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <EnableLUA>false</EnableLUA>
                    </component>
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <OfflineUserAccounts>
                        <OfflineLocalAccounts>
                          <LocalAccount xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" wcm:action="add">
                            <Name>labadmin</Name>
                            <Group>Administrators</Group>
                            <Password><Value>Secret-1</Value><PlainText>true</PlainText></Password>
                          </LocalAccount>
                        </OfflineLocalAccounts>
                      </OfflineUserAccounts>
                    </component>
                  </settings>
                </unattend>
                """);
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        java.util.Map<String, String> before = tree(image);

        CliRun whatIf = CliRun.of("/Image:" + image, "/Apply-Unattend:" + file, "/WhatIf", "/LogPath:" + dir.resolve("w.log"));
        assertTrue(whatIf.out().contains("Would apply Microsoft-Windows-LUA-Settings | EnableLUA: HKLM\\SOFTWARE\\Microsoft"
                + "\\Windows\\CurrentVersion\\Policies\\System: EnableLUA = 0 (REG_DWORD)"), whatIf.out());
        assertTrue(whatIf.out().contains("Would refuse Microsoft-Windows-Shell-Setup | OfflineUserAccounts (8:7)"), whatIf.out());

        CliRun run = CliRun.of("/Image:" + image, "/Apply-Unattend:" + file, "/LogPath:" + dir.resolve("dism.log"));
        assertEquals(0x2f, run.exitCode(), "the low byte of 0x800f082f: " + run.err());
        assertTrue(run.err().contains("Microsoft-Windows-Shell-Setup | OfflineUserAccounts (8:7): Imagesmith does not write"
                + " accounts"), run.err());
        assertTrue(!run.out().contains("completed successfully") && !run.err().contains("completed successfully"), run.out());
        assertTrue(!run.err().contains("Exception"), run.err());
        assertEquals(before, tree(image), "nothing changed, not even the EnableLUA the file also holds");
    }
}
