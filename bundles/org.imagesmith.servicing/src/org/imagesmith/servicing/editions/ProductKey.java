package org.imagesmith.servicing.editions;

import java.util.Locale;

/**
 * A Windows product key: five groups of five characters separated by hyphens, drawn from the 24 characters
 * product keys use (BCDFGHJKMPQRTVWXY2346789: no vowels, no 0, 1 or 5).
 */
public record ProductKey(String text) {
    public static final String ALPHABET = "BCDFGHJKMPQRTVWXY2346789";

    /**
     * Checks the form of a key (any case) and returns it in capitals.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static ProductKey parse(String key) {
        String upper = key.trim().toUpperCase(Locale.ROOT);
        String[] groups = upper.split("-", -1);
        if (groups.length != 5) {
            throw new IllegalArgumentException("\"" + key + "\" is not a product key: a key is five groups of five"
                    + " characters separated by hyphens, such as XXXXX-XXXXX-XXXXX-XXXXX-XXXXX");
        }
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].length() != 5) {
                throw new IllegalArgumentException("\"" + key + "\" is not a product key: group " + (g + 1) + " (\""
                        + groups[g] + "\") has " + groups[g].length() + " characters, not 5");
            }
            for (char c : groups[g].toCharArray()) {
                if (ALPHABET.indexOf(c) < 0) {
                    throw new IllegalArgumentException("\"" + key + "\" is not a product key: '" + c + "' in group "
                            + (g + 1) + " is not one of the characters product keys use (" + ALPHABET + ")");
                }
            }
        }
        return new ProductKey(upper);
    }

    /** The key with all but its last group hidden, for logs. */
    public String masked() {
        return "XXXXX-XXXXX-XXXXX-XXXXX-" + text.substring(24);
    }

    @Override
    public String toString() {
        return masked();
    }
}
