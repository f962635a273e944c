package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Remove-Package /PackageName:<identity> | /PackagePath:<cab>}. */
final class RemovePackageCommand extends ImageServicingCommand {
    RemovePackageCommand() {
        super(List.of("Remove-Package"), Set.of("PackageName", "PackagePath"),
                "/Image:<dir> /Remove-Package /PackageName:<identity> | /PackagePath:<file>   Removes a package.");
    }

    /** Removes packages from the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        PackageIdentity identity = PackageArguments.identity(commandLine, session).orElseThrow(() ->
                new CommandLineException("Give the package with /PackageName:<identity> or /PackagePath:<file>."));
        console.line("Processing 1 of 1 - Removing package " + identity);
        new PackageServicing(session).remove(identity);
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
