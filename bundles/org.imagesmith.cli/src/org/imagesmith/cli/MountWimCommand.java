package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.WimFile;

/** {@code /Mount-Wim /WimFile:<wim> /Index:<n> | /Name:<name> /MountDir:<dir> [/ReadOnly]}. */
final class MountWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Mount-Wim", "Mount-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("WimFile", "ImageFile", "Index", "Name", "MountDir", "ReadOnly");
    }

    @Override
    public String summary() {
        return "/Mount-Wim /WimFile:<file> /Index:<n> | /Name:<name> /MountDir:<dir> [/ReadOnly]   Mounts an image"
                + " (applies it into the directory and records the mount).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        String file = ImageSelection.wimFile(commandLine);
        Path mountDir = Path.of(commandLine.required("MountDir", "<empty directory>"));
        int index;
        try (WimFile wim = WimFile.open(Path.of(file))) {
            index = ImageSelection.required(commandLine, wim).index();
        }
        console.line("Mounting image");
        MountCommands.mountedImages().mount(Path.of(file), index, mountDir, commandLine.has("ReadOnly"),
                (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total));
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
