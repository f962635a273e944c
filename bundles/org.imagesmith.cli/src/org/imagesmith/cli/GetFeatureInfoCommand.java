package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Get-FeatureInfo /FeatureName:<name> [/PackageName:<identity>]}. */
final class GetFeatureInfoCommand extends ImageServicingCommand {
    GetFeatureInfoCommand() {
        super(List.of("Get-FeatureInfo"), Set.of("FeatureName", "PackageName", "PackagePath"),
                "/Image:<dir> /Get-FeatureInfo /FeatureName:<name> [/PackageName:<identity>]   Shows one feature.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        String name = commandLine.required("FeatureName", "<name>");
        Feature feature = new PackageServicing(session).feature(name, PackageArguments.identity(commandLine, session));
        console.line("Feature Information:");
        console.blank();
        console.field("Feature Name", feature.name());
        console.field("Display Name", feature.update().displayName());
        console.field("Description", feature.update().description());
        console.field("Restart Required", GetPackageInfoCommand.capitalized(feature.update().restart()));
        console.field("State", feature.state().featureText());
        console.blank();
        console.line("Custom Properties:");
        console.blank();
        console.line("(No custom properties found)");
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
