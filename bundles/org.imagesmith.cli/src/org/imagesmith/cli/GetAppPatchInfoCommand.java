package org.imagesmith.cli;

import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.apps.AppServicing;
import org.imagesmith.servicing.apps.InstalledPatch;

/**
 * {@code /Get-AppPatchInfo [/PatchCode:<GUID>] [/ProductCode:<GUID>]}: installed patches in detail, for one patch,
 * one application, one patch of one application, or all.
 */
final class GetAppPatchInfoCommand extends ImageServicingCommand {
    GetAppPatchInfoCommand() {
        super(ServicingProvider.APPLICATIONS, List.of("Get-AppPatchInfo"), Set.of("PatchCode", "ProductCode"), "/Image:<dir> /Get-AppPatchInfo"
                + " [/PatchCode:<GUID>] [/ProductCode:<GUID>]   Shows Windows Installer patches applied to applications.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<InstalledPatch> patches = new AppServicing(session).patchInfo(commandLine.value("PatchCode"),
                commandLine.value("ProductCode"));
        console.line("Patch Information:");
        console.blank();
        if (patches.isEmpty()) {
            console.line("(No Windows Installer patches found matching the criteria)");
            console.blank();
        }
        for (InstalledPatch patch : patches) {
            console.field("Patch Code", patch.patchCode());
            console.field("Product Code", patch.productCode());
            console.field("Patch Name", patch.patchName());
            console.field("Patch State", patch.stateText());
            console.field("Patch Uninstallable", patch.uninstallable() ? "1" : "0");
            console.field("Help Link", patch.helpLink());
            console.field("Transforms", patch.transforms());
            console.field("Local Package", patch.localPackage());
            console.field("Install Date", patch.installDate());
            console.blank();
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
