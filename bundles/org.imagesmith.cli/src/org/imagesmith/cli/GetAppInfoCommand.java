package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.apps.AppServicing;
import org.imagesmith.servicing.apps.InstalledApp;

/** {@code /Get-AppInfo /ProductCode:<GUID>}: one Windows Installer application in detail. */
final class GetAppInfoCommand extends ImageServicingCommand {
    GetAppInfoCommand() {
        super(ServicingProvider.APPLICATIONS, List.of("Get-AppInfo"), Set.of("ProductCode"),
                "/Image:<dir> /Get-AppInfo /ProductCode:<GUID>   Shows a Windows Installer application.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        InstalledApp app = new AppServicing(session).app(commandLine.required("ProductCode", "<product code GUID>"));
        console.line("App Information:");
        console.blank();
        console.field("Product Code", app.productCode());
        console.field("Product Name", app.productName());
        console.field("Product State", app.stateText());
        console.field("Package Code", app.packageCode());
        console.field("Product Version", app.productVersion());
        console.field("Assignment Type", app.assignmentText());
        console.field("Publisher", app.publisher());
        console.field("Language", app.language() < 0 ? "" : Integer.toString(app.language()));
        console.field("Install Source", app.installSource());
        console.field("Package Name", app.packageName());
        console.field("Help Link", app.helpLink());
        console.field("Transforms", app.transforms());
        console.field("Local Package", app.localPackage());
        console.field("Install Date", app.installDate());
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
