package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Enable-Feature} and {@code /Disable-Feature /FeatureName:<name> [/FeatureName:...] [/PackageName]}. */
final class SetFeatureCommand extends ImageServicingCommand {
    private final boolean enable;

    SetFeatureCommand(boolean enable) {
        super(List.of(enable ? "Enable-Feature" : "Disable-Feature"), Set.of("FeatureName", "PackageName", "PackagePath"),
                "/Image:<dir> /" + (enable ? "Enable-Feature" : "Disable-Feature")
                        + " /FeatureName:<name> [/FeatureName:...] [/PackageName:<identity>]");
        this.enable = enable;
    }

    /** Changes the state of features. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> names = commandLine.values("FeatureName", "TelnetClient");
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
