package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.international.InternationalServicing;

/**
 * The international /Set- commands, each taking its value after a colon: /Set-UILang:de-DE,
 * /Set-InputLocale:0409:00000409;de-DE, /Set-TimeZone:"W. Europe Standard Time", /Set-LayeredDriver:6 ...
 */
final class SetIntlCommand extends ImageServicingCommand {

    /** One international setting: its command name, an example value and what it sets. */
    enum Setting {
        UI_LANGUAGE("Set-UILang", "de-DE", "the default system UI language"),
        UI_LANGUAGE_FALLBACK("Set-UILangFallback", "en-US", "the UI language fallback"),
        SYSTEM_LOCALE("Set-SysLocale", "de-DE", "the system locale"),
        USER_LOCALE("Set-UserLocale", "de-DE", "the user locale"),
        INPUT_LOCALE("Set-InputLocale", "0407:00000407", "the input locales"),
        ALL("Set-AllIntl", "de-DE", "all international settings"),
        TIME_ZONE("Set-TimeZone", "\"W. Europe Standard Time\"", "the default time zone"),
        SKU_DEFAULTS("Set-SKUIntlDefaults", "de-DE", "the language pack defaults of"),
        LAYERED_DRIVER("Set-LayeredDriver", "6", "the keyboard layered driver");

        final String command;
        final String example;
        final String what;

        Setting(String command, String example, String what) {
            this.command = command;
            this.example = example;
            this.what = what;
        }
    }

    private final Setting setting;

    SetIntlCommand(Setting setting) {
        super(ServicingProvider.INTERNATIONAL, List.of(setting.command), Set.of(), "/Image:<dir> /" + setting.command + ":" + setting.example
                + "   Sets " + setting.what + (setting == Setting.SKU_DEFAULTS ? " a language." : "."));
        this.setting = setting;
    }

    /** Changes the international settings. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        String value = commandLine.value(setting.command).orElseThrow(() -> new CommandLineException(
                "The option /" + setting.command + " needs a value, as in /" + setting.command + ":" + setting.example + "."));
        InternationalServicing international = new InternationalServicing(session);
        switch (setting) {
            case UI_LANGUAGE -> international.setUiLanguage(value);
            case UI_LANGUAGE_FALLBACK -> international.setUiLanguageFallback(value);
            case SYSTEM_LOCALE -> international.setSystemLocale(value);
            case USER_LOCALE -> international.setUserLocale(value);
            case INPUT_LOCALE -> international.setInputLocales(value);
            case ALL -> international.setAll(value);
            case TIME_ZONE -> international.setTimeZone(value);
            case SKU_DEFAULTS -> international.setSkuDefaults(value);
            case LAYERED_DRIVER -> international.setLayeredDriver(value);
        }
        console.line("Setting " + setting.what + " " + (setting == Setting.SKU_DEFAULTS ? "" : "to ") + value + ".");
        session.log().warnings().forEach(console::warning);
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
