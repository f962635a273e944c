package org.imagesmith.servicing.international;

import java.util.List;
import java.util.Optional;

/**
 * The international settings of an offline image, as /Get-Intl reports them: the default system UI language and
 * its fallbacks, the system locale, the default time zone, the default user's locale and keyboards, the keyboard
 * layered driver and the installed languages. Values the image does not set are empty.
 */
public record InternationalSettings(
        Optional<String> uiLanguage,
        List<String> uiLanguageFallback,
        Optional<String> systemLocale,
        Optional<String> timeZone,
        Optional<String> userLocale,
        List<InputLocale> inputLocales,
        Optional<LayeredDriver> layeredDriver,
        List<InstalledLanguage> installedLanguages) {

    public InternationalSettings {
        uiLanguageFallback = List.copyOf(uiLanguageFallback);
        inputLocales = List.copyOf(inputLocales);
        installedLanguages = List.copyOf(installedLanguages);
    }
}
