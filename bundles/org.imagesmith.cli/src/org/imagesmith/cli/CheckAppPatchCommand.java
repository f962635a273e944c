package org.imagesmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.apps.AppServicing;
import org.imagesmith.servicing.apps.PatchApplicability;
import org.imagesmith.servicing.apps.PatchPackage;

/**
 * {@code /Check-AppPatch /PatchLocation:<.msp> [/PatchLocation:...]}: whether Windows Installer patches apply to the
 * applications of the image.
 */
final class CheckAppPatchCommand extends ImageServicingCommand {
    CheckAppPatchCommand() {
        super(ServicingProvider.APPLICATIONS, List.of("Check-AppPatch"), Set.of("PatchLocation"), "/Image:<dir> /Check-AppPatch"
                + " /PatchLocation:<path to .msp> [/PatchLocation:...]   Checks whether patches apply to the image.");
    }

    /** Reads the image only. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return ServicingRun.Access.READ;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        List<String> locations = commandLine.values("PatchLocation", "<path to .msp>");
        if (locations.isEmpty()) {
            throw new CommandLineException("The option /PatchLocation is missing; give it as /PatchLocation:<path to .msp>.");
        }
        AppServicing apps = new AppServicing(session);
        for (String location : locations) {
            PatchApplicability result = apps.checkPatch(Path.of(location));
            PatchPackage patch = result.patch();
            console.line("Patch Information:");
            console.blank();
            console.field("Patch Location", location);
            console.field("Patch Code", patch.patchCode());
            console.field("Patch Name", patch.summary().subject());
            console.field("Applicable", result.applicable() ? "Yes" : "No");
            console.blank();
            for (PatchApplicability.Target target : result.targets()) {
                console.field("    Product Code", target.productCode());
                console.field("    Product Name", target.installed().map(a -> a.productName()).orElse(""));
                console.field("    Applicable", target.applicable() ? "Yes" : "No");
                target.reason().ifPresent(reason -> console.field("    Reason", reason));
                console.blank();
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
