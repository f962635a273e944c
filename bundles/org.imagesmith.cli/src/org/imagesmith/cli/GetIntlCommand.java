package org.imagesmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.international.InputLocale;
import org.imagesmith.servicing.international.InstalledLanguage;
import org.imagesmith.servicing.international.InternationalServicing;
import org.imagesmith.servicing.international.InternationalSettings;
import org.imagesmith.servicing.international.LangIni;
import org.imagesmith.servicing.international.LayeredDriver;

/** {@code /Get-Intl [/Distribution:<folder>]}: the image's international settings and languages, in DISM's layout. */
final class GetIntlCommand extends ImageServicingCommand {
    GetIntlCommand() {
        super(ServicingProvider.INTERNATIONAL, List.of("Get-Intl"), Set.of("Distribution"),
                "/Image:<dir> /Get-Intl [/Distribution:<folder>]   Displays the international settings and languages.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        InternationalServicing international = new InternationalServicing(session);
        Optional<String> distribution = commandLine.value("Distribution");
        InternationalSettings settings = international.settings();
        console.line("Reporting offline international settings.");
        console.blank();
        console.field("Default system UI language", settings.uiLanguage().orElse("Not set."));
        if (!settings.uiLanguageFallback().isEmpty()) {
            console.field("The UI language fallback is", String.join(", ", settings.uiLanguageFallback()));
        }
        console.field("System locale", settings.systemLocale().orElse("Not set."));
        console.field("Default time zone", settings.timeZone().orElse("Not set."));
        console.field("User locale for default user", settings.userLocale().orElse("Not set."));
        console.field("Active keyboard(s)", settings.inputLocales().isEmpty() ? "Not set."
                : String.join(", ", settings.inputLocales().stream().map(InputLocale::toString).toList()));
        console.field("Keyboard layered driver", settings.layeredDriver().orElse(LayeredDriver.PC_AT_ENHANCED).displayName());
        console.blank();
        for (InstalledLanguage language : settings.installedLanguages()) {
            console.line("Installed language(s): " + language.tag());
            console.line("  Type : " + language.typeText());
        }
        if (distribution.isPresent()) {
            console.blank();
            console.line("Reporting distribution languages.");
            console.blank();
            Optional<LangIni> ini = international.langIni(Path.of(distribution.get()));
            console.line("The default language in the distribution is:");
            console.line(ini.flatMap(LangIni::defaultLanguage).orElse("No languages found"));
            console.blank();
            console.line("The other available languages in the distribution are:");
            List<String> others = ini.map(LangIni::otherLanguages).orElse(List.of());
            console.line(others.isEmpty() ? "No languages found" : String.join(", ", others));
        }
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
