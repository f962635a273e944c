package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A realistic answer file for the synthetic Windows 7 SP1 image ({@link SyntheticWindowsImage}) and the sources it
 * names: its offlineServicing pass installs a language pack, updates from a cabinet, an .msu and a folder (listing
 * an update before the language pack), switches features, adds two drivers through DriverPaths, sets the computer
 * name and turns User Account Control off (EnableLUA); other passes hold settings /Apply-Unattend skips.
 */
public final class Windows7AnswerFile {
    public static final SyntheticPackage LANGUAGE_PACK = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package",
            "amd64", "de-DE", SyntheticWindowsImage.VERSION).releaseType("Language Pack")
            .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
    public static final SyntheticPackage UPDATE = SyntheticPackage.update("KB2533623").withLanguageResources();
    public static final SyntheticPackage MSU_UPDATE = SyntheticPackage.update("KB2670838");
    public static final SyntheticPackage FEATURE_PACK = SyntheticPackage.update("KB982861").feature("InternetExplorer9", "IE 9");

    private Windows7AnswerFile() {
    }

    /** Writes the packages and drivers a full answer file uses, beside it. */
    public static void writeSources(Path answers, Path work) throws IOException {
        Files.createDirectories(answers.resolve("packages"));
        LANGUAGE_PACK.writeCabinetWithGcab(work.resolve("lp"), answers.resolve("packages/lp.cab"));
        UPDATE.writeCabinet(work.resolve("kb"), answers.resolve("packages/Windows6.1-KB2533623-x64.cab"));
        MSU_UPDATE.writeMsu(Files.createDirectories(work.resolve("msu")), answers.resolve("packages/Windows6.1-KB2670838-x64.msu"));
        FEATURE_PACK.writeFolder(answers.resolve("packages/ie9"));
        SyntheticDriver.network("contosonet").write(answers.resolve("drivers/net/contoso"));
        SyntheticDriver.storage("contososcsi").write(answers.resolve("drivers/storage/deep/contoso"));
    }

    /** An answer file listing the update before the language pack, with features, drivers and offline settings. */
    public static String text(String architecture) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                  <servicing>
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB2533623" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="packages\\Windows6.1-KB2533623-x64.cab"/>
                    </package>
                    <package action="install">
                      <assemblyIdentity name="Microsoft-Windows-Client-LanguagePack-Package" version="6.1.7601.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="de-DE"/>
                      <source location="%configsetroot%\\packages\\lp.cab"/>
                    </package>
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB2670838" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="packages/Windows6.1-KB2670838-x64.msu"/>
                    </package>
                    <package action="install">
                      <assemblyIdentity name="Package_for_KB982861" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <source location="packages\\ie9"/>
                      <selection name="InternetExplorer9" state="true"/>
                    </package>
                    <package action="configure">
                      <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="6.1.7601.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                      <selection name="TelnetClient" state="true"/>
                      <selection name="MediaPlayback" state="false"/>
                    </package>
                  </servicing>
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-PnpCustomizationsNonWinPE" processorArchitecture="ARCH" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <DriverPaths>
                        <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                          <Path>drivers</Path>
                        </PathAndCredentials>
                      </DriverPaths>
                    </component>
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="ARCH" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <ComputerName>Contoso-Lab-01</ComputerName>
                    </component>
                    <component name="Microsoft-Windows-LUA-Settings" processorArchitecture="ARCH" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <EnableLUA>false</EnableLUA>
                    </component>
                  </settings>
                  <settings pass="oobeSystem">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="ARCH" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <TimeZone>W. Europe Standard Time</TimeZone>
                    </component>
                  </settings>
                </unattend>
                """.replace("ARCH", architecture);
    }
}
