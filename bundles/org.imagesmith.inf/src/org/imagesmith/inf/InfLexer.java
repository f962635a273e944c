package org.imagesmith.inf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits INF text into sections and logical lines: comments start at ';' outside quotes, a backslash ending a line
 * joins it with the next, '=' outside quotes separates the key, commas outside quotes separate the values.
 */
final class InfLexer {
    private InfLexer() {
    }

    static Map<String, InfFile.RawSection> sections(String text, String name) throws InfFormatException {
        String[] physical = text.split("\r\n|\r|\n", -1);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<InfFile.RawLine>> lines = new LinkedHashMap<>();
        List<InfFile.RawLine> current = null;
        int index = 0;
        while (index < physical.length) {
            int number = index + 1;
            StringBuilder logical = new StringBuilder();
            while (true) {
                String content = stripComment(physical[index++]).stripTrailing();
                if (content.endsWith("\\")) {
                    logical.append(content, 0, content.length() - 1);
                    if (index < physical.length) {
                        continue;
                    }
                    break;
                }
                logical.append(content);
                break;
            }
            String line = logical.toString().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new InfFormatException(name + " line " + number + ": the section header '" + line
                            + "' has no closing ']'");
                }
                String section = line.substring(1, close).strip();
                if (section.isEmpty()) {
                    throw new InfFormatException(name + " line " + number + ": the section name is empty");
                }
                String key = section.toLowerCase(Locale.ROOT);
                names.putIfAbsent(key, section);
                current = lines.computeIfAbsent(key, k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new InfFormatException(name + " line " + number + ": '" + line
                        + "' comes before the first [section]");
            }
            current.add(split(line, number));
        }
        Map<String, InfFile.RawSection> sections = new LinkedHashMap<>();
        for (Map.Entry<String, List<InfFile.RawLine>> entry : lines.entrySet()) {
            sections.put(entry.getKey(), new InfFile.RawSection(names.get(entry.getKey()), entry.getValue()));
        }
        return sections;
    }

    /** The line up to a ';' that is not inside quotes. */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static InfFile.RawLine split(String line, int number) {
        String key = null;
        String value = line;
        int equals = indexOutsideQuotes(line, '=', 0);
        if (equals >= 0) {
            key = line.substring(0, equals).strip();
            value = line.substring(equals + 1).strip();
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = indexOutsideQuotes(value, ',', start);
            if (comma < 0) {
                fields.add(value.substring(start).strip());
                break;
            }
            fields.add(value.substring(start, comma).strip());
            start = comma + 1;
        }
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            fields.clear();
        }
        return new InfFile.RawLine(key, value, fields, number);
    }

    private static int indexOutsideQuotes(String text, char wanted, int from) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted && i >= from) {
                return i;
            }
        }
        return -1;
    }
}
