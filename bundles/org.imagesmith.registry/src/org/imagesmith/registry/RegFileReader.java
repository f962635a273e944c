package org.imagesmith.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a registry editor (.reg) file, "REGEDIT4" or "Windows Registry Editor Version 5.00", into a key: creates
 * {@code [Key]}s, deletes {@code [-Key]}s, sets {@code "name"=data} and {@code @=data} values and deletes
 * {@code "name"=-} ones. Data forms: {@code "text"}, {@code dword:}, {@code hex:} and {@code hex(n):} byte lists,
 * continued over lines ending in a backslash. Keys are given relative to a prefix that names the target key.
 */
public final class RegFileReader {
    private final RegistryKey target;
    private final String prefix;
    private RegFileFormat format;
    private RegistryKey current;
    private int lineNumber;

    private RegFileReader(RegistryKey target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    /**
     * Applies the .reg file at {@code file} (UTF-16LE or UTF-8 with a byte order mark, else Windows-1252) to
     * {@code target}.
     *
     * @param keyPath the .reg path that stands for {@code target}, e.g. {@code HKEY_LOCAL_MACHINE\SOFTWARE}
     */
    public static void apply(Path file, RegistryKey target, String keyPath) throws IOException {
        apply(decode(Files.readAllBytes(file)), target, keyPath);
    }

    /** Applies the .reg {@code text} to {@code target}; see {@link #apply(Path, RegistryKey, String)}. */
    public static void apply(String text, RegistryKey target, String keyPath) throws RegFileSyntaxException {
        new RegFileReader(target, trimSlashes(keyPath)).run(text);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        return new String(bytes, Charset.forName("windows-1252"));
    }

    private void run(String text) throws RegFileSyntaxException {
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        String header = i < lines.length ? lines[i].strip().replace("\uFEFF", "") : "";
        for (RegFileFormat f : RegFileFormat.values()) {
            if (f.header().equals(header)) {
                format = f;
            }
        }
        if (format == null) {
            throw new RegFileSyntaxException(i + 1, "not a .reg file: first line is \"" + header
                    + "\" instead of \"REGEDIT4\" or \"Windows Registry Editor Version 5.00\"");
        }
        for (i++; i < lines.length; i++) {
            lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                key(line);
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\\' && !endsInString(logical)
                    && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].strip());
            }
            value(logical.toString());
        }
    }

    /** Whether a line ends inside or at the end of a quoted string ("C:\\" must not continue). */
    private static boolean endsInString(CharSequence line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
                if (i >= line.length()) {
                    return true;
                }
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    private void key(String line) throws RegFileSyntaxException {
        if (!line.endsWith("]")) {
            throw new RegFileSyntaxException(lineNumber, "key line \"" + line + "\" does not end with ]");
        }
        boolean delete = line.startsWith("[-");
        String path = trimSlashes(line.substring(delete ? 2 : 1, line.length() - 1));
        String relative = relative(path);
        if (delete) {
            current = null;
            if (relative.isEmpty()) {
                throw new RegFileSyntaxException(lineNumber, "cannot delete the key the file is imported into ("
                        + path + ")");
            }
            if (target.findKey(relative).isPresent()) {
                target.deleteKey(relative);
            }
        } else {
            current = relative.isEmpty() ? target : target.createKey(relative);
        }
    }

    private String relative(String path) throws RegFileSyntaxException {
        if (prefix.isEmpty()) {
            return path;
        }
        if (KeyNames.equal(path, prefix)) {
            return "";
        }
        if (path.length() > prefix.length() && path.charAt(prefix.length()) == '\\'
                && KeyNames.equal(path.substring(0, prefix.length()), prefix)) {
            return path.substring(prefix.length() + 1);
        }
        throw new RegFileSyntaxException(lineNumber, "key \"" + path + "\" is not below \"" + prefix
                + "\", the key this file is imported into");
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '\\') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '\\') {
            end--;
        }
        return path.substring(start, end);
    }

    private void value(String line) throws RegFileSyntaxException {
        if (current == null) {
            throw new RegFileSyntaxException(lineNumber, "value line before any [key] line (or after a [-key])");
        }
        int[] pos = {0};
        String name;
        if (line.startsWith("@")) {
            name = "";
            pos[0] = 1;
        } else if (line.startsWith("\"")) {
            name = quoted(line, pos);
        } else {
            throw new RegFileSyntaxException(lineNumber, "expected \"name\"= or @= but found \"" + line + "\"");
        }
        String rest = line.substring(pos[0]).stripLeading();
        if (!rest.startsWith("=")) {
            throw new RegFileSyntaxException(lineNumber, "expected = after the value name in \"" + line + "\"");
        }
        String data = rest.substring(1).strip();
        if (data.equals("-")) {
            current.deleteValue(name);
        } else if (data.startsWith("\"")) {
            int[] p = {0};
            String text = quoted(data, p);
            if (!data.substring(p[0]).isBlank()) {
                throw new RegFileSyntaxException(lineNumber, "text after the closing quote: \"" + data + "\"");
            }
            current.setValue(RegistryValue.ofString(name, ValueType.REG_SZ, text));
        } else if (data.regionMatches(true, 0, "dword:", 0, 6)) {
            current.setValue(RegistryValue.ofDword(name, (int) hexNumber(data.substring(6).strip(), 8)));
        } else if (data.regionMatches(true, 0, "hex:", 0, 4)) {
            current.setValue(RegistryValue.of(name, ValueType.REG_BINARY, hexBytes(data.substring(4))));
        } else if (data.regionMatches(true, 0, "hex(", 0, 4) && data.indexOf("):") > 4) {
            int close = data.indexOf("):");
            int type = (int) hexNumber(data.substring(4, close).strip(), 8);
            byte[] bytes = hexBytes(data.substring(close + 2));
            if (format == RegFileFormat.REGEDIT4 && isStringType(type)) {
                bytes = new String(bytes, format.charset()).getBytes(StandardCharsets.UTF_16LE);
            }
            current.setValue(new RegistryValue(name, type, bytes));
        } else {
            throw new RegFileSyntaxException(lineNumber, "unknown value data \"" + data
                    + "\" (expected \"text\", dword:, hex: or hex(n):)");
        }
    }

    static boolean isStringType(int type) {
        return type == ValueType.REG_SZ.code() || type == ValueType.REG_EXPAND_SZ.code()
                || type == ValueType.REG_MULTI_SZ.code();
    }

    /** Reads a quoted string starting at pos[0] (a quote), handling \\ and \" escapes; leaves pos after it. */
    private String quoted(String s, int[] pos) throws RegFileSyntaxException {
        StringBuilder sb = new StringBuilder();
        for (int i = pos[0] + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else if (c == '"') {
                pos[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new RegFileSyntaxException(lineNumber, "missing closing quote in " + s);
    }

    private long hexNumber(String digits, int maxDigits) throws RegFileSyntaxException {
        if (digits.isEmpty() || digits.length() > maxDigits || !digits.chars().allMatch(RegFileReader::isHexDigit)) {
            throw new RegFileSyntaxException(lineNumber, "\"" + digits + "\" is not a hexadecimal number of 1 to "
                    + maxDigits + " digits");
        }
        return Long.parseLong(digits, 16);
    }

    private byte[] hexBytes(String list) throws RegFileSyntaxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> items = new ArrayList<>(List.of(list.split(",", -1)));
        if (!items.isEmpty() && items.get(items.size() - 1).isBlank()) {
            items.remove(items.size() - 1);
        }
        for (String item : items) {
            String digits = item.strip();
            if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(RegFileReader::isHexDigit)) {
                throw new RegFileSyntaxException(lineNumber, "\"" + item.strip() + "\" in a hex list is not a byte"
                        + " of two hexadecimal digits");
            }
            out.write(Integer.parseInt(digits, 16));
        }
        return out.toByteArray();
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
