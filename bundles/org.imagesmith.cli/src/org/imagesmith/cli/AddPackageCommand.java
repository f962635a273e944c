package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;

/** {@code /Add-Package /PackagePath:<cab|msu|folder> ... [/IgnoreCheck] [/PreventPending]}: packages, in order. */
final class AddPackageCommand extends ImageServicingCommand {
    AddPackageCommand() {
        super(List.of("Add-Package"), Set.of("PackagePath", "IgnoreCheck", "PreventPending"),
                "/Image:<dir> /Add-Package /PackagePath:<file|folder> [/PackagePath:...] [/IgnoreCheck] [/PreventPending]");
    }

    /** Installs packages into the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<PackageSource> sources = PackageArguments.sources(commandLine, session);
        PackageServicing packages = new PackageServicing(session);
        PackageServicing.AddOptions options = new PackageServicing.AddOptions(commandLine.has("IgnoreCheck"),
                commandLine.has("PreventPending"));
        for (int i = 0; i < sources.size(); i++) {
            PackageSource source = sources.get(i);
            console.line("Processing " + (i + 1) + " of " + sources.size() + " - Adding package "
                    + source.manifest().identity());
            PackageServicing.AddResult result = packages.add(List.of(source), options).get(0);
            console.progress(100.0);
            if (result.skipped()) {
                console.warning(result.message());
            }
        }
        session.log().warnings().forEach(console::warning);
        console.success();
        return ExitCode.SUCCESS;
    }
}
