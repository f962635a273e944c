package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.InstalledPackage;
import org.imagesmith.servicing.packages.PackageManifest;
import org.imagesmith.servicing.packages.PackageServicing;

/** {@code /Get-Packages}: the packages of the image with state, release type and install time. */
final class GetPackagesCommand extends ImageServicingCommand {
    GetPackagesCommand() {
        super(List.of("Get-Packages"), Set.of(),
                "/Image:<dir> /Get-Packages [/Format:Table|List]   Lists the packages in the image.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        PackageServicing packages = new PackageServicing(session);
        console.line("Packages listing:");
        console.blank();
        boolean table = table(commandLine);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (InstalledPackage pkg : packages.packages()) {
            String releaseType = packages.manifest(pkg.identity()).map(PackageManifest::releaseType).orElse("");
            String time = pkg.installTime().map(console::shortDate).orElse("");
            if (table) {
                rows.add(List.of(pkg.identity().toString(), pkg.state().packageText(), releaseType, time));
            } else {
                console.field("Package Identity", pkg.identity());
                console.field("State", pkg.state().packageText());
                console.field("Release Type", releaseType);
                console.field("Install Time", time);
                console.blank();
            }
        }
        if (table) {
            console.table(List.of("Package Identity", "State", "Release Type", "Install Time"), rows);
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
