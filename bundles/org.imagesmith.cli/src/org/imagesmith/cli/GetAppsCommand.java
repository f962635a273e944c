package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.apps.AppServicing;
import org.imagesmith.servicing.apps.InstalledApp;

/** {@code /Get-Apps [/Format:Table|List]}: the Windows Installer applications (.msi) installed in the image. */
final class GetAppsCommand extends ImageServicingCommand {
    GetAppsCommand() {
        super(ServicingProvider.APPLICATIONS, List.of("Get-Apps"), Set.of(),
                "/Image:<dir> /Get-Apps [/Format:Table|List]   Lists the Windows Installer applications in the image.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session) throws CommandLineException {
        boolean table = table(commandLine);
        List<InstalledApp> apps = new AppServicing(session).apps();
        console.line("Listing of Windows Installer applications:");
        console.blank();
        if (apps.isEmpty()) {
            console.line("(No Windows Installer applications found in the image)");
            console.blank();
        } else if (table) {
            console.table(List.of("Product Code", "Product Name"),
                    apps.stream().map(a -> List.of(a.productCode().guid(), a.productName())).toList());
        } else {
            for (InstalledApp app : apps) {
                console.field("Product Code", app.productCode());
                console.field("Product Name", app.productName());
                console.blank();
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
