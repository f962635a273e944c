package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.Dentry;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.ImageMetadata;
import org.imagesmith.wim.WimFile;

/**
 * ImageX's {@code /dir <image_file> <number|name>}: every file and folder of an image, one full path a line
 * ({@code \Windows\System32\kernel32.dll}), the root first and each folder before what it holds. DISM 6.1 has no such
 * command; ImageX's front end runs it with /WimFile, /Index or /Name and /SWMFile.
 */
final class ImageXDirCommand implements ServicingCommand {
    @Override
    public List<String> names() {
        return List.of("ImageX-Dir");
    }

    @Override
    public Set<String> options() {
        return Set.of("WimFile", "Index", "Name", "SWMFile");
    }

    @Override
    public String summary() {
        return "imagex /dir <image_file> <number|name>   Lists the files and folders of an image.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(ImageSelection.wimFile(commandLine));
        try (WimFile wim = SplitWimArguments.open(commandLine, "WimFile", file, false)) {
            ImageInfo image = ImageSelection.required(commandLine, wim);
            ImageMetadata metadata = ImageMetadata.parse(wim.readMetadataResource(image.index()));
            for (Dentry entry : metadata.entries()) {
                console.line(entry.path().isEmpty() ? "\\" : entry.path());
            }
        }
        console.blank();
        console.success();
        return ExitCode.SUCCESS;
    }
}
