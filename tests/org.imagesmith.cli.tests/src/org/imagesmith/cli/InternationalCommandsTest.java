package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticInternationalSettings;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /Get-Intl, the international /Set- commands and /Gen-LangIni on a synthetic en-US Windows 7 image. */
class InternationalCommandsTest {
    @TempDir
    Path dir;
    Path image;
    Path log;


    @BeforeEach
    void makeImage() throws IOException {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticInternationalSettings.addTo(image);
        log = dir.resolve("dism.log");
    }

    private CliRun run(String... args) {
        return CliRun.onImage(image, log, args);
    }

    @Test
    void getIntlPrintsDismsLayout() {
        CliRun run = run("/Get-Intl");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Image Version: 6.1.7601.17514\n\nReporting offline international settings.\n\n"
                + "Default system UI language : en-US\nSystem locale : en-US\nDefault time zone : Pacific Standard Time\n"
                + "User locale for default user : en-US\nActive keyboard(s) : 0409:00000409\n"
                + "Keyboard layered driver : PC/AT Enhanced Keyboard (101/102-Key)\n\n"
                + "Installed language(s): en-US\n  Type : Fully localized language.\n\n"
                + "The operation completed successfully.\n"), run.out());
    }

    @Test
    void setCommandsChangeTheImageAndGetIntlShowsIt() {
        Path system = image.resolve("Windows/System32/config/SYSTEM");
        Path user = image.resolve("Users/Default/NTUSER.DAT");
        for (String[] command : List.of(new String[] {"/Set-SysLocale:de-DE"}, new String[] {"/Set-UserLocale:fr-FR"},
                new String[] {"/Set-InputLocale:0407:00000407;0409:00000409"},
                new String[] {"/Set-TimeZone:W. Europe Standard Time"}, new String[] {"/Set-LayeredDriver:6"})) {
            CliRun run = run(command);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().endsWith("The operation completed successfully.\n"), run.out());
        }
        CliRun get = run("/Get-Intl");
        assertTrue(get.out().contains("System locale : de-DE\nDefault time zone : W. Europe Standard Time\n"
                + "User locale for default user : fr-FR\nActive keyboard(s) : 0407:00000407, 0409:00000409\n"
                + "Keyboard layered driver : Japanese Keyboard (106/109 Key)\n"), get.out());
        assertEquals(Optional.of("00000407"), Hivex.get(system, "ControlSet001\\Control\\Nls\\Locale", "@"));
        assertEquals(Optional.of("W. Europe Standard Time"),
                Hivex.get(system, "ControlSet001\\Control\\TimeZoneInformation", "TimeZoneKeyName"));
        assertEquals(Optional.of("fr-FR"), Hivex.get(user, "Control Panel\\International", "LocaleName"));
        assertEquals(Optional.of("00000409"), Hivex.get(user, "Keyboard Layout\\Preload", "2"));
    }

    @Test
    void badValuesExit87AndSayWhatIsValid() throws IOException {
        byte[] system = Files.readAllBytes(image.resolve("Windows/System32/config/SYSTEM"));
        byte[] user = Files.readAllBytes(image.resolve("Users/Default/NTUSER.DAT"));
        CliRun ui = run("/Set-UILang:ja-JP");
        assertEquals(87, ui.exitCode());
        assertTrue(ui.err().contains("Error: 87") && ui.err().contains("not installed in the image"), ui.err());
        CliRun zone = run("/Set-TimeZone:Moon Time");
        assertEquals(87, zone.exitCode());
        assertTrue(zone.err().contains("\"Pacific Standard Time\""), zone.err());
        CliRun driver = run("/Set-LayeredDriver:9");
        assertEquals(87, driver.exitCode());
        assertTrue(driver.err().contains("1 = PC/AT Enhanced Keyboard"), driver.err());
        CliRun locale = run("/Set-SysLocale:english");
        assertEquals(87, locale.exitCode());
        assertTrue(locale.err().contains("such as en-US"), locale.err());
        CliRun empty = run("/Set-UserLocale");
        assertEquals(87, empty.exitCode());
        assertTrue(empty.err().contains("/Set-UserLocale needs a value"), empty.err());
        assertTrue(java.util.Arrays.equals(system, Files.readAllBytes(image.resolve("Windows/System32/config/SYSTEM"))));
        assertTrue(java.util.Arrays.equals(user, Files.readAllBytes(image.resolve("Users/Default/NTUSER.DAT"))));
    }

    @Test
    void languagePackThenSkuDefaultsThenLangIni() throws IOException {
        SyntheticPackage lp = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", "amd64", "fr-FR",
                SyntheticWindowsImage.VERSION).releaseType("Language Pack")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
        Path cab = lp.writeCabinetWithGcab(dir.resolve("lp"), dir.resolve("lp.cab"));
        assertEquals(0, run("/Add-Package", "/PackagePath:" + cab).exitCode());
        CliRun sku = run("/Set-SKUIntlDefaults:fr-FR");
        assertEquals(0, sku.exitCode(), sku.err());
        CliRun get = run("/Get-Intl");
        assertTrue(get.out().contains("Default system UI language : fr-FR\nSystem locale : fr-FR\n"
                + "Default time zone : Romance Standard Time\nUser locale for default user : fr-FR\n"
                + "Active keyboard(s) : 040c:0000040c\n"), get.out());
        assertTrue(get.out().contains("Installed language(s): en-US\n  Type : Fully localized language.\n"
                + "Installed language(s): fr-FR\n  Type : Fully localized language.\n"), get.out());

        Path distribution = Files.createDirectories(dir.resolve("dvd/sources")).getParent();
        CliRun gen = run("/Gen-LangIni", "/Distribution:" + distribution);
        assertEquals(0, gen.exitCode(), gen.err());
        assertEquals("[Available UI Languages]\r\nfr-FR = 3\r\nen-US = 2\r\n\r\n[Fallback Languages]\r\nfr-FR = en-us\r\n"
                + "en-US = en-us\r\n", Files.readString(distribution.resolve("sources/lang.ini")));
        CliRun setup = run("/Set-SetupUILang:en-US", "/Distribution:" + distribution);
        assertEquals(0, setup.exitCode(), setup.err());
        CliRun withDistribution = run("/Get-Intl", "/Distribution:" + distribution);
        assertTrue(withDistribution.out().contains("Reporting distribution languages.\n\nThe default language in the"
                + " distribution is:\nen-US\n\nThe other available languages in the distribution are:\nfr-FR\n"),
                withDistribution.out());
        CliRun noDistribution = run("/Gen-LangIni");
        assertEquals(87, noDistribution.exitCode());
        assertTrue(noDistribution.err().contains("/Distribution is missing"), noDistribution.err());
    }
}
