package org.imagesmith.servicing.international;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.packages.CbsRegistry;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticInternationalSettings;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * International settings of a synthetic en-US Windows 7 SP1 x64 image: every change is read back through our own
 * settings and through hivexget on the saved SYSTEM hive and default user's NTUSER.DAT.
 */
class InternationalServicingTest {
    private static final String CONTROL = "ControlSet001\\Control\\";

    @TempDir
    Path dir;
    Path root;
    Path system;
    Path user;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticInternationalSettings.addTo(root);
        system = root.resolve("Windows/System32/config/SYSTEM");
        user = root.resolve("Users/Default/NTUSER.DAT");
    }

    private ServicingSession open() throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.of(dir));
    }

    private interface Action {
        void run(InternationalServicing international) throws ServicingException;
    }

    private void change(Action action) throws ServicingException {
        try (ServicingSession session = open()) {
            action.run(new InternationalServicing(session));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private InternationalSettings settings() throws Exception {
        try (ServicingSession session = open()) {
            return new InternationalServicing(session).settings();
        }
    }

    /** Runs an action that must fail with 87, and checks that no file of the image changed. */
    private ServicingException refused(Action action) throws IOException {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> change(action));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode(), e.getMessage());
        assertEquals(before, TreeDigests.of(root), "a refused change left the image changed");
        return e;
    }

    private void addLanguagePack(String language) throws Exception {
        SyntheticPackage lp = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", "amd64", language,
                SyntheticWindowsImage.VERSION).releaseType("Language Pack")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
        Path folder = lp.writeFolder(dir.resolve("lp-" + language));
        try (ServicingSession session = open()) {
            new PackageServicing(session).add(PackageSource.open(folder, session.scratch()),
                    new PackageServicing.AddOptions(false, false));
        }
    }

    /** Removing the package must fail with CBS_E_CANNOT_UNINSTALL and leave every file of the image as it was. */
    private ServicingException removalRefused(PackageIdentity identity) throws IOException {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> {
            try (ServicingSession session = open()) {
                new PackageServicing(session).remove(identity);
            }
        });
        assertEquals(ServicingException.CANNOT_UNINSTALL, e.errorCode(), e.getMessage());
        assertEquals("0x800f0825", e.errorCodeText());
        assertEquals(before, TreeDigests.of(root), "a refused removal left the image changed");
        return e;
    }

    @Test
    void theLanguagePacksOfTheUiLanguageAndItsFallbackStay() throws Exception {
        PackageIdentity english = PackageIdentity.parse(SyntheticWindowsImage.LANGUAGE_PACK);
        ServicingException e = removalRefused(english);
        assertTrue(e.getMessage().contains("en-US is the default UI language") && e.getMessage().contains("/Set-UILang"),
                e.getMessage());

        addLanguagePack("de-DE");
        change(i -> i.setUiLanguage("de-DE"));
        change(i -> i.setUiLanguageFallback("en-US"));
        e = removalRefused(english);
        assertTrue(e.getMessage().contains("en-US is the UI language fallback") && e.getMessage().contains("/Set-UILangFallback"),
                e.getMessage());

        change(i -> i.setUiLanguageFallback("de-DE"));
        try (ServicingSession session = open()) {
            new PackageServicing(session).remove(english);
        }
        assertEquals(List.of("de-DE"), settings().installedLanguages().stream().map(InstalledLanguage::tag).toList());
        assertFalse(Hivex.hasKey(root.resolve("Windows/System32/config/SOFTWARE"),
                CbsRegistry.PACKAGES + "\\" + SyntheticWindowsImage.LANGUAGE_PACK), "en-US is gone");
        PackageIdentity german = settings().installedLanguages().stream().map(l -> PackageIdentity.parse(l.packageIdentity()))
                .findFirst().orElseThrow();
        removalRefused(german);
    }

    @Test
    void theLastLanguageStays() throws Exception {
        Hive hive = Hive.open(system);
        hive.root().deleteKey(CONTROL + "Nls\\Language");
        hive.save(system);
        assertEquals(Optional.empty(), settings().uiLanguage(), "the image names no UI language now");
        ServicingException e = removalRefused(PackageIdentity.parse(SyntheticWindowsImage.LANGUAGE_PACK));
        assertTrue(e.getMessage().contains("en-US is the last language of the image"), e.getMessage());
    }

    @Test
    void readsTheSettingsOfAFreshImage() throws Exception {
        InternationalSettings s = settings();
        assertEquals(Optional.of("en-US"), s.uiLanguage());
        assertEquals(Optional.of("en-US"), s.systemLocale());
        assertEquals(Optional.of("Pacific Standard Time"), s.timeZone());
        assertEquals(Optional.of("en-US"), s.userLocale());
        assertEquals(List.of(new InputLocale(0x409, 0x409)), s.inputLocales());
        assertEquals(Optional.empty(), s.layeredDriver());
        assertEquals(1, s.installedLanguages().size());
        assertEquals("en-US", s.installedLanguages().get(0).tag());
        assertEquals("Fully localized language.", s.installedLanguages().get(0).typeText());
    }

    @Test
    void aUiLanguageNeedsItsLanguagePack() throws Exception {
        ServicingException e = refused(i -> i.setUiLanguage("de-DE"));
        assertTrue(e.getMessage().contains("de-DE") && e.getMessage().contains("not installed")
                && e.getMessage().contains("Installed languages: en-US"), e.getMessage());

        addLanguagePack("de-DE");
        assertEquals(List.of("de-DE", "en-US"), settings().installedLanguages().stream().map(InstalledLanguage::tag).toList());
        change(i -> i.setUiLanguage("de-de"));
        assertEquals(Optional.of("de-DE"), settings().uiLanguage());
        assertEquals(Optional.of("0407"), Hivex.get(system, CONTROL + "Nls\\Language", "InstallLanguage"));
        assertEquals(Optional.of("0407"), Hivex.get(system, CONTROL + "Nls\\Language", "Default"));
        assertEquals(Optional.of("1031"), Hivex.get(system, CONTROL + "MUI\\UILanguages\\de-DE", "LCID"));
        assertEquals(Optional.of("de-DE"), Hivex.get(user, "Control Panel\\Desktop", "PreferredUILanguages"));
        assertEquals(Optional.of("de-DE"), Hivex.get(user, "Control Panel\\Desktop\\MuiCached", "MachinePreferredUILanguages"));

        change(i -> i.setUiLanguageFallback("en-US"));
        assertEquals(List.of("en-US"), settings().uiLanguageFallback());
        assertEquals(Optional.of("en-US"), Hivex.get(system, CONTROL + "Nls\\Language", "InstallLanguageFallback"));
    }

    @Test
    void systemAndUserLocales() throws Exception {
        change(i -> i.setSystemLocale("ja-JP"));
        change(i -> i.setUserLocale("fr-CA"));
        InternationalSettings s = settings();
        assertEquals(Optional.of("ja-JP"), s.systemLocale());
        assertEquals(Optional.of("fr-CA"), s.userLocale());
        assertEquals(Optional.of("00000411"), Hivex.get(system, CONTROL + "Nls\\Locale", "@"));
        assertEquals(Optional.of("00000c0c"), Hivex.get(user, "Control Panel\\International", "Locale"));
        assertEquals(Optional.of("fr-CA"), Hivex.get(user, "Control Panel\\International", "LocaleName"));
        assertEquals(Optional.of("en-US"), s.uiLanguage(), "the UI language is left alone");
    }

    @Test
    void inputLocalesArePairsOrTags() throws Exception {
        change(i -> i.setInputLocales("0409:00000809; de-DE ;0409:00020409"));
        assertEquals(List.of(new InputLocale(0x409, 0x809), new InputLocale(0x407, 0x407), new InputLocale(0x409, 0x20409)),
                settings().inputLocales());
        assertEquals(Optional.of("d0010409"), Hivex.get(user, "Keyboard Layout\\Preload", "1"));
        assertEquals(Optional.of("00000407"), Hivex.get(user, "Keyboard Layout\\Preload", "2"));
        assertEquals(Optional.of("d0020409"), Hivex.get(user, "Keyboard Layout\\Preload", "3"));
        assertEquals(Optional.of("00000809"), Hivex.get(user, "Keyboard Layout\\Substitutes", "d0010409"));
        assertEquals(Optional.of("00020409"), Hivex.get(user, "Keyboard Layout\\Substitutes", "d0020409"));
        assertEquals("0409:00000809", new InputLocale(0x409, 0x809).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0409:12345678", "9999:00000409", "xx-YY", "0409:00000419", "0411:{03B5835F-F03C-411B-9CE2-AA23E1171E36}",
            ";", "0409-00000409"})
    void badInputLocalesAreRefused(String value) throws Exception {
        ServicingException e = refused(i -> i.setInputLocales(value));
        assertTrue(e.getMessage().length() > 40, e.getMessage());
    }

    @Test
    void aLayoutTheImageDoesNotHaveIsRefusedWithItsName() throws Exception {
        ServicingException e = refused(i -> i.setInputLocales("0419:00000419"));
        assertTrue(e.getMessage().contains("00000419 (Russian)") && e.getMessage().contains("not installed"), e.getMessage());
    }

    @Test
    void timeZoneComesFromTheImagesTimeZonesKey() throws Exception {
        change(i -> i.setTimeZone("\"W. Europe Standard Time\""));
        assertEquals(Optional.of("W. Europe Standard Time"), settings().timeZone());
        String tzi = CONTROL + "TimeZoneInformation";
        assertEquals(Optional.of("W. Europe Standard Time"), Hivex.get(system, tzi, "TimeZoneKeyName"));
        assertEquals(Optional.of("-60"), Hivex.get(system, tzi, "Bias"));
        assertEquals(Optional.of("-60"), Hivex.get(system, tzi, "DaylightBias"));
        assertEquals(Optional.of("@tzres.dll,-322"), Hivex.get(system, tzi, "StandardName"));
        assertEquals(Optional.of("@tzres.dll,-321"), Hivex.get(system, tzi, "DaylightName"));
    }

    @Test
    void timeZoneWithoutImageDataGetsItsBiasFromTheTable() throws Exception {
        change(i -> i.setTimeZone("tokyo standard time"));
        String tzi = CONTROL + "TimeZoneInformation";
        assertEquals(Optional.of("Tokyo Standard Time"), Hivex.get(system, tzi, "TimeZoneKeyName"));
        assertEquals(Optional.of("-540"), Hivex.get(system, tzi, "Bias"));
        assertEquals(Optional.of("0"), Hivex.get(system, tzi, "DaylightBias"));
        assertEquals(Optional.of("Tokyo Standard Time"), Hivex.get(system, tzi, "StandardName"));
        ServicingException e = refused(i -> i.setTimeZone("Mars Standard Time"));
        assertTrue(e.getMessage().contains("Pacific Standard Time"), e.getMessage());
    }

    @Test
    void layeredDriver() throws Exception {
        change(i -> i.setLayeredDriver("6"));
        assertEquals(Optional.of(LayeredDriver.JAPANESE_106_109), settings().layeredDriver());
        String parameters = "ControlSet001\\Services\\i8042prt\\Parameters";
        assertEquals(Optional.of("kbd106.dll"), Hivex.get(system, parameters, "LayerDriver JPN"));
        assertEquals(Optional.of("PCAT_106KEY"), Hivex.get(system, parameters, "OverrideKeyboardIdentifier"));
        assertEquals(Optional.of("7"), Hivex.get(system, parameters, "OverrideKeyboardType"));
        change(i -> i.setLayeredDriver("2"));
        assertEquals(Optional.empty(), Hivex.get(system, parameters, "LayerDriver JPN"));
        assertEquals(Optional.of("kbd101a.dll"), Hivex.get(system, parameters, "LayerDriver KOR"));
        for (String bad : List.of("0", "7", "one", "")) {
            ServicingException e = refused(i -> i.setLayeredDriver(bad));
            assertTrue(e.getMessage().contains("6 = Japanese Keyboard (106/109 Key)"), e.getMessage());
        }
    }

    @Test
    void skuDefaultsAndAllIntl() throws Exception {
        refused(i -> i.setSkuDefaults("de-DE"));
        addLanguagePack("de-DE");
        change(i -> i.setSkuDefaults("de-DE"));
        InternationalSettings s = settings();
        assertEquals(Optional.of("de-DE"), s.uiLanguage());
        assertEquals(Optional.of("de-DE"), s.systemLocale());
        assertEquals(Optional.of("de-DE"), s.userLocale());
        assertEquals(Optional.of("W. Europe Standard Time"), s.timeZone());
        assertEquals(List.of(new InputLocale(0x407, 0x407)), s.inputLocales());
        assertEquals(Optional.of("00000407"), Hivex.get(system, CONTROL + "Nls\\Locale", "@"));

        change(i -> i.setAll("en-US"));
        s = settings();
        assertEquals(Optional.of("en-US"), s.uiLanguage());
        assertEquals(Optional.of("en-US"), s.userLocale());
        assertEquals(Optional.of("W. Europe Standard Time"), s.timeZone(), "/Set-AllIntl leaves the time zone");
        assertEquals(Optional.of("00000409"), Hivex.get(user, "Keyboard Layout\\Preload", "1"));
    }

    @Test
    void aUserSettingWithoutADefaultUserProfileFails() throws Exception {
        Files.delete(user);
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> change(i -> i.setUserLocale("de-DE")));
        assertEquals(ServicingException.FILE_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("Users\\Default\\NTUSER.DAT"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
        assertEquals(Optional.empty(), settings().userLocale());
    }

    @Test
    void langIniOfADistribution() throws Exception {
        addLanguagePack("de-DE");
        Path distribution = Files.createDirectories(dir.resolve("dvd"));
        Files.createDirectories(distribution.resolve("sources"));
        Files.createDirectories(distribution.resolve("langpacks/fr-FR"));
        Files.writeString(distribution.resolve("langpacks/fr-FR/lp.cab"), "MSCF");
        Files.createDirectories(distribution.resolve("langpacks/empty"));
        change(i -> i.generateLangIni(distribution));
        Path ini = distribution.resolve("sources/lang.ini");
        assertEquals("[Available UI Languages]\r\nen-US = 3\r\nde-DE = 2\r\nfr-FR = 0\r\n\r\n[Fallback Languages]\r\n"
                + "en-US = en-us\r\nde-DE = en-us\r\nfr-FR = en-us\r\n", Files.readString(ini, StandardCharsets.UTF_8));

        change(i -> i.setSetupUiLanguage("de-de", distribution));
        LangIni read = LangIni.parse(Files.readString(ini));
        assertEquals(Optional.of("de-DE"), read.defaultLanguage());
        assertEquals(List.of("en-US", "fr-FR"), read.otherLanguages());
        var before = TreeDigests.of(distribution);
        refused(i -> i.setSetupUiLanguage("ja-JP", distribution));
        assertEquals(before, TreeDigests.of(distribution));
    }

    @Test
    void theTablesAreCompleteAndConsistent() {
        NlsData data = NlsData.load();
        assertTrue(data.locales().size() > 200, "locales: " + data.locales().size());
        assertTrue(data.timeZones().size() > 100, "time zones: " + data.timeZones().size());
        long languagePacks = data.locales().stream().filter(NlsLocale::hasLanguagePackDefaults).count();
        assertEquals(37, languagePacks, "Windows 7 ships 36 language packs plus en-US");
        for (NlsLocale locale : data.locales()) {
            locale.defaultTimeZone().ifPresent(z -> assertTrue(data.timeZone(z).isPresent(), locale.tag() + ": " + z));
            locale.defaultKeyboard().ifPresent(k -> assertTrue(data.keyboard(k).isPresent(), locale.tag() + ": " + k));
        }
        assertEquals(0x0c0a, data.locale("ES-es").orElseThrow().lcid());
        assertEquals("en-US", data.localeOf(0x409).orElseThrow().tag());
        assertEquals(480, data.timeZone("Pacific Standard Time").orElseThrow().bias());
        assertEquals(-330, data.timeZone("India Standard Time").orElseThrow().bias());
        assertEquals(new InputLocale(0x413, 0x20409), data.defaultInputLocale(data.locale("nl-NL").orElseThrow()));
        assertEquals(new InputLocale(0x436, 0x409), data.defaultInputLocale(data.locale("af-ZA").orElseThrow()));
    }

    @Test
    void langIniParserNamesTheBadLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LangIni.parse("[Available UI Languages]\nen-US = 3\nde-DE = x\n"));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
