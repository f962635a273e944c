package org.imagesmith.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.drivers.DriverPackage;
import org.imagesmith.servicing.drivers.DriverServicing;

/**
 * {@code /Add-Driver /Driver:<.inf | folder> [/Driver:...] [/Recurse] [/ForceUnsigned]}: driver packages, installed in
 * command-line order, all or none.
 */
final class AddDriverCommand extends ImageServicingCommand {
    AddDriverCommand() {
        super(ServicingProvider.DRIVERS, List.of("Add-Driver"), Set.of("Driver", "Recurse", "ForceUnsigned"),
                "/Image:<dir> /Add-Driver /Driver:<.inf|folder> [/Driver:...] [/Recurse] [/ForceUnsigned]   Adds drivers.");
    }

    /** Adds driver packages to the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> values = commandLine.values("Driver", "C:\\drivers\\e1q62x64.inf");
        if (values.isEmpty()) {
            throw new CommandLineException("The option /Driver is missing; give it as /Driver:<.inf file or folder>.");
        }
        boolean recurse = commandLine.has("Recurse");
        DriverServicing drivers = new DriverServicing(session);
        List<DriverPackage> packages = new ArrayList<>();
        for (String value : values) {
            if (value.contains("*") || value.contains("?")) {
                throw new CommandLineException("Wildcards are not supported in /Driver (" + value
                        + "); give an .inf file or a folder (with /Recurse for its subfolders).");
            }
            Path path = Path.of(value);
            boolean folder = Files.isDirectory(path);
            if (folder) {
                console.line("Searching for driver packages to install...");
            }
            packages.addAll(drivers.open(DriverServicing.findInfs(path, recurse), folder));
        }
        if (packages.isEmpty()) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "No driver packages for this image were found"
                    + " in " + String.join(", ", values) + ".");
        }
        console.line("Found " + packages.size() + " driver package(s) to install.");
        List<DriverServicing.AddResult> results = drivers.add(packages, new DriverServicing.AddOptions(
                commandLine.has("ForceUnsigned")));
        for (int i = 0; i < results.size(); i++) {
            DriverServicing.AddResult result = results.get(i);
            console.line("Installing " + (i + 1) + " of " + results.size() + " - " + result.inf() + ": "
                    + (result.alreadyInstalled() ? "The driver package is already installed as " + result.publishedName() + "."
                            : "The driver package was successfully installed."));
        }
        session.log().warnings().forEach(console::warning);
        console.success();
        return ExitCode.SUCCESS;
    }
}
