package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.drivers.DriverServicing;

/** {@code /Remove-Driver /Driver:oem<N>.inf [/Driver:...]}: third-party driver packages, all or none. */
final class RemoveDriverCommand extends ImageServicingCommand {
    RemoveDriverCommand() {
        super(ServicingProvider.DRIVERS, List.of("Remove-Driver"), Set.of("Driver"),
                "/Image:<dir> /Remove-Driver /Driver:<oemN.inf> [/Driver:...]   Removes third-party drivers.");
    }

    /** Removes driver packages from the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> names = commandLine.values("Driver", "oem0.inf");
        if (names.isEmpty()) {
            throw new CommandLineException("The option /Driver is missing; give the published name as /Driver:oem0.inf.");
        }
        console.line("Found " + names.size() + " driver package(s) to remove.");
        new DriverServicing(session).remove(names);
        for (int i = 0; i < names.size(); i++) {
            console.line("Removing " + (i + 1) + " of " + names.size() + " - " + names.get(i)
                    + ": The driver package was successfully removed.");
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
