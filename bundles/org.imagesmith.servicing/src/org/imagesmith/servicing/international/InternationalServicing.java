package org.imagesmith.servicing.international;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageManifest;
import org.imagesmith.servicing.packages.PackageServicing;

/**
 * The international settings of an offline image, where Windows 7 keeps them. In the SYSTEM hive's control set:
 * Control\Nls\Language (Default and InstallLanguage: the default system UI language; InstallLanguageFallback),
 * Control\Nls\Locale (its default value: the system locale), Control\TimeZoneInformation (the default time zone),
 * Control\MUI\UILanguages (the installed UI languages), Control\Keyboard Layouts (the layouts the image has) and
 * Services\i8042prt\Parameters (the keyboard layered driver). In the default user's NTUSER.DAT: Control
 * Panel\International (Locale, LocaleName: the user locale), Keyboard Layout\Preload and Substitutes (the input
 * locales) and Control Panel\Desktop (PreferredUILanguages, MuiCached\MachinePreferredUILanguages).
 *
 * <p>Every value is checked before anything changes; a command that fails leaves the image as it was.
 */
public final class InternationalServicing {
    static final String COMPONENT = "DISM International";
    static final String NLS_LANGUAGE = "Control\\Nls\\Language";
    static final String NLS_LOCALE = "Control\\Nls\\Locale";
    static final String TIME_ZONE_INFORMATION = "Control\\TimeZoneInformation";
    static final String UI_LANGUAGES = "Control\\MUI\\UILanguages";
    static final String KEYBOARD_LAYOUTS = "Control\\Keyboard Layouts";
    static final String I8042PRT = "Services\\i8042prt\\Parameters";
    static final String TIME_ZONES = "Microsoft\\Windows NT\\CurrentVersion\\Time Zones";
    static final String USER_INTERNATIONAL = "Control Panel\\International";
    static final String USER_DESKTOP = "Control Panel\\Desktop";
    static final String USER_PRELOAD = "Keyboard Layout\\Preload";
    static final String USER_SUBSTITUTES = "Keyboard Layout\\Substitutes";
    private static final Pattern INPUT_PAIR = Pattern.compile("([0-9A-Fa-f]{4}):([0-9A-Fa-f]{8})");
    private static final Pattern TEXT_SERVICE = Pattern.compile("[0-9A-Fa-f]{4}:\\{.*");
    private static final String FALLBACK_LANGUAGE = "en-us";

    private final ServicingSession session;
    private final NlsData data;
    private final String controlSet;

    public InternationalServicing(ServicingSession session) {
        this.session = session;
        this.data = NlsData.load();
        this.controlSet = ControlSets.current(session.system());
    }

    // ---------------------------------------------------------------- reading

    /** The settings /Get-Intl reports. */
    public InternationalSettings settings() throws ServicingException {
        Hive system = session.system();
        Optional<String> ui = string(system, cs(NLS_LANGUAGE), "Default").or(() -> string(system, cs(NLS_LANGUAGE),
                "InstallLanguage")).map(this::tagOfLanguageId);
        List<String> fallback = multi(system, cs(NLS_LANGUAGE), "InstallLanguageFallback");
        Optional<String> systemLocale = string(system, cs(NLS_LOCALE), "").map(this::tagOfLanguageId);
        Optional<String> zone = string(system, cs(TIME_ZONE_INFORMATION), "TimeZoneKeyName")
                .or(() -> string(system, cs(TIME_ZONE_INFORMATION), "StandardName"));
        Optional<LayeredDriver> driver = string(system, cs(I8042PRT), "OverrideKeyboardIdentifier")
                .flatMap(LayeredDriver::ofIdentifier);
        Optional<String> userLocale = Optional.empty();
        List<InputLocale> inputs = List.of();
        Optional<DefaultUserHive> user = DefaultUserHive.open(session.image());
        if (user.isPresent()) {
            Hive hive = user.get().hive();
            userLocale = string(hive, USER_INTERNATIONAL, "LocaleName")
                    .or(() -> string(hive, USER_INTERNATIONAL, "Locale").map(this::tagOfLanguageId));
            inputs = inputLocales(hive);
        }
        return new InternationalSettings(ui, fallback, systemLocale, zone, userLocale, inputs, driver, installedLanguages());
    }

