package org.imagesmith.servicing.international;

import java.util.Locale;
import java.util.Optional;

/**
 * A Windows locale (National Language Support): its language tag (en-US), locale identifier (LCID 0x0409) and
 * English name; for the languages Windows ships language packs for, also the keyboard layout and time zone the
 * language pack makes the default (what /Set-SKUIntlDefaults applies).
 */
public record NlsLocale(String tag, int lcid, String name, Optional<Integer> defaultKeyboard,
        Optional<String> defaultTimeZone) {

    /** The LCID as the Nls\Language values write it: four hex digits, "0409". */
    public String lcidText() {
        return String.format(Locale.ROOT, "%04x", lcid);
    }

    /** The LCID as Nls\Locale and Control Panel\International write it: eight hex digits, "00000409". */
    public String lcidLongText() {
        return String.format(Locale.ROOT, "%08x", lcid);
    }

    /** True when a language pack of this language sets the defaults /Set-SKUIntlDefaults applies. */
    public boolean hasLanguagePackDefaults() {
        return defaultKeyboard.isPresent() && defaultTimeZone.isPresent();
    }
}
