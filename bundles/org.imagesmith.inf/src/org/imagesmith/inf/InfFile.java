package org.imagesmith.inf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed INF file: sections (duplicates merged, names compared ignoring case), lines split into key and
 * comma-separated values, with comments, line continuations and quotes handled and %strkey% tokens replaced from
 * the [Strings] sections of the chosen language.
 */
public final class InfFile {
    /** The language used when none is given: U.S. English (0x0409). */
    public static final int DEFAULT_LANGUAGE = 0x0409;
    /** The largest INF file read. */
    private static final long MAX_SIZE = 64L << 20;

    private final String name;
    private final Map<String, InfSection> sections;
    private final Map<String, String> strings;

    private InfFile(String name, Map<String, InfSection> sections, Map<String, String> strings) {
        this.name = name;
        this.sections = sections;
        this.strings = strings;
    }

    /** Reads an INF file with the strings of {@link #DEFAULT_LANGUAGE}. */
    public static InfFile read(Path path) throws IOException {
        return read(path, DEFAULT_LANGUAGE);
    }

    /** Reads an INF file with the strings of a language (a LANGID such as 0x0407 for German). */
    public static InfFile read(Path path, int languageId) throws IOException {
        long size = Files.size(path);
        if (size > MAX_SIZE) {
            throw new InfFormatException("'" + path.getFileName() + "' has " + size + " bytes; INF files are text of at most "
                    + MAX_SIZE);
        }
        return parse(Files.readAllBytes(path), String.valueOf(path.getFileName()), languageId);
    }

    /**
     * Parses the bytes of an INF file: UTF-16 with a byte-order mark, UTF-8 with one, or else ANSI (windows-1252).
     *
     * @param name the file's name, for messages
     */
    public static InfFile parse(byte[] bytes, String name, int languageId) throws InfFormatException {
        return parse(InfText.decode(bytes), name, languageId);
    }

    /** Parses the text of an INF file. */
    public static InfFile parse(String text, String name, int languageId) throws InfFormatException {
        Map<String, RawSection> raw = InfLexer.sections(text, name);
        Map<String, String> strings = stringTable(raw, languageId);
        InfValues values = new InfValues(strings);
        Map<String, InfSection> sections = new LinkedHashMap<>();
        for (Map.Entry<String, RawSection> entry : raw.entrySet()) {
            RawSection section = entry.getValue();
            List<InfLine> lines = new ArrayList<>();
            boolean stringSection = isStringSection(section.name());
            for (RawLine line : section.lines()) {
                if (stringSection) {
                    lines.add(new InfLine(line.key() == null ? null : values.literal(line.key()),
                            List.of(values.literal(line.valueText())), line.number()));
                } else {
                    List<String> fields = new ArrayList<>();
                    for (String field : line.fields()) {
                        fields.add(values.field(field));
                    }
                    lines.add(new InfLine(line.key() == null ? null : values.field(line.key()), fields, line.number()));
                }
            }
            sections.put(entry.getKey(), new InfSection(section.name(), lines));
        }
        return new InfFile(name, Collections.unmodifiableMap(sections), Collections.unmodifiableMap(strings));
    }

    private static boolean isStringSection(String section) {
        String lower = section.toLowerCase(Locale.ROOT);
        return lower.equals("strings") || lower.startsWith("strings.");
    }

    /**
     * The strings Windows uses for a language: [Strings.LLLL] (the full LANGID), then [Strings.00PP] (its primary
     * language), then [Strings]; in each, the first definition of a key counts.
     */
    private static Map<String, String> stringTable(Map<String, RawSection> raw, int languageId) {
        InfValues literal = new InfValues(Map.of());
        Map<String, String> strings = new LinkedHashMap<>();
        List<String> order = List.of(String.format("strings.%04x", languageId & 0xFFFF),
                String.format("strings.%04x", languageId & 0x3FF), "strings");
        for (String sectionName : order) {
            RawSection section = raw.get(sectionName);
            if (section == null) {
                continue;
            }
            for (RawLine line : section.lines()) {
                if (line.key() != null) {
                    strings.putIfAbsent(literal.literal(line.key()).toLowerCase(Locale.ROOT),
                            literal.literal(line.valueText()));
                }
            }
        }
        return strings;
    }

    /** The file's name as given when parsing. */
    public String name() {
        return name;
    }

    /** The sections in the order they first appear. */
    public List<InfSection> sections() {
        return List.copyOf(sections.values());
    }

    /** The section with this name, ignoring case. */
    public Optional<InfSection> section(String sectionName) {
        return Optional.ofNullable(sections.get(sectionName.toLowerCase(Locale.ROOT)));
    }

    /** The string table in effect (keys in lower case). */
    public Map<String, String> strings() {
        return strings;
    }

    /** The value of a %strkey%, ignoring case. */
    public Optional<String> string(String key) {
        return Optional.ofNullable(strings.get(key.toLowerCase(Locale.ROOT)));
    }

    /** A section's lines as raw text pieces, before quotes and %strkey% are processed. */
    record RawSection(String name, List<RawLine> lines) {
    }

    /**
     * One logical line: the key text ({@code null} without {@code =}), the whole value text, and the value text split
     * on the commas outside quotes.
     */
    record RawLine(String key, String valueText, List<String> fields, int number) {
    }
}