    /** The languages installed by language pack packages (release type "Language Pack"), in tag order. */
    public List<InstalledLanguage> installedLanguages() throws ServicingException {
        PackageServicing packages = new PackageServicing(session);
        Map<String, InstalledLanguage> found = new LinkedHashMap<>();
        for (InstalledPackage pkg : packages.packages()) {
            if (!pkg.state().isInstalled() || !pkg.identity().isLanguageSpecific()) {
                continue;
            }
            Optional<PackageManifest> manifest = packages.manifest(pkg.identity());
            boolean languagePack = manifest.map(PackageManifest::isLanguagePack)
                    .orElse(pkg.identity().name().contains("LanguagePack"));
            if (!languagePack) {
                continue;
            }
            String tag = canonicalTag(pkg.identity().language());
            boolean lip = pkg.identity().name().toUpperCase(Locale.ROOT).contains("LIP");
            InstalledLanguage language = new InstalledLanguage(tag, !lip, pkg.identity().toString());
            found.merge(tag.toLowerCase(Locale.ROOT), language, (a, b) -> a.fullyLocalized() ? a : b);
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(l -> l.tag().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private List<InputLocale> inputLocales(Hive user) {
        Optional<RegistryKey> preload = user.findKey(USER_PRELOAD);
        if (preload.isEmpty()) {
            return List.of();
        }
        Map<String, String> substitutes = new LinkedHashMap<>();
        user.findKey(USER_SUBSTITUTES).ifPresent(k -> k.values().forEach(v -> substitutes.put(
                v.name().toLowerCase(Locale.ROOT), safeString(v))));
        List<RegistryValue> ordered = new ArrayList<>(preload.get().values());
        ordered.sort(java.util.Comparator.comparingInt(v -> parseIntOr(v.name(), Integer.MAX_VALUE)));
        List<InputLocale> result = new ArrayList<>();
        for (RegistryValue value : ordered) {
            String klid = safeString(value).trim();
            try {
                int id = Integer.parseUnsignedInt(klid, 16);
                int layout = Integer.parseUnsignedInt(substitutes.getOrDefault(klid.toLowerCase(Locale.ROOT), klid), 16);
                result.add(new InputLocale(id & 0xFFFF, layout));
            } catch (NumberFormatException e) {
                session.log().warning(COMPONENT, "The default user's Preload value " + value.name() + " (\"" + klid
                        + "\") is not a keyboard layout identifier; it is left out.");
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- changing

    /** /Set-UILang: the default system UI language, whose language pack must be installed. */
    public void setUiLanguage(String tag) throws ServicingException {
        NlsLocale locale = installedUiLanguage(tag, "Set-UILang");
        commit(null, user -> writeUiLanguage(locale, user));
        session.log().info(COMPONENT, "Default system UI language set to " + locale.tag());
    }

    /** /Set-UILangFallback: the language resources missing from a partially localized UI language come from. */
    public void setUiLanguageFallback(String tag) throws ServicingException {
        NlsLocale locale = installedUiLanguage(tag, "Set-UILangFallback");
        commit(system -> system.root().createKey(cs(NLS_LANGUAGE)).setMultiString("InstallLanguageFallback",
                List.of(locale.tag())), null);
        session.log().info(COMPONENT, "UI language fallback set to " + locale.tag());
    }

    /** /Set-SysLocale: the language for non-Unicode programs. */
    public void setSystemLocale(String tag) throws ServicingException {
        NlsLocale locale = locale(tag, "Set-SysLocale");
        commit(system -> writeSystemLocale(locale, system), null);
        session.log().info(COMPONENT, "System locale set to " + locale.tag());
    }

    /** /Set-UserLocale: the standards and formats of the default user. */
    public void setUserLocale(String tag) throws ServicingException {
        NlsLocale locale = locale(tag, "Set-UserLocale");
        commit(null, user -> writeUserLocale(locale, user));
        session.log().info(COMPONENT, "User locale set to " + locale.tag());
    }

    /** /Set-InputLocale: the default user's input locales, the first being the default. */
    public void setInputLocales(String value) throws ServicingException {
        List<InputLocale> inputs = inputLocales(value, "Set-InputLocale");
        commit(null, user -> writeInputLocales(inputs, user));
        session.log().info(COMPONENT, "Input locales set to " + inputs);
    }

    /** /Set-AllIntl: UI language, system locale, user locale and input locale, all to one language. */
    public void setAll(String tag) throws ServicingException {
        NlsLocale locale = installedUiLanguage(tag, "Set-AllIntl");
        InputLocale input = data.defaultInputLocale(locale);
        requireLayoutInImage(input, "Set-AllIntl");
        commit(system -> writeSystemLocale(locale, system), user -> {
            writeUiLanguage(locale, user);
            writeUserLocale(locale, user);
            writeInputLocales(List.of(input), user);
        });
        session.log().info(COMPONENT, "All international settings set to " + locale.tag());
    }

    /** /Set-TimeZone: the default time zone, by its Windows name ("Pacific Standard Time"). */
    public void setTimeZone(String name) throws ServicingException {
        WindowsTimeZone zone = timeZone(name, "Set-TimeZone");
        commit(system -> writeTimeZone(zone, system), null);
        session.log().info(COMPONENT, "Default time zone set to " + zone.id());
    }

    /**
     * /Set-SKUIntlDefaults: everything /Set-AllIntl sets plus the time zone, to the defaults of the language's
     * language pack.
     */
    public void setSkuDefaults(String tag) throws ServicingException {
        NlsLocale locale = installedUiLanguage(tag, "Set-SKUIntlDefaults");
        if (!locale.hasLanguagePackDefaults()) {
            throw invalid("\"" + tag + "\" (" + locale.name() + ") has no language pack defaults. /Set-SKUIntlDefaults"
                    + " takes a language Windows ships a language pack for: " + String.join(", ", data.locales().stream()
                            .filter(NlsLocale::hasLanguagePackDefaults).map(NlsLocale::tag).toList()) + ".");
        }
        InputLocale input = data.defaultInputLocale(locale);
        requireLayoutInImage(input, "Set-SKUIntlDefaults");
        WindowsTimeZone zone = timeZone(locale.defaultTimeZone().orElseThrow(), "Set-SKUIntlDefaults");
        commit(system -> {
            writeSystemLocale(locale, system);
            writeTimeZone(zone, system);
        }, user -> {
            writeUiLanguage(locale, user);
            writeUserLocale(locale, user);
            writeInputLocales(List.of(input), user);
        });
        session.log().info(COMPONENT, "International settings set to the defaults of " + locale.tag());
    }

    /** /Set-LayeredDriver:1..6, the keyboard driver for Japanese and Korean keyboards. */
    public void setLayeredDriver(String number) throws ServicingException {
        LayeredDriver driver;
        try {
            driver = LayeredDriver.ofNumber(Integer.parseInt(number.trim())).orElseThrow(NumberFormatException::new);
        } catch (NumberFormatException e) {
            StringBuilder valid = new StringBuilder();
            for (LayeredDriver d : LayeredDriver.values()) {
                valid.append("\n  ").append(d.number()).append(" = ").append(d.displayName());
            }
            throw invalid("\"" + number + "\" is not a keyboard layered driver. Give /Set-LayeredDriver a number from"
                    + " 1 to 6:" + valid);
        }
        commit(system -> {
            RegistryKey parameters = system.root().createKey(cs(I8042PRT));
            parameters.deleteValue("LayerDriver JPN");
            parameters.deleteValue("LayerDriver KOR");
            parameters.setString(driver.valueName(), driver.file());
            parameters.setString("OverrideKeyboardIdentifier", driver.identifier());
            parameters.setDword("OverrideKeyboardType", driver.keyboardType());
            parameters.setDword("OverrideKeyboardSubtype", driver.keyboardSubtype());
        }, null);
        session.log().info(COMPONENT, "Keyboard layered driver set to " + driver.displayName());
    }

    // ---------------------------------------------------------------- distribution (lang.ini)

    /** The lang.ini of a distribution, if it has one. */
    public Optional<LangIni> langIni(Path distribution) throws ServicingException {
        Path file = sources(distribution, false).resolve("lang.ini");
        Optional<Path> existing = findIgnoringCase(file.getParent(), "lang.ini");
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LangIni.parse(Files.readString(existing.get(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The file " + existing.get()
                    + " cannot be read as a lang.ini: " + e.getMessage() + ".");
        }
    }

    /**
     * /Gen-LangIni: writes Sources\lang.ini of a distribution from the image's installed languages (its default
     * UI language 3, the others 2) and the language packs in the distribution's langpacks folder (0).
     */
    public Path generateLangIni(Path distribution) throws ServicingException {
        Path sources = sources(distribution, true);
        InternationalSettings settings = settings();
        String defaultLanguage = settings.uiLanguage().orElseThrow(() -> new ServicingException(
                ServicingException.BAD_FORMAT, "The image has no default system UI language (SYSTEM\\" + cs(NLS_LANGUAGE)
                        + "\\InstallLanguage), so no lang.ini can be made from it."));
        Map<String, Integer> available = new LinkedHashMap<>();
        Map<String, String> fallbacks = new LinkedHashMap<>();
        String fallback = settings.uiLanguageFallback().isEmpty() ? FALLBACK_LANGUAGE
                : settings.uiLanguageFallback().get(0).toLowerCase(Locale.ROOT);
        available.put(defaultLanguage, LangIni.DEFAULT);
        for (InstalledLanguage language : settings.installedLanguages()) {
            if (!language.tag().equalsIgnoreCase(defaultLanguage)) {
                available.put(language.tag(), LangIni.INSTALLED);
            }
        }
        for (String packFolder : languagePackFolders(distribution)) {
            if (available.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(packFolder))) {
                available.put(packFolder, LangIni.DISTRIBUTION_ONLY);
            }
        }
        available.keySet().forEach(k -> fallbacks.put(k, fallback));
        LangIni ini = new LangIni(available, fallbacks);
        Path file = writeLangIni(sources, ini);
        session.log().info(COMPONENT, "Wrote " + file + " with " + available.keySet());
        return file;
    }

    /** /Set-SetupUILang: the language Windows Setup starts in, which the distribution's lang.ini must offer. */
    public void setSetupUiLanguage(String tag, Path distribution) throws ServicingException {
        NlsLocale locale = locale(tag, "Set-SetupUILang");
        LangIni ini = langIni(distribution).orElseThrow(() -> new ServicingException(ServicingException.FILE_NOT_FOUND,
                "The distribution " + distribution + " has no Sources\\lang.ini. Make one with /Gen-LangIni first."));
        String entry = ini.find(locale.tag()).orElseThrow(() -> invalid("The distribution offers no " + locale.tag()
                + " for Setup; it offers " + String.join(", ", ini.available().keySet()) + ". Add the language pack to"
                + " the distribution and run /Gen-LangIni, or give one of those."));
        Map<String, Integer> available = new LinkedHashMap<>();
        ini.available().forEach((name, value) -> available.put(name, name.equals(entry) ? LangIni.DEFAULT
                : value == LangIni.DEFAULT ? LangIni.INSTALLED : value));
        writeLangIni(sources(distribution, false), new LangIni(available, ini.fallbacks()));
        session.log().info(COMPONENT, "Setup UI language set to " + entry);
    }

    private Path writeLangIni(Path sources, LangIni ini) throws ServicingException {
        Path file = findIgnoringCase(sources, "lang.ini").orElse(sources.resolve("lang.ini"));
        try {
            Path temp = Files.createTempFile(sources, ".lang", ".tmp");
            try {
                Files.writeString(temp, ini.format(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The file " + file + " cannot be written: "
                    + e.getMessage(), e);
        }
        return file;
    }

    private Path sources(Path distribution, boolean create) throws ServicingException {
        if (!Files.isDirectory(distribution)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The distribution folder " + distribution
                    + " does not exist. Give the folder Windows Setup's files were copied to with /Distribution.");
        }
        Optional<Path> sources = findIgnoringCase(distribution, "Sources");
        if (sources.isPresent()) {
            return sources.get();
        }
        Path made = distribution.resolve("Sources");
        if (create) {
            try {
                Files.createDirectory(made);
            } catch (IOException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The folder " + made
                        + " cannot be made: " + e.getMessage(), e);
            }
        }
        return made;
    }

    /** The language folders of the distribution's langpacks folder that hold a language pack (lp.cab). */
    private List<String> languagePackFolders(Path distribution) {
        List<String> result = new ArrayList<>();
        Optional<Path> langpacks = findIgnoringCase(distribution, "langpacks");
        if (langpacks.isEmpty()) {
            return result;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(langpacks.get())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && data.locale(name).isPresent() && findIgnoringCase(entry, "lp.cab").isPresent()) {
                    result.add(name);
                }
            }
        } catch (IOException e) {
            session.log().warning(COMPONENT, "The folder " + langpacks.get() + " cannot be listed: " + e.getMessage());
        }
        result.sort(String.CASE_INSENSITIVE_ORDER);
        return result;
    }

    private static Optional<Path> findIgnoringCase(Path dir, String name) {
        Path exact = dir.resolve(name);
        if (Files.exists(exact)) {
            return Optional.of(exact);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equalsIgnoreCase(name)) {
                    return Optional.of(entry);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- checking values

    private NlsLocale locale(String tag, String option) throws ServicingException {
        return data.locale(tag).orElseThrow(() -> invalid("\"" + tag + "\" is not a language Windows knows, so /"
                + option + " cannot take it. Give a language tag such as en-US, de-DE, fr-FR, ja-JP or zh-CN."));
    }

    private NlsLocale installedUiLanguage(String tag, String option) throws ServicingException {
        NlsLocale locale = locale(tag, option);
        List<InstalledLanguage> installed = installedLanguages();
        if (installed.stream().noneMatch(l -> l.tag().equalsIgnoreCase(locale.tag()))) {
            throw invalid("The language " + locale.tag() + " (" + locale.name() + ") is not installed in the image, so"
                    + " /" + option + " cannot make it the UI language. Installed languages: "
                    + (installed.isEmpty() ? "none" : String.join(", ", installed.stream().map(InstalledLanguage::tag).toList()))
                    + ". Add its language pack (lp.cab) with /Add-Package first.");
        }
        return locale;
    }

    private WindowsTimeZone timeZone(String name, String option) throws ServicingException {
        String trimmed = name.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        String wanted = trimmed;
        return data.timeZone(wanted).orElseThrow(() -> invalid("\"" + wanted + "\" is not a Windows time zone, so /"
                + option + " cannot take it. Give a Windows time zone name (the key names of SOFTWARE\\Microsoft\\Windows"
                + " NT\\CurrentVersion\\Time Zones), such as \"Pacific Standard Time\", \"W. Europe Standard Time\" or"
                + " \"Tokyo Standard Time\", in quotes."));
    }

    /** Parses "0409:00000409;de-DE": language:layout pairs or language tags, separated by semicolons. */
    List<InputLocale> inputLocales(String value, String option) throws ServicingException {
        Set<InputLocale> result = new LinkedHashSet<>();
        for (String raw : value.split(";")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            InputLocale input;
            var pair = INPUT_PAIR.matcher(item);
            if (pair.matches()) {
                int language = Integer.parseInt(pair.group(1), 16);
                int layout = Integer.parseUnsignedInt(pair.group(2), 16);
                if (data.localeOf(language).isEmpty()) {
                    throw invalid("The input locale " + item + " names the language " + pair.group(1) + ", which is not"
                            + " a Windows language identifier. Give pairs such as 0409:00000409 (language:keyboard"
                            + " layout) or language tags such as en-US.");
                }
                if (data.keyboard(layout).isEmpty()) {
                    throw invalid("The input locale " + item + " names the keyboard layout " + pair.group(2) + ", which is"
                            + " not a Windows keyboard layout. Give pairs such as 0409:00000409 or 0407:00000407.");
                }
                input = new InputLocale(language, layout);
            } else if (TEXT_SERVICE.matcher(item).matches()) {
                throw invalid("The input locale " + item + " is a text service (an input method editor); Imagesmith sets"
                        + " keyboard layouts only. Give pairs such as 0411:00000411 or language tags.");
            } else {
                NlsLocale locale = data.locale(item).orElseThrow(() -> invalid("\"" + item + "\" is neither a"
                        + " language:keyboard pair such as 0409:00000409 nor a language tag such as en-US, so /" + option
                        + " cannot take it."));
                input = data.defaultInputLocale(locale);
            }
            requireLayoutInImage(input, option);
            result.add(input);
        }
        if (result.isEmpty()) {
            throw invalid("/" + option + " needs at least one input locale, such as 0409:00000409 or en-US.");
        }
        return List.copyOf(result);
    }

    /** An image that lists its keyboard layouts must list the one asked for. */
    private void requireLayoutInImage(InputLocale input, String option) throws ServicingException {
        Optional<RegistryKey> layouts = session.system().findKey(cs(KEYBOARD_LAYOUTS));
        if (layouts.isEmpty() || layouts.get().subkeys().isEmpty()) {
            return;
        }
        String klid = String.format(Locale.ROOT, "%08x", input.keyboardLayout());
        if (layouts.get().subkey(klid).isEmpty()) {
            throw invalid("The keyboard layout " + klid + " (" + data.keyboard(input.keyboardLayout())
                    .map(KeyboardLayout::text).orElse("unknown") + ") of the input locale " + input + " is not installed"
                    + " in the image (SYSTEM\\" + cs(KEYBOARD_LAYOUTS) + "), so /" + option + " cannot use it.");
        }
    }

    // ---------------------------------------------------------------- writing

    private void writeUiLanguage(NlsLocale locale, Hive user) {
        RegistryKey language = session.system().root().createKey(cs(NLS_LANGUAGE));
        language.setString("Default", locale.lcidText());
        language.setString("InstallLanguage", locale.lcidText());
        RegistryKey mui = session.system().root().createKey(cs(UI_LANGUAGES) + "\\" + locale.tag());
        if (mui.value("LCID").isEmpty()) {
            mui.setDword("LCID", locale.lcid());
        }
        RegistryKey desktop = user.root().createKey(USER_DESKTOP);
        desktop.setMultiString("PreferredUILanguages", List.of(locale.tag()));
        desktop.createKey("MuiCached").setMultiString("MachinePreferredUILanguages", List.of(locale.tag()));
    }

    private void writeSystemLocale(NlsLocale locale, Hive system) {
        system.root().createKey(cs(NLS_LOCALE)).setString("", locale.lcidLongText());
    }

    private static void writeUserLocale(NlsLocale locale, Hive user) {
        RegistryKey international = user.root().createKey(USER_INTERNATIONAL);
        international.setString("Locale", locale.lcidLongText());
        international.setString("LocaleName", locale.tag());
    }

    private static void writeInputLocales(List<InputLocale> inputs, Hive user) {
        if (user.findKey(USER_PRELOAD).isPresent()) {
            user.root().deleteKey(USER_PRELOAD);
        }
        if (user.findKey(USER_SUBSTITUTES).isPresent()) {
            user.root().deleteKey(USER_SUBSTITUTES);
        }
        RegistryKey preload = user.root().createKey(USER_PRELOAD);
        RegistryKey substitutes = user.root().createKey(USER_SUBSTITUTES);
        Map<Integer, Integer> substitutesPerLanguage = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputLocale input = inputs.get(i);
            String klid;
            if (input.isLanguageDefaultLayout()) {
                klid = String.format(Locale.ROOT, "%08x", input.keyboardLayout());
            } else {
                int n = substitutesPerLanguage.merge(input.languageId(), 1, Integer::sum);
                klid = String.format(Locale.ROOT, "d%03x%04x", n, input.languageId());
                substitutes.setString(klid, String.format(Locale.ROOT, "%08x", input.keyboardLayout()));
            }
            preload.setString(Integer.toString(i + 1), klid);
        }
    }

    private void writeTimeZone(WindowsTimeZone zone, Hive system) {
        RegistryKey info = system.root().createKey(cs(TIME_ZONE_INFORMATION));
        Optional<RegistryKey> imageZone = session.software().findKey(TIME_ZONES + "\\" + zone.id());
        Optional<byte[]> tzi = imageZone.flatMap(k -> k.value("TZI")).map(RegistryValue::data).filter(d -> d.length == 44);
        int bias = zone.bias();
        int standardBias = 0;
        int daylightBias = 0;
        byte[] standardStart = new byte[16];
        byte[] daylightStart = new byte[16];
        if (tzi.isPresent()) {
            ByteBuffer b = ByteBuffer.wrap(tzi.get()).order(ByteOrder.LITTLE_ENDIAN);
            bias = b.getInt();
            standardBias = b.getInt();
            daylightBias = b.getInt();
            b.get(standardStart);
            b.get(daylightStart);
        } else {
            session.log().warning(COMPONENT, "The image has no SOFTWARE\\" + TIME_ZONES + "\\" + zone.id() + "\\TZI;"
                    + " the time zone is set with its standard bias only, without daylight saving dates.");
        }
        info.setDword("Bias", bias);
        info.setDword("ActiveTimeBias", bias);
        info.setDword("StandardBias", standardBias);
        info.setDword("DaylightBias", daylightBias);
        info.setBinary("StandardStart", standardStart);
        info.setBinary("DaylightStart", daylightStart);
        info.setString("StandardName", imageZone.flatMap(k -> string(k, "MUI_Std")).orElse(zone.id()));
        info.setString("DaylightName", imageZone.flatMap(k -> string(k, "MUI_Dlt")).orElse(zone.daylightName()));
        info.setString("TimeZoneKeyName", zone.id());
        info.setDword("DynamicDaylightTimeDisabled", 0);
    }

    /** A change to one hive, made in memory. */
    private interface HiveChange {
        void apply(Hive hive) throws ServicingException;
    }

    /** Makes the changes in one transaction: the SYSTEM hive and the default user's hive are written together. */
    private void commit(HiveChange systemChange, HiveChange userChange) throws ServicingException {
        try (ServicingTransaction transaction = session.begin()) {
            if (userChange != null) {
                userChange.apply(transaction.hive(DefaultUserHive.PATH)
                        .orElseThrow(() -> DefaultUserHive.missing(session.image(), "international settings")));
            }
            if (systemChange != null) {
                systemChange.apply(session.system());
            }
            session.saveHive(ServicingSession.SYSTEM_HIVE); // a user change may set SYSTEM values too (the UI language)
            transaction.commit();
        }
    }

    // ---------------------------------------------------------------- helpers

    private String cs(String path) {
        return controlSet + "\\" + path;
    }

    /** The tag of a hex language or locale identifier ("0409" or "00000409"), or the text itself when unknown. */
    private String tagOfLanguageId(String hex) {
        try {
            return data.localeOf(Integer.parseUnsignedInt(hex.trim(), 16)).map(NlsLocale::tag).orElse(hex.trim());
        } catch (NumberFormatException e) {
            return hex.trim();
        }
    }

    private String canonicalTag(String tag) {
        return data.locale(tag).map(NlsLocale::tag).orElse(tag);
    }

    private static ServicingException invalid(String message) {
        return new ServicingException(ServicingException.INVALID_PARAMETER, message);
    }

    private static Optional<String> string(Hive hive, String key, String value) {
        return hive.findKey(key).flatMap(k -> string(k, value));
    }

    private static Optional<String> string(RegistryKey key, String value) {
        return key.value(value).map(InternationalServicing::safeString).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String safeString(RegistryValue value) {
        try {
            return value.asString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static List<String> multi(Hive hive, String key, String value) {
        return hive.findKey(key).flatMap(k -> k.value(value)).map(v -> {
            try {
                return v.asMultiString();
            } catch (RuntimeException e) {
                return List.of(safeString(v));
            }
        }).orElse(List.of()).stream().filter(s -> !s.isBlank()).toList();
    }

    private static int parseIntOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
