package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.CompressionType;
import org.imagesmith.wim.ImageExport;
import org.imagesmith.wim.IntegrityTable;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimWriter;
import org.imagesmith.wim.mount.MountGuard;

/**
 * {@code /Export-Image /SourceImageFile:<wim> /SourceIndex:<n> | /SourceName:<name> /DestinationImageFile:<wim>
 * [/DestinationName:<name>] [/Compress:max|fast|none] [/Bootable] [/CheckIntegrity] [/SWMFile:<pattern>]}: copies
 * an image into another WIM file, new or existing; an image of a split WIM is read from all its parts (part 1 as
 * /SourceImageFile, the others by /SWMFile), which joins it into a normal WIM file. Streams the destination holds already are not stored again; the others are copied as
 * stored when the compression matches, without recompressing. A new destination takes the source's compression
 * unless /Compress says otherwise; an existing one keeps its own.
 */
final class ExportImageCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Export-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("SourceImageFile", "SWMFile", "SourceIndex", "SourceName", "DestinationImageFile",
                "DestinationName", "Compress", "Bootable", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "/Export-Image /SourceImageFile:<file> [/SWMFile:<pattern>] /SourceIndex:<n> | /SourceName:<name>"
                + " /DestinationImageFile:<file> [/DestinationName:<name>] [/Compress:max|fast|none] [/Bootable]"
                + " [/CheckIntegrity]   Exports an image to another WIM file (of a split WIM: joins it).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path sourceFile = Path.of(commandLine.required("SourceImageFile", "<path to a .wim file>"));
        Path destination = Path.of(commandLine.required("DestinationImageFile", "<path to a .wim file>"));
        Optional<Integer> index = commandLine.positiveNumber("SourceIndex");
        Optional<String> sourceName = commandLine.value("SourceName");
        if (index.isPresent() == sourceName.isPresent()) {
            throw new CommandLineException(index.isPresent() ? "Give either /SourceIndex or /SourceName, not both."
                    : "The image to export is missing; give it as /SourceIndex:<n> or /SourceName:<name>.");
        }
        Optional<String> name = commandLine.value("DestinationName");
        Optional<CompressionType> compression = WimWriteArguments.compression(commandLine);
        try (WimFile source = SplitWimArguments.open(commandLine, "SourceImageFile", sourceFile, true)) {
            int imageIndex;
            if (index.isPresent()) {
                if (index.get() > source.imageCount()) {
                    throw new CommandLineException(source.noSuchImage("index " + index.get()));
                }
                imageIndex = index.get();
            } else {
                imageIndex = source.imageNamed(sourceName.get()).orElseThrow(() -> new CommandLineException(
                        source.noSuchImage("the name \"" + sourceName.get() + "\""))).index();
            }
            if (commandLine.has("CheckIntegrity")) {
                IntegrityTable.verify(source);
            }
            WimWriter writer = null;
            if (!Files.exists(destination)) {
                CompressionType sourceCompression = source.header().compressionType();
                try {
                    writer = WimWriter.createNew(destination, compression.orElse(
                            sourceCompression == CompressionType.LZMS ? CompressionType.LZX : sourceCompression),
                            commandLine.has("CheckIntegrity"));
                } catch (FileAlreadyExistsException e) {
                    // another command created it meanwhile: export into it
                }
            }
            if (writer == null) {
                writer = new MountGuard(MountCommands.mountedImages()).append(destination,
                        WimWriteArguments.integrityForExisting(commandLine, destination));
                if (compression.isPresent() && compression.get() != writer.compression()) {
                    writer.close();
                    throw new CommandLineException("The destination " + destination + " is compressed with"
                            + " /Compress:" + WimWriteArguments.dismName(writer.compression()) + "; images exported"
                            + " into it keep that compression. Leave out /Compress.");
                }
            }
            try (WimWriter w = writer) {
                WimWriteArguments.write("Exporting image", console, () -> {
                    ImageExport.exportImage(w, source, imageIndex, name, Optional.empty());
                    if (commandLine.has("Bootable")) {
                        w.setBootIndex(w.imageCount());
                    }
                    w.commit();
                });
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
