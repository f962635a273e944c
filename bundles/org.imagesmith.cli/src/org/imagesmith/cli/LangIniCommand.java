package org.imagesmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.international.InternationalServicing;

/**
 * {@code /Gen-LangIni /Distribution:<folder>} (writes the distribution's Sources\lang.ini from the image's
 * languages) and {@code /Set-SetupUILang:<language> /Distribution:<folder>} (the language Setup starts in).
 */
final class LangIniCommand extends ImageServicingCommand {
    private final boolean generate;

    LangIniCommand(boolean generate) {
        super(ServicingProvider.INTERNATIONAL, List.of(generate ? "Gen-LangIni" : "Set-SetupUILang"), Set.of("Distribution"), generate
                ? "/Image:<dir> /Gen-LangIni /Distribution:<folder>   Writes the distribution's Sources\\lang.ini."
                : "/Image:<dir> /Set-SetupUILang:<language> /Distribution:<folder>   Sets the language Setup starts in.");
        this.generate = generate;
    }

    /** Reads the image; what it writes is the distribution's lang.ini, not the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        Path distribution = Path.of(commandLine.required("Distribution", "<folder of a Windows distribution>"));
        InternationalServicing international = new InternationalServicing(session);
        if (generate) {
            console.line("Generating a new lang.ini file.");
            Path file = international.generateLangIni(distribution);
            console.line("The lang.ini file was written to " + file + ".");
        } else {
            String language = commandLine.value("Set-SetupUILang").orElseThrow(() -> new CommandLineException(
                    "The option /Set-SetupUILang needs a language, as in /Set-SetupUILang:en-US."));
            international.setSetupUiLanguage(language, distribution);
            console.line("Setting the default Setup UI language to " + language + ".");
        }
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
