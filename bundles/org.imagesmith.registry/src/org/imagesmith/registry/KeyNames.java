package org.imagesmith.registry;

import java.nio.charset.StandardCharsets;

/**
 * Key and value names as the configuration manager handles them: compared case-insensitively on upper-cased UTF-16
 * units, stored "compressed" (one byte a character) when every character is below U+0100, else in UTF-16LE.
 */
final class KeyNames {
    private KeyNames() {
    }

    /** Compares two names the way subkey lists are sorted: character by character on their upper-case forms. */
    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = Character.toUpperCase(a.charAt(i));
            char cb = Character.toUpperCase(b.charAt(i));
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    static boolean equal(String a, String b) {
        return a.length() == b.length() && compare(a, b) == 0;
    }

    /** The hash an "lh" leaf stores: hash = hash * 37 + upper-cased UTF-16 unit, over the whole name. */
    static int leafHash(String name) {
        int hash = 0;
        for (int i = 0; i < name.length(); i++) {
            hash = hash * 37 + Character.toUpperCase(name.charAt(i));
        }
        return hash;
    }

    /** The hint an "lf" leaf stores: the name's first four characters, one byte each, zero padded. */
    static int leafHint(String name) {
        int hint = 0;
        for (int i = 0; i < Math.min(4, name.length()); i++) {
            hint |= (name.charAt(i) & 0xff) << (8 * i);
        }
        return hint;
    }

    static boolean compressible(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(String name, boolean compressed) {
        return name.getBytes(compressed ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    static String decode(byte[] bytes, boolean compressed) {
        return new String(bytes, compressed ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }

    /** Checks a name given to the API: not empty, at most 255 characters, no backslash for key names. */
    static String checkKeyName(String name) {
        if (name.isEmpty() || name.length() > 255 || name.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("invalid key name \"" + name
                    + "\": a key name has 1 to 255 characters and no backslash");
        }
        return name;
    }

    static String checkValueName(String name) {
        if (name.length() > 16383) {
            throw new IllegalArgumentException("value name of " + name.length()
                    + " characters is longer than the 16383 allowed");
        }
        return name;
    }

    /** FILETIME (100 ns intervals since 1601-01-01 UTC) of the current time. */
    static long fileTimeNow() {
        return (System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L;
    }
}
