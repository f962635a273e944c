package org.imagesmith.servicing.international;

import java.util.Locale;

/**
 * An input locale as DISM writes it: a language identifier and a keyboard layout, "0409:00000409" (US English
 * with the US layout).
 */
public record InputLocale(int languageId, int keyboardLayout) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%08x", languageId, keyboardLayout);
    }

    /** True when the layout is the language's own (KLID 0000xxxx equal to the language identifier). */
    public boolean isLanguageDefaultLayout() {
        return keyboardLayout == languageId;
    }
}
