package org.imagesmith.servicing.international;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Windows locale, keyboard layout and time zone tables that values are checked against. They ship with the
 * bundle as locales.txt, keyboards.txt and timezones.txt (semicolon-separated, # comments).
 */
public final class NlsData {
    private static volatile NlsData instance;

    private final Map<String, NlsLocale> localesByTag;
    private final Map<Integer, NlsLocale> localesByLcid;
    private final Map<Integer, KeyboardLayout> keyboards;
    private final Map<String, WindowsTimeZone> timeZones;

    private NlsData(List<NlsLocale> locales, List<KeyboardLayout> keyboardLayouts, List<WindowsTimeZone> zones) {
        Map<String, NlsLocale> byTag = new LinkedHashMap<>();
        Map<Integer, NlsLocale> byLcid = new LinkedHashMap<>();
        for (NlsLocale l : locales) {
            byTag.put(l.tag().toLowerCase(Locale.ROOT), l);
            byLcid.putIfAbsent(l.lcid(), l);
        }
        Map<Integer, KeyboardLayout> layouts = new LinkedHashMap<>();
        keyboardLayouts.forEach(k -> layouts.put(k.id(), k));
        Map<String, WindowsTimeZone> byName = new LinkedHashMap<>();
        zones.forEach(z -> byName.put(z.id().toLowerCase(Locale.ROOT), z));
        this.localesByTag = Collections.unmodifiableMap(byTag);
        this.localesByLcid = Collections.unmodifiableMap(byLcid);
        this.keyboards = Collections.unmodifiableMap(layouts);
        this.timeZones = Collections.unmodifiableMap(byName);
    }

    /** The tables shipped with the bundle (read once). */
    public static NlsData load() {
        NlsData data = instance;
        if (data == null) {
            data = new NlsData(read("locales.txt", NlsData::locale), read("keyboards.txt", NlsData::keyboard),
                    read("timezones.txt", NlsData::timeZone));
            instance = data;
        }
        return data;
    }

    private static <T> List<T> read(String resource, Function<String[], T> parser) {
        List<T> result = new ArrayList<>();
        try (InputStream in = NlsData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The data file " + resource + " is missing from the Imagesmith"
                        + " servicing bundle (org/imagesmith/servicing/international/" + resource + ").");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    result.add(parser.apply(line.split(";", -1)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Line " + number + " of the data file " + resource
                            + " is malformed: " + line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }

    private static NlsLocale locale(String[] f) {
        Optional<Integer> keyboard = f.length > 3 && !f[3].isEmpty() ? Optional.of(Integer.parseUnsignedInt(f[3], 16))
                : Optional.empty();
        Optional<String> zone = f.length > 4 && !f[4].isEmpty() ? Optional.of(f[4]) : Optional.empty();
        return new NlsLocale(f[0], Integer.parseInt(f[1], 16), f[2], keyboard, zone);
    }

    private static KeyboardLayout keyboard(String[] f) {
        return new KeyboardLayout(Integer.parseUnsignedInt(f[0], 16), f[1], f[2]);
    }

    private static WindowsTimeZone timeZone(String[] f) {
        String offset = f[1];
        int sign = offset.startsWith("-") ? -1 : 1;
        String[] hm = offset.substring(1).split(":");
        int minutes = Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]);
        return new WindowsTimeZone(f[0], -sign * minutes, f[2]);
    }

    /** The locale of a language tag (any case), such as en-US. */
    public Optional<NlsLocale> locale(String tag) {
        return Optional.ofNullable(localesByTag.get(tag.trim().toLowerCase(Locale.ROOT)));
    }

    public Optional<NlsLocale> localeOf(int lcid) {
        return Optional.ofNullable(localesByLcid.get(lcid));
    }

    public Optional<KeyboardLayout> keyboard(int id) {
        return Optional.ofNullable(keyboards.get(id));
    }

    /** The time zone of a key name (any case), such as "Pacific Standard Time". */
    public Optional<WindowsTimeZone> timeZone(String id) {
        return Optional.ofNullable(timeZones.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    public List<NlsLocale> locales() {
        return List.copyOf(localesByTag.values());
    }

    public List<WindowsTimeZone> timeZones() {
        return List.copyOf(timeZones.values());
    }

    /**
     * The input locale a language gets by default: its language pack's keyboard, else the layout numbered like
     * the language when there is one, else US.
     */
    public InputLocale defaultInputLocale(NlsLocale locale) {
        int layout = locale.defaultKeyboard().orElseGet(() -> keyboards.containsKey(locale.lcid()) ? locale.lcid() : 0x0409);
        return new InputLocale(locale.lcid() & 0xFFFF, layout);
    }
}
