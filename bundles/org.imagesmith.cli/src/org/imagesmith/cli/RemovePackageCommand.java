package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Remove-Package /PackageName:<identity> | /PackagePath:<cab>}. */
final class RemovePackageCommand extends ImageServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Remove-Package");
    }

    @Override
    Set<String> commandOptions() {
        return Set.of("PackageName", "PackagePath");
    }

    @Override
    public String summary() {
        return "/Image:<dir> /Remove-Package /PackageName:<identity> | /PackagePath:<file>   Removes a package.";
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
