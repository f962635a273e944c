package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.WimFile;

/**
 * {@code /Mount-Wim /WimFile:<wim> [/SWMFile:<pattern>] /Index:<n> | /Name:<name> /MountDir:<dir> [/ReadOnly]}. A
 * split WIM mounts read-only only, as in DISM.
 */
final class MountWimCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Mount-Wim", "Mount-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("WimFile", "ImageFile", "SWMFile", "Index", "Name", "MountDir", "ReadOnly");
    }

    @Override
    public String summary() {
        return "/Mount-Wim /WimFile:<file> [/SWMFile:<pattern>] /Index:<n> | /Name:<name> /MountDir:<dir> [/ReadOnly]"
                + "   Mounts an image (applies it into the directory and records the mount; a split WIM read-only).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        String file = ImageSelection.wimFile(commandLine);
        Path mountDir = Path.of(commandLine.required("MountDir", "<empty directory>"));
        boolean readOnly = commandLine.has("ReadOnly");
        int index;
        List<Path> otherParts;
        // a read/write mount of a split WIM is refused by the engine, with a message that says why
        try (WimFile wim = SplitWimArguments.open(commandLine, "WimFile", Path.of(file), readOnly)) {
            index = ImageSelection.required(commandLine, wim).index();
            otherParts = wim.partPaths().subList(1, wim.partPaths().size());
        }
        console.line("Mounting image");
        MountCommands.mountedImages().mount(Path.of(file), otherParts, index, mountDir, readOnly,
                (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total));
        console.progress(100.0);
        console.success();
        return ExitCode.SUCCESS;
    }
}
