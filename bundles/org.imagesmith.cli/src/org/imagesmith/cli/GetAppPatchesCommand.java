package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.apps.AppServicing;
import org.imagesmith.servicing.apps.InstalledPatch;

/** {@code /Get-AppPatches [/ProductCode:<GUID>] [/Format:Table|List]}: the patches (.msp) applied to applications. */
final class GetAppPatchesCommand extends ImageServicingCommand {
    GetAppPatchesCommand() {
        super(ServicingProvider.APPLICATIONS, List.of("Get-AppPatches"), Set.of("ProductCode"), "/Image:<dir> /Get-AppPatches [/ProductCode:<GUID>]"
                + " [/Format:Table|List]   Lists the Windows Installer patches applied to applications.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        boolean table = table(commandLine);
        List<InstalledPatch> patches = new AppServicing(session).patches(commandLine.value("ProductCode"));
        console.line("Listing of Windows Installer patches:");
        console.blank();
        if (patches.isEmpty()) {
            console.line("(No Windows Installer patches found matching the criteria)");
            console.blank();
        } else if (table) {
            console.table(List.of("Patch Code", "Product Code", "Patch Name"), patches.stream()
                    .map(p -> List.of(p.patchCode().guid(), p.productCode().guid(), p.patchName())).toList());
        } else {
            for (InstalledPatch patch : patches) {
                console.field("Patch Code", patch.patchCode());
                console.field("Product Code", patch.productCode());
                console.field("Patch Name", patch.patchName());
                console.blank();
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
