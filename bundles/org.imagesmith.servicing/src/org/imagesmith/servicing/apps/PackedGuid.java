package org.imagesmith.servicing.apps;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Windows Installer GUID (product, package, patch or upgrade code) in both of its spellings. The registry keys
 * of the installer are named by the <em>packed</em> (also called compressed or squished) form: the 32 hex digits
 * without braces and dashes, with the first three groups written backwards and each byte of the last two groups
 * with its two digits swapped. {@code {12345678-ABCD-EF01-2345-6789ABCDEF01}} packs to
 * {@code 87654321DCBA10FE32547698BADCFE10}.
 *
 * @param guid the GUID in registry format: braces, upper-case hex digits, dashes
 */
public record PackedGuid(String guid) {
    private static final Pattern GUID = Pattern.compile(
            "\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}");
    private static final Pattern PACKED = Pattern.compile("[0-9A-F]{32}");

    public PackedGuid {
        if (guid == null || !GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("\"" + guid + "\" is not a GUID in registry format, such as"
                    + " {12345678-ABCD-EF01-2345-6789ABCDEF01}.");
        }
    }

    /**
     * Reads a GUID as users write it: with braces, in either case, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException when the text is not a GUID
     */
    public static PackedGuid parse(String text) {
        return new PackedGuid(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * The GUID whose packed form names a registry key or value.
     *
     * @throws IllegalArgumentException when the text is not 32 hex digits
     */
    public static PackedGuid unpack(String packed) {
        String digits = packed == null ? "" : packed.strip().toUpperCase(Locale.ROOT);
        if (!PACKED.matcher(digits).matches()) {
            throw new IllegalArgumentException("\"" + packed + "\" is not a packed Windows Installer GUID (32 hex digits).");
        }
        String plain = shuffle(digits);
        return new PackedGuid("{" + plain.substring(0, 8) + "-" + plain.substring(8, 12) + "-" + plain.substring(12, 16)
                + "-" + plain.substring(16, 20) + "-" + plain.substring(20) + "}");
    }

    /** The packed form, 32 upper-case hex digits. */
    public String packed() {
        return shuffle(guid.replace("{", "").replace("}", "").replace("-", ""));
    }

    /** Packing and unpacking are the same permutation of the 32 digits. */
    private static String shuffle(String digits) {
        StringBuilder out = new StringBuilder(32);
        out.append(new StringBuilder(digits.substring(0, 8)).reverse());
        out.append(new StringBuilder(digits.substring(8, 12)).reverse());
        out.append(new StringBuilder(digits.substring(12, 16)).reverse());
        for (int i = 16; i < 32; i += 2) {
            out.append(digits.charAt(i + 1)).append(digits.charAt(i));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return guid;
    }
}
