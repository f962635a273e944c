package org.imagesmith.servicing.international;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lang.ini, the file in a distribution's Sources folder that tells Windows Setup its languages: [Available UI
 * Languages] maps each language to 3 (the default), 2 (installed in the image) or 0 (in the distribution's
 * langpacks folder only); [Fallback Languages] maps each to the language its missing resources come from.
 */
public record LangIni(Map<String, Integer> available, Map<String, String> fallbacks) {
    public static final int DEFAULT = 3;
    public static final int INSTALLED = 2;
    public static final int DISTRIBUTION_ONLY = 0;
    private static final String AVAILABLE = "Available UI Languages";
    private static final String FALLBACK = "Fallback Languages";

    public LangIni {
        available = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(available));
        fallbacks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fallbacks));
    }

    /**
     * Reads the text of a lang.ini.
     *
     * @throws IllegalArgumentException naming the line that is not "name = value" or holds no number where one is due
     */
    public static LangIni parse(String text) {
        Map<String, Integer> available = new LinkedHashMap<>();
        Map<String, String> fallbacks = new LinkedHashMap<>();
        String section = "";
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " (\"" + line + "\") is not name = value");
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (section.equalsIgnoreCase(AVAILABLE)) {
                try {
                    available.put(name, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + " (\"" + line + "\") gives no number for "
                            + name);
                }
            } else if (section.equalsIgnoreCase(FALLBACK)) {
                fallbacks.put(name, value);
            }
        }
        return new LangIni(available, fallbacks);
    }

    /** The text Windows Setup reads, with CR LF line ends. */
    public String format() {
        StringBuilder text = new StringBuilder("[" + AVAILABLE + "]\r\n");
        available.forEach((name, value) -> text.append(name).append(" = ").append(value).append("\r\n"));
        text.append("\r\n[" + FALLBACK + "]\r\n");
        fallbacks.forEach((name, value) -> text.append(name).append(" = ").append(value).append("\r\n"));
        return text.toString();
    }

    /** The language marked as Setup's default (3). */
    public Optional<String> defaultLanguage() {
        return available.entrySet().stream().filter(e -> e.getValue() == DEFAULT).map(Map.Entry::getKey).findFirst();
    }

    /** The other languages, in file order. */
    public List<String> otherLanguages() {
        return available.entrySet().stream().filter(e -> e.getValue() != DEFAULT).map(Map.Entry::getKey).toList();
    }

    /** The entry for a language, matched without regard to case. */
    public Optional<String> find(String language) {
        return available.keySet().stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(language.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
