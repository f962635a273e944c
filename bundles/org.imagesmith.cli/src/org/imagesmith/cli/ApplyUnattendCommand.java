package org.imagesmith.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.unattend.UnattendServicing;

/**
 * {@code /Apply-Unattend:<answer file> [/WhatIf]}: the offlineServicing pass of one answer file (packages, features, driver
 * paths, offline settings), all of it or nothing.
 */
final class ApplyUnattendCommand extends ImageServicingCommand {
    ApplyUnattendCommand() {
        super(List.of("Apply-Unattend"), Set.of("WhatIf"),
                "/Image:<dir> /Apply-Unattend:<unattend.xml> [/WhatIf]   Applies the offlineServicing pass of an answer"
                        + " file (/WhatIf: only says what it would change).");
    }

    /** Applies the answer file; with /WhatIf it only reads the image. */
    @Override
    ServicingRun.Access access(CommandLine commandLine) {
        return commandLine.has("WhatIf") ? ServicingRun.Access.READ : ServicingRun.Access.WRITE;
    }

    @Override
    int run(CommandLine commandLine, DismConsole console, ServicingSession session)
            throws CommandLineException, ServicingException {
        String file = commandLine.value("Apply-Unattend").orElseThrow(() -> new CommandLineException(
                "/Apply-Unattend needs the answer file on the command itself, as in /Apply-Unattend:C:\\unattend.xml."));
        if (commandLine.has("WhatIf")) {
            UnattendServicing.Result plan = new UnattendServicing(session).whatIf(Path.of(file));
            console.line("What if: nothing is changed.");
            plan.actions().forEach(console::line);
            plan.warnings().forEach(console::warning);
            console.success();
            return ExitCode.SUCCESS;
        }
        UnattendServicing.Result result = new UnattendServicing(session).apply(Path.of(file));
        result.actions().forEach(console::line);
        console.progress(100.0);
        result.warnings().forEach(console::warning);
        console.success();
        return ExitCode.SUCCESS;
    }
}
