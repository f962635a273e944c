package org.imagesmith.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Get-Features [/PackageName | /PackagePath] [/Format:Table|List]}. */
final class GetFeaturesCommand extends ImageServicingCommand {
    GetFeaturesCommand() {
        super(List.of("Get-Features"), Set.of("PackageName", "PackagePath"),
                "/Image:<dir> /Get-Features [/PackageName:<identity>] [/Format:Table|List]   Lists features.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        Optional<PackageIdentity> in = PackageArguments.identity(commandLine, session);
        List<Feature> features = new PackageServicing(session).features(in);
        console.line("Features listing for package : " + in.map(PackageIdentity::toString).orElse("(all packages)"));
        console.blank();
        if (table(commandLine)) {
            List<List<String>> rows = new ArrayList<>();
            features.forEach(f -> rows.add(List.of(f.name(), f.state().featureText())));
            console.table(List.of("Feature Name", "State"), rows);
        } else {
            for (Feature feature : features) {
                console.field("Feature Name", feature.name());
                console.field("State", feature.state().featureText());
                console.blank();
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
