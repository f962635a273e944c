package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code /Remount-Wim /MountDir:<dir>}: restores a mount whose directory lost its contents. */
final class RemountWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Remount-Wim", "Remount-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("MountDir");
    }

    @Override
    public String summary() {
        return "/Remount-Wim /MountDir:<dir>   Restores a mount whose status is Needs Remount.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path mountDir = Path.of(commandLine.required("MountDir", "<mount directory>"));
        console.line("Remounting image");
        MountCommands.mountedImages().remount(mountDir,
                (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total));
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
