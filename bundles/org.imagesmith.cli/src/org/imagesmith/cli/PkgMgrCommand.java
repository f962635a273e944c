package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingRun;
import org.imagesmith.servicing.ServicingTarget;
import org.imagesmith.servicing.pkgmgr.PackageManager;
import org.imagesmith.servicing.pkgmgr.PkgMgrCommandLine;

/**
 * {@code /PkgMgr <pkgmgr switches>}: a Windows Vista Package Manager command line (/o:, /ip /m:, /up:, /iu:, /uu:,
 * /n:, /s:, /l:, /quiet, /norestart) run with the same servicing operations as DISM's commands, so scripts written
 * for pkgmgr.exe keep working with one word added in front.
 */
final class PkgMgrCommand implements ServicingCommand {
    @Override
    public List<String> names() {
        return List.of("PkgMgr");
    }

    @Override
    public Set<String> options() {
        return PkgMgrCommandLine.SWITCHES;
    }

    @Override
    public String summary() {
        return "/PkgMgr /o:<system drive>;<Windows folder> /ip /m:<package> | /up:<package> | /iu:<features> | /uu:<features>"
                + " | /n:<unattend.xml> [/s:<sandbox>] [/l:<log>] [/quiet] [/norestart]   Runs a Package Manager command line.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        List<String> switches = commandLine.options().stream().filter(o -> !o.is("PkgMgr") && !o.is("English"))
                .map(Option::text).toList();
        PkgMgrCommandLine pkgmgr;
        try {
            pkgmgr = PkgMgrCommandLine.parse(switches);
        } catch (ServicingException e) {
            throw new CommandLineException(e.getMessage());
        }
        Path logFile = pkgmgr.log().orElseGet(ServicingLog::defaultLogFile);
        try (ServicingLog log = ServicingLog.open(logFile, LogLevel.INFO)) {
            log.info("DISM.EXE", "Executing Package Manager command line: pkgmgr " + String.join(" ", switches));
            // every Package Manager operation (/ip, /up, /iu, /uu, /n) changes the image
            try (ServicingRun run = ServicingRun.open(new ServicingTarget.ImageFolder(pkgmgr.systemDrive(),
                    pkgmgr.windowsFolderName()), ServicingRun.Access.WRITE, "pkgmgr " + pkgmgr.operation().option(),
                    new ServicingRun.Options(pkgmgr.sandbox(), false), MountCommands.mountedImages(), log)) {
                console.line("Image Version: " + run.session().identity().version());
                console.blank();
                List<String> actions = run.service(session -> new PackageManager(session).run(pkgmgr));
                run.commit((done, total) -> { });
                actions.forEach(console::line);
                console.progress(100.0);
                log.warnings().forEach(console::warning);
                console.success();
                return ExitCode.SUCCESS;
            } catch (ServicingException e) {
                log.error("DISM.EXE", e.getMessage());
                return console.failure(e, logFile);
            }
        } catch (ServicingException e) {
            return console.failure(e, logFile);
        }
    }
}
