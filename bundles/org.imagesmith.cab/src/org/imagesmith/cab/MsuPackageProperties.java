package org.imagesmith.cab;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code key="value"} lines of an .msu package's {@code *-pkgProperties.txt} (such as {@code KB Article Number},
 * {@code Processor Architecture}, {@code Applies to}), in file order.
 */
public record MsuPackageProperties(Map<String, String> values) {

    public MsuPackageProperties {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parses the file's bytes: UTF-16 (with a byte-order mark, or little-endian without one), UTF-8 with a BOM, or
     * ANSI (windows-1252). Lines without {@code =} are ignored; quotes around values are removed.
     */
    public static MsuPackageProperties parse(byte[] bytes) {
        String text = decode(bytes);
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\r\n|\r|\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!key.isEmpty()) {
                values.put(key, value);
            }
        }
        return new MsuPackageProperties(values);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        Charset charset = bytes.length >= 2 && bytes.length % 2 == 0 && bytes[0] != 0 && bytes[1] == 0
                ? StandardCharsets.UTF_16LE : AnsiCodePage.CHARSET;
        return new String(bytes, charset);
    }

    /** The value of a key, compared ignoring case. */
    public Optional<String> get(String key) {
        String value = values.get(key);
        if (value == null) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                if (entry.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.ofNullable(value);
    }

    /** "KB Article Number", such as 5034441. */
    public Optional<String> kbArticleNumber() {
        return get("KB Article Number");
    }

    /** "Processor Architecture": x86, amd64, arm64... */
    public Optional<String> processorArchitecture() {
        return get("Processor Architecture");
    }

    /** "Applies to". */
    public Optional<String> appliesTo() {
        return get("Applies to");
    }

    /** "Installation Type", such as Security Update. */
    public Optional<String> installationType() {
        return get("Installation Type");
    }

    /** "Package Type", such as Update. */
    public Optional<String> packageType() {
        return get("Package Type");
    }
}
