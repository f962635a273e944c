package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimWriter;

/**
 * ImageX's {@code /info <image_file> <number|name> ["new name"] ["new description"] [/boot] [/check]}: renames an
 * image, changes its description and makes it the boot image, in one rewrite of the file's XML data (the image's
 * files are not touched). A name another image has is refused (183), as DISM refuses it on /Append-Image. DISM 6.1
 * has no such command; ImageX's front end runs it with /WimFile, /Index or /Name, /NewName, /NewDescription,
 * /Bootable and /CheckIntegrity. It holds the WIM file's writer's lock while it writes.
 */
final class ImageXInfoCommand implements ServicingCommand {
    @Override
    public List<String> names() {
        return List.of("ImageX-Info");
    }

    @Override
    public Set<String> options() {
        return Set.of("WimFile", "Index", "Name", "NewName", "NewDescription", "Bootable", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "imagex /info <image_file> <number|name> [\"new name\"] [\"new description\"] [/boot] [/check]"
                + "   Renames an image, changes its description, makes it the boot image.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(ImageSelection.wimFile(commandLine));
        int index;
        try (WimFile wim = WimFile.open(file)) {
            index = ImageSelection.required(commandLine, wim).index();
        }
        Optional<String> name = commandLine.value("NewName");
        if (name.isPresent() && name.get().isBlank()) {
            throw new CommandLineException("The new name of the image is blank; give a name, as in"
                    + " imagex /info install.wim 1 \"Windows 7 Ultimate\".");
        }
        Optional<String> description = commandLine.value("NewDescription");
        boolean integrity = WimWriteArguments.integrityForExisting(commandLine, file);
        WimWriteArguments.write("Saving image information", console, () -> {
            // the writer holds the file's WriterLock; another writer holding it is error 32 naming the holder (DismError)
            try (WimWriter writer = WimWriter.append(file, integrity)) {
                if (name.isPresent()) {
                    writer.setImageElement(index, "NAME", name.get());
                }
                if (description.isPresent()) {
                    writer.setImageElement(index, "DESCRIPTION", description.get());
                }
                if (commandLine.has("Bootable")) {
                    writer.setBootIndex(index);
                }
                writer.commit();
            }
        });
        console.success();
        return ExitCode.SUCCESS;
    }
}
