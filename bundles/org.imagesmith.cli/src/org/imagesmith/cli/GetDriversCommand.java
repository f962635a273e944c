package org.imagesmith.cli;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.drivers.InstalledDriver;

/** {@code /Get-Drivers [/All] [/Format:Table|List]}: the third-party driver packages (with /All, the inbox ones too). */
final class GetDriversCommand extends ImageServicingCommand {
    /** DriverVer dates as DISM prints them, such as 11/21/2010. */
    static final DateTimeFormatter DRIVER_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    GetDriversCommand() {
        super(ServicingProvider.DRIVERS, List.of("Get-Drivers"), Set.of("All"),
                "/Image:<dir> /Get-Drivers [/All] [/Format:Table|List]   Lists the driver packages in the image.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        boolean all = commandLine.has("All");
        boolean table = table(commandLine);
        List<InstalledDriver> drivers = new DriverServicing(session).drivers(all);
        console.line(all ? "Obtaining list of all drivers from the driver store..."
                : "Obtaining list of 3rd party drivers from the driver store...");
        console.blank();
        console.line("Driver packages listing:");
        console.blank();
        if (drivers.isEmpty()) {
            console.line("(No drivers found in the image matching the criteria)");
            console.blank();
        }
        List<List<String>> rows = new ArrayList<>();
        for (InstalledDriver driver : drivers) {
            String inbox = driver.inbox() ? "Yes" : "No";
            String date = driver.date().map(DRIVER_DATE::format).orElse("");
            if (table) {
                rows.add(List.of(driver.publishedName(), driver.originalFileName(), inbox, driver.className(),
                        driver.providerName(), date, driver.version()));
            } else {
                console.field("Published Name", driver.publishedName());
                console.field("Original File Name", driver.originalFileName());
                console.field("Inbox", inbox);
                console.field("Class Name", driver.className());
                console.field("Provider Name", driver.providerName());
                console.field("Date", date);
                console.field("Version", driver.version());
                console.blank();
            }
        }
        if (table && !drivers.isEmpty()) {
            console.table(List.of("Published Name", "Original File Name", "Inbox", "Class Name", "Provider Name", "Date",
                    "Version"), rows);
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
