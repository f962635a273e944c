package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.CommitResult;

/** {@code /Commit-Wim /MountDir:<dir> [/CheckIntegrity]}: saves a mounted image's changes and keeps it mounted. */
final class CommitWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Commit-Wim", "Commit-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("MountDir", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "/Commit-Wim /MountDir:<dir> [/CheckIntegrity]   Saves the changes of a mounted image into its WIM"
                + " file; the image stays mounted.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path mountDir = Path.of(commandLine.required("MountDir", "<mount directory>"));
        save(mountDir, commandLine.has("CheckIntegrity"), console);
        console.success();
        return ExitCode.SUCCESS;
    }

    /** Saves the mount as DISM does: "Saving image", the progress bar, then the warnings of what was left out. */
    static void save(Path mountDir, boolean checkIntegrity, DismConsole console) throws IOException {
        console.line("Saving image");
        CommitResult result = MountCommands.mountedImages().commit(mountDir, checkIntegrity,
                (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total));
        console.progress(100.0);
        result.warnings().forEach(console::warning);
    }
}
