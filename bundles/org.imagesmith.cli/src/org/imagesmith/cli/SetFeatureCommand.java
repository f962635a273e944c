package org.imagesmith.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Enable-Feature} and {@code /Disable-Feature /FeatureName:<name> [/FeatureName:...] [/PackageName]}. */
final class SetFeatureCommand extends ImageServicingCommand {
    private final boolean enable;

    SetFeatureCommand(boolean enable) {
        this.enable = enable;
    }

    @Override
    public List<String> names() {
        return List.of(enable ? "Enable-Feature" : "Disable-Feature");
    }

    @Override
    Set<String> commandOptions() {
        return Set.of("FeatureName", "PackageName", "PackagePath");
    }

    @Override
    public String summary() {
        return "/Image:<dir> /" + names().get(0) + " /FeatureName:<name> [/FeatureName:...] [/PackageName:<identity>]";
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> names = new ArrayList<>();
        for (Option option : commandLine.all("FeatureName")) {
            names.add(option.value().filter(v -> !v.isEmpty()).orElseThrow(() -> new CommandLineException(
                    "The option /FeatureName needs a value, as in /FeatureName:TelnetClient.")));
        }
        if (names.isEmpty()) {
            throw new CommandLineException("The option /FeatureName is missing; give it as /FeatureName:<name>.");
        }
        console.line((enable ? "Enabling" : "Disabling") + " feature(s)");
        new PackageServicing(session).setFeatures(names, PackageArguments.identity(commandLine, session), enable);
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
