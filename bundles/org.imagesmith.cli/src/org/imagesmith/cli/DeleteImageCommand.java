package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.mount.MountGuard;

/**
 * {@code /Delete-Image /ImageFile:<wim> /Index:<n> | /Name:<name> [/CheckIntegrity]}: removes an image. The file is
 * rewritten without it (and without the streams no other image uses) and replaces the old one once complete.
 */
final class DeleteImageCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Delete-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("ImageFile", "Index", "Name", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "/Delete-Image /ImageFile:<file> /Index:<n> | /Name:<name> [/CheckIntegrity]   Deletes an image from"
                + " a WIM file.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(commandLine.required("ImageFile", "<path to a .wim file>"));
        int index;
        try (WimFile wim = WimFile.open(file)) {
            index = ImageSelection.required(commandLine, wim).index();
        }
        boolean integrity = WimWriteArguments.integrityForExisting(commandLine, file);
        MountGuard guard = new MountGuard(MountCommands.mountedImages());
        WimWriteArguments.write("Deleting image", console, () -> guard.deleteImage(file, index, integrity));
        console.success();
        return ExitCode.SUCCESS;
    }
}
