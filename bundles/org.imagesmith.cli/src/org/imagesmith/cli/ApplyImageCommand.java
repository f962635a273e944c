package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.ApplyOptions;
import org.imagesmith.wim.ApplyProgress;
import org.imagesmith.wim.ApplyResult;
import org.imagesmith.wim.ImageApplier;
import org.imagesmith.wim.IntegrityTable;
import org.imagesmith.wim.ProtectedFolderException;
import org.imagesmith.wim.WimFile;

/**
 * {@code /Apply-Image /ImageFile:<wim> [/SWMFile:<pattern>] /Index:<n> | /Name:<name> /ApplyDir:<dir>
 * [/CheckIntegrity] [/Verify] [/Overwrite]}: extracts an image to a directory; an image of a split WIM is read from
 * part 1 (/ImageFile) and the parts /SWMFile names. Stream digests are always checked, so /Verify adds nothing;
 * /Overwrite (not in DISM) allows a directory that already holds files.
 */
final class ApplyImageCommand implements ServicingCommand {
    /** ERROR_ACCESS_DENIED: the directory is one an image is never applied to. */
    static final int ACCESS_DENIED = 5;
    /** ERROR_CANNOT_MAKE: the directory or file cannot be created. */
    static final int CANNOT_MAKE = 82;
    /** ERROR_DIR_NOT_EMPTY. */
    static final int DIR_NOT_EMPTY = 145;

    @Override
    public List<String> names() {
        return List.of("Apply-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("ImageFile", "SWMFile", "Index", "Name", "ApplyDir", "CheckIntegrity", "Verify", "Overwrite");
    }

    @Override
    public String summary() {
        return "/Apply-Image /ImageFile:<file> [/SWMFile:<pattern>] /Index:<n> | /Name:<name> /ApplyDir:<dir>"
                + " [/CheckIntegrity] [/Verify] [/Overwrite]   Applies an image to a directory (of a split WIM:"
                + " /ImageFile:install.swm /SWMFile:install*.swm).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        String file = commandLine.required("ImageFile", "<path to a .wim file>");
        String applyDir = commandLine.required("ApplyDir", "<directory to apply the image to>");
        try (WimFile wim = SplitWimArguments.open(commandLine, "ImageFile", Path.of(file), true)) {
            int imageIndex = ImageSelection.required(commandLine, wim).index();
            if (commandLine.has("CheckIntegrity") && !IntegrityTable.verify(wim)) {
                console.warning("The WIM file " + file + " has no integrity table; /CheckIntegrity checked nothing.");
            }
            console.line("Applying image");
            ApplyResult result = apply(wim, imageIndex, Path.of(applyDir), commandLine.has("Overwrite"), console);
            console.progress(100.0);
            result.skipped().forEach(console::warning);
        }
        console.success();
        return ExitCode.SUCCESS;
    }

    private static ApplyResult apply(WimFile wim, int index, Path target, boolean overwrite, DismConsole console)
            throws CommandLineException, IOException {
        ApplyProgress progress = (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total);
        try {
            return ImageApplier.apply(wim, index, target, new ApplyOptions(overwrite, progress));
        } catch (DirectoryNotEmptyException e) {
            throw new CommandLineException(DIR_NOT_EMPTY, "The directory " + target + " is not empty. Apply the"
                    + " image to an empty directory, or add /Overwrite to replace the files the image holds.");
        } catch (ProtectedFolderException e) {
            throw new CommandLineException(ACCESS_DENIED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            DismError error = e instanceof FileSystemException && !(e instanceof AccessDeniedException)
                    && DismError.of(e).code() == ExitCode.BAD_FORMAT
                            ? new DismError(CANNOT_MAKE, "The image cannot be applied to " + target + ": " + e.getMessage())
                            : DismError.of(e);
            throw new CommandLineException(error.code(), error.message() + partlyApplied(target, overwrite));
        }
    }

    /** What a failed apply left in the target folder, and what to do about it. */
    private static String partlyApplied(Path target, boolean overwrite) {
        boolean holdsFiles;
        try (java.util.stream.Stream<Path> entries = Files.list(target)) {
            holdsFiles = entries.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            holdsFiles = false;
        }
        if (!holdsFiles) {
            return "";
        }
        return " The image was only partly applied: " + target + (overwrite ? " may hold" : " holds")
                + " part of it. Delete what the folder holds (or apply again with /Overwrite) once the cause is fixed.";
    }
}
