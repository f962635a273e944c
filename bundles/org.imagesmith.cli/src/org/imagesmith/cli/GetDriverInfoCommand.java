package org.imagesmith.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.drivers.DriverDetails;
import org.imagesmith.servicing.drivers.DriverModel;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.drivers.InstalledDriver;

/** {@code /Get-DriverInfo /Driver:<oemN.inf | path to .inf> [/Driver:...]}: driver packages in detail. */
final class GetDriverInfoCommand extends ImageServicingCommand {
    GetDriverInfoCommand() {
        super(ServicingProvider.DRIVERS, List.of("Get-DriverInfo"), Set.of("Driver"),
                "/Image:<dir> /Get-DriverInfo /Driver:<oemN.inf|path to .inf> [/Driver:...]   Shows a driver package.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> names = commandLine.values("Driver", "oem0.inf");
        if (names.isEmpty()) {
            throw new CommandLineException("The option /Driver is missing; give it as /Driver:oem0.inf or /Driver:<path to .inf>.");
        }
        DriverServicing drivers = new DriverServicing(session);
        for (String name : names) {
            print(drivers.info(name), console);
        }
        console.success();
        return ExitCode.SUCCESS;
    }

    private static void print(DriverDetails details, DismConsole console) {
        InstalledDriver driver = details.driver();
        console.line("Driver package information:");
        console.blank();
        console.field("Published Name", driver.publishedName());
        console.field("Driver Store Path", driver.driverStorePath());
        console.field("Class Name", driver.className());
        console.field("Class Description", details.classDescription());
        console.field("Class GUID", driver.classGuid());
        console.field("Date", driver.date().map(GetDriversCommand.DRIVER_DATE::format).orElse(""));
        console.field("Version", driver.version());
        console.field("Boot Critical", driver.bootCritical() ? "Yes" : "No");
        console.blank();
        for (Map.Entry<String, List<DriverModel>> architecture : details.models().entrySet()) {
            console.line("Drivers for architecture : " + architecture.getKey());
            console.blank();
            for (DriverModel model : architecture.getValue()) {
                console.field("    Manufacturer", model.manufacturer());
                console.field("    Description", model.description());
                console.field("    Architecture", displayName(model.architecture()));
                console.field("    Hardware ID", model.hardwareId());
                console.field("    Service Name", model.serviceName());
                console.field("    Compatible IDs", String.join(" ", model.compatibleIds()));
                console.field("    Exclude IDs", String.join(" ", model.excludeIds()));
                console.blank();
            }
        }
    }

    /** The architecture as DISM shows it (x64 for amd64). */
    private static String displayName(String infName) {
        return infName.equalsIgnoreCase("amd64") ? "x64" : infName;
    }
}
