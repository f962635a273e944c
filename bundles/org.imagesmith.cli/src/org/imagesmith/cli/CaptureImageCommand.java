package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.CaptureResult;
import org.imagesmith.wim.CompressionType;
import org.imagesmith.wim.DirectoryCapture;
import org.imagesmith.wim.WimWriter;

/**
 * {@code /Capture-Image} and {@code /Append-Image /ImageFile:<wim> /CaptureDir:<dir> /Name:<name>
 * [/Description:<text>] [/Compress:max|fast|none] [/CheckIntegrity] [/Verify]}: captures a directory as a new WIM
 * file, or as a new image of an existing one (whose compression is kept). Capture compresses with XPRESS (fast)
 * unless told otherwise, as DISM does. Stream digests are always computed as data is stored, so /Verify adds
 * nothing.
 */
final class CaptureImageCommand implements ServicingCommand {
    private final boolean append;

    CaptureImageCommand(boolean append) {
        this.append = append;
    }

    @Override
    public List<String> names() {
        return List.of(append ? "Append-Image" : "Capture-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("ImageFile", "CaptureDir", "Name", "Description", "Compress", "CheckIntegrity", "Verify");
    }

    @Override
    public String summary() {
        return append
                ? "/Append-Image /ImageFile:<file> /CaptureDir:<dir> /Name:<name> [/Description:<text>]"
                        + " [/CheckIntegrity]   Adds an image of a directory to a WIM file."
                : "/Capture-Image /ImageFile:<file> /CaptureDir:<dir> /Name:<name> [/Description:<text>]"
                        + " [/Compress:max|fast|none] [/CheckIntegrity]   Captures a directory to a new WIM file.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(commandLine.required("ImageFile", "<path to a .wim file>"));
        Path dir = WimWriteArguments.captureDirectory(commandLine);
        String name = WimWriteArguments.name(commandLine, "Name");
        String description = commandLine.value("Description").orElse("");
        Optional<CompressionType> compression = WimWriteArguments.compression(commandLine);
        WimWriter writer;
        if (append) {
            boolean integrity = WimWriteArguments.integrityForExisting(commandLine, file);
            writer = WimWriter.append(file, integrity);
            if (compression.isPresent() && compression.get() != writer.compression()) {
                writer.close();
                throw new CommandLineException("The WIM file " + file + " is compressed with /Compress:"
                        + WimWriteArguments.dismName(writer.compression()) + "; an appended image keeps the file's"
                        + " compression. Leave out /Compress, or export the images to a new file.");
            }
        } else {
            if (Files.exists(file)) {
                throw new CommandLineException(WimWriteArguments.FILE_EXISTS, "The file " + file + " exists. Use"
                        + " /Append-Image to add an image to it, or give /Capture-Image a new file name.");
            }
            writer = WimWriter.create(file, compression.orElse(CompressionType.XPRESS),
                    commandLine.has("CheckIntegrity"));
        }
        CaptureResult[] result = new CaptureResult[1];
        try (WimWriter w = writer) {
            WimWriteArguments.write("Saving image", console, () -> {
                result[0] = DirectoryCapture.capture(w, dir, name, description, (done, total) -> { });
                w.commit();
            });
        }
        result[0].warnings().forEach(console::warning);
        console.success();
        return ExitCode.SUCCESS;
    }
}
