package org.imagesmith.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exports a key and everything below it as a registry editor (.reg) file, the way regedit writes them: strings and
 * DWORDs in their readable forms when the data is well formed, everything else as {@code hex(n):} byte lists wrapped
 * at 80 columns with line continuations.
 */
public final class RegFileWriter {
    private static final int MAX_LINE = 80;
    private static final String NEWLINE = "\r\n";

    private final RegFileFormat format;
    private final Appendable out;

    private RegFileWriter(RegFileFormat format, Appendable out) {
        this.format = format;
        this.out = out;
    }

    /**
     * Writes {@code key} and its subtree as .reg text to {@code out}.
     *
     * @param keyPath the .reg path of {@code key}, e.g. {@code HKEY_LOCAL_MACHINE\SOFTWARE}
     */
    public static void export(RegistryKey key, String keyPath, RegFileFormat format, Appendable out)
            throws IOException {
        RegFileWriter w = new RegFileWriter(format, out);
        out.append(format.header()).append(NEWLINE).append(NEWLINE);
        w.writeTree(key, keyPath, 0);
    }

    /** The .reg text of {@code key} and its subtree. */
    public static String export(RegistryKey key, String keyPath, RegFileFormat format) {
        StringBuilder sb = new StringBuilder();
        try {
            export(key, keyPath, format, sb);
        } catch (IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    /** Writes the .reg file in the format's character set (UTF-16LE with a byte order mark for version 5). */
    public static void export(RegistryKey key, String keyPath, RegFileFormat format, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, format.charset())) {
            if (format == RegFileFormat.VERSION_5) {
                w.write('\uFEFF');
            }
            export(key, keyPath, format, w);
        }
    }

    private void writeTree(RegistryKey key, String keyPath, int depth) throws IOException {
        if (depth > Hive.MAX_DEPTH) {
            throw new IllegalStateException("key tree deeper than " + Hive.MAX_DEPTH + " levels at " + keyPath);
        }
        out.append('[').append(keyPath).append(']').append(NEWLINE);
        for (RegistryValue value : key.values()) {
            writeValue(value);
        }
        out.append(NEWLINE);
        for (RegistryKey child : key.subkeys()) {
            writeTree(child, keyPath + "\\" + child.name(), depth + 1);
        }
    }

    private void writeValue(RegistryValue value) throws IOException {
        StringBuilder line = new StringBuilder();
        line.append(value.name().isEmpty() ? "@" : quote(value.name())).append('=');
        byte[] data = value.data();
        int type = value.type();
        String text = type == ValueType.REG_SZ.code() ? wellFormedString(data) : null;
        if (text != null) {
            line.append(quote(text));
        } else if (type == ValueType.REG_DWORD.code() && data.length == 4) {
            line.append(String.format("dword:%08x", value.asDword()));
        } else {
            line.append(type == ValueType.REG_BINARY.code() ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
            appendHex(line, fileBytes(type, data));
        }
        out.append(line).append(NEWLINE);
    }

    /** The text of REG_SZ data that is whole UTF-16 ending with its only NUL and fits the format; else null. */
    private String wellFormedString(byte[] data) {
        if (data.length < 2 || data.length % 2 != 0) {
            return null;
        }
        String s = new String(data, StandardCharsets.UTF_16LE);
        if (s.indexOf('\0') != s.length() - 1 || s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            return null;
        }
        s = s.substring(0, s.length() - 1);
        return format.charset().newEncoder().canEncode(s) ? s : null;
    }

    /** REGEDIT4 files hold the string types as ANSI bytes; version 5 files hold the data as stored. */
    private byte[] fileBytes(int type, byte[] data) {
        if (format == RegFileFormat.REGEDIT4 && RegFileReader.isStringType(type) && data.length % 2 == 0) {
            return new String(data, StandardCharsets.UTF_16LE).getBytes(format.charset());
        }
        return data;
    }

    private static void appendHex(StringBuilder line, byte[] data) {
        int lineStart = 0;
        for (int i = 0; i < data.length; i++) {
            String item = String.format("%02x", data[i] & 0xff) + (i < data.length - 1 ? "," : "");
            // Leave room for the continuation backslash.
            if (line.length() - lineStart + item.length() > MAX_LINE - 1 && i > 0) {
                line.append('\\').append(NEWLINE).append("  ");
                lineStart = line.length() - 2;
            }
            line.append(item);
        }
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
