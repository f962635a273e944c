package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.WindowsDescription;
import org.imagesmith.wim.CaptureConfiguration;
import org.imagesmith.wim.CaptureConfigurationException;
import org.imagesmith.wim.CaptureResult;
import org.imagesmith.wim.CompressionType;
import org.imagesmith.wim.DirectoryCapture;
import org.imagesmith.wim.WimWriter;
import org.imagesmith.wim.mount.MountGuard;

/**
 * {@code /Capture-Image} and {@code /Append-Image /ImageFile:<wim> /CaptureDir:<dir> /Name:<name>
 * [/Description:<text>] [/Compress:max|fast|none] [/ConfigFile:<WimScript.ini>] [/CheckIntegrity] [/Verify]
 * [/NoRpFix] [/Flags:<EDITIONID>] [/Bootable]}:
 * captures a directory as a new WIM file, or as a new image of an existing one (whose compression is kept). Capture
 * compresses with XPRESS (fast) unless told otherwise, as DISM does. The configuration list given with /ConfigFile,
 * or else DISM's default one, says what is left out and what is stored uncompressed; the log (/LogPath, /LogLevel)
 * lists what was left out. A missing configuration list file exits with 2, one that cannot be read as a
 * configuration list with 11 (ERROR_BAD_FORMAT, as for a damaged WIM file). Stream digests are always computed as
 * data is stored, so /Verify adds nothing. Symbolic links whose absolute target lies inside the captured directory
 * are stored relative to the image's root (the reparse point fixup, as DISM and wimlib do) unless /NoRpFix is given.
 * /Flags writes the image's FLAGS element (the EDITIONID Windows Setup picks an image by) and /Bootable makes the new
 * image the file's boot image, as DISM 6.2 and ImageX's /flags and /boot do.
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
        return Set.of("ImageFile", "CaptureDir", "Name", "Description", "Compress", "ConfigFile", "CheckIntegrity",
                "Verify", "NoRpFix", "Flags", "Bootable", "LogPath", "LogLevel");
    }

    @Override
    public String summary() {
        return append
                ? "/Append-Image /ImageFile:<file> /CaptureDir:<dir> /Name:<name> [/Description:<text>]"
                        + " [/ConfigFile:<WimScript.ini>] [/CheckIntegrity] [/NoRpFix] [/Flags:<EDITIONID>] [/Bootable]   Adds an image of a directory"
                        + " to a WIM file."
                : "/Capture-Image /ImageFile:<file> /CaptureDir:<dir> /Name:<name> [/Description:<text>]"
                        + " [/Compress:max|fast|none] [/ConfigFile:<WimScript.ini>] [/CheckIntegrity] [/NoRpFix]"
                        + " [/Flags:<EDITIONID>] [/Bootable]"
                        + "   Captures a"
                        + " directory to a new WIM file, leaving out what the configuration list (by default"
                        + " DISM's: pagefile.sys, hiberfil.sys, System Volume Information, ...) excludes.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(commandLine.required("ImageFile", "<path to a .wim file>"));
        Path dir = WimWriteArguments.captureDirectory(commandLine);
        String name = WimWriteArguments.name(commandLine, "Name");
        String description = commandLine.value("Description").orElse("");
        Optional<CompressionType> compression = WimWriteArguments.compression(commandLine);
        LogLevel level = ImageServicingCommand.logLevel(commandLine);
        Optional<String> logPath = commandLine.value("LogPath");
        Path logFile = logPath.map(Path::of).orElseGet(ServicingLog::defaultLogFile);
        try (ServicingLog log = openLog(logPath.isPresent(), logFile, level)) {
            log.info("DISM.EXE", "Executing command line: imagesmith " + String.join(" ",
                    commandLine.options().stream().map(Option::text).toList()));
            Captured result;
            try {
                CaptureConfiguration configuration = configuration(commandLine);
                result = capture(commandLine, console, file, dir, name, description, compression, configuration);
            } catch (CommandLineException | IOException e) {
                log.error("DISM.EXE", e.getMessage());
                throw e;
            }
            String list = commandLine.value("ConfigFile").map(config -> "the configuration list " + config)
                    .orElse("DISM's default configuration list");
            log.info("DISM.EXE", "Left out " + result.capture().excluded().size() + " file(s) and folder(s) by "
                    + list);
            for (String path : result.capture().excluded()) {
                log.info("DISM.EXE", "Excluded by the configuration list: " + path);
            }
            result.warnings().forEach(warning -> log.warning("DISM.EXE", warning));
            result.warnings().forEach(console::warning);
        } catch (ServicingException e) {
            return console.failure(e, logFile);
        }
        console.success();
        return ExitCode.SUCCESS;
    }

    /**
     * The log of the capture: the /LogPath file must be writable; when the default log file is not, the capture
     * runs without a log, as it has nothing else to record there.
     */
    private static ServicingLog openLog(boolean given, Path file, LogLevel level) throws ServicingException {
        try {
            return ServicingLog.open(file, level);
        } catch (ServicingException e) {
            if (given) {
                throw e;
            }
            return ServicingLog.none();
        }
    }

    /**
     * The configuration list /ConfigFile names, or DISM's default one.
     *
     * @throws CommandLineException with exit code 2 when the file does not exist, 11 when it is not a configuration
     *         list (the message names the line)
     */
    static CaptureConfiguration configuration(CommandLine commandLine) throws CommandLineException, IOException {
        Optional<String> value = commandLine.value("ConfigFile");
        if (value.isEmpty()) {
            return CaptureConfiguration.DISM_DEFAULT;
        }
        Path file = Path.of(value.get());
        if (!Files.isRegularFile(file)) {
            throw new CommandLineException(ExitCode.FILE_NOT_FOUND, "The configuration list file " + file
                    + " given with /ConfigFile does not exist.");
        }
        try {
            return CaptureConfiguration.read(file);
        } catch (CaptureConfigurationException e) {
            throw new CommandLineException(ExitCode.BAD_FORMAT, "The configuration list file cannot be used: "
                    + e.getMessage() + ".");
        }
    }

    /** What a capture found: the tree's exclusions, and warnings of the capture and of the Windows description. */
    private record Captured(CaptureResult capture, List<String> warnings) {
    }

    private Captured capture(CommandLine commandLine, DismConsole console, Path file, Path dir, String name,
            String description, Optional<CompressionType> compression, CaptureConfiguration configuration)
            throws CommandLineException, IOException {
        WimWriter writer;
        if (append) {
            boolean integrity = WimWriteArguments.integrityForExisting(commandLine, file);
            writer = new MountGuard(MountCommands.mountedImages()).append(file, integrity);
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
            try {
                writer = WimWriter.createNew(file, compression.orElse(CompressionType.XPRESS),
                        commandLine.has("CheckIntegrity"));
            } catch (FileAlreadyExistsException e) {
                throw new CommandLineException(WimWriteArguments.FILE_EXISTS, "The file " + file + " was created"
                        + " meanwhile by another command. Use /Append-Image to add an image to it, or give"
                        + " /Capture-Image a new file name.");
            }
        }
        CaptureResult[] result = new CaptureResult[1];
        List<String> warnings = new ArrayList<>();
        try (WimWriter w = writer) {
            WimWriteArguments.write("Saving image", console, () -> {
                result[0] = DirectoryCapture.capture(w, dir, name, description, configuration,
                        !commandLine.has("NoRpFix"), (done, total) -> { });
                warnings.addAll(result[0].warnings());
                Optional<WindowsDescription> windows = WindowsDescription.read(dir);
                if (windows.isPresent()) {
                    w.describeWindows(windows.get().windows());
                    warnings.addAll(windows.get().warnings());
                }
                Optional<String> flags = commandLine.value("Flags");
                if (flags.isPresent()) {
                    w.setImageElement(w.imageCount(), "FLAGS", flags.get());
                }
                if (commandLine.has("Bootable")) {
                    w.setBootIndex(w.imageCount());
                }
                w.commit();
            });
        }
        return new Captured(result[0], warnings);
    }
}
