package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.imagesmith.wim.IntegrityTable;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimSplitter;

/**
 * {@code /Split-Image /ImageFile:<wim> /SWMFile:<swm> /FileSize:<MB> [/CheckIntegrity]}: splits a WIM file into
 * read-only parts of at most FileSize megabytes (1 MB = 1,048,576 bytes) named install.swm, install2.swm, ...; a
 * file larger than FileSize makes a larger part, as DISM documents. /CheckIntegrity checks the WIM file's integrity
 * table first and gives each part one.
 */
final class SplitImageCommand implements ServicingCommand {
    private static final long MEGABYTE = 1 << 20;

    @Override
    public List<String> names() {
        return List.of("Split-Image");
    }

    @Override
    public Set<String> options() {
        return Set.of("ImageFile", "SWMFile", "FileSize", "CheckIntegrity");
    }

    @Override
    public String summary() {
        return "/Split-Image /ImageFile:<file> /SWMFile:<file.swm> /FileSize:<MB> [/CheckIntegrity]   Splits a WIM"
                + " file into read-only parts (file.swm, file2.swm, ...).";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        Path file = Path.of(commandLine.required("ImageFile", "<path to a .wim file>"));
        String swmFile = commandLine.required("SWMFile", "<path to the first .swm file>");
        if (swmFile.indexOf('*') >= 0 || swmFile.indexOf('?') >= 0) {
            throw new CommandLineException("The value \"" + swmFile + "\" of /SWMFile is not valid for /Split-Image:"
                    + " give the name of the first part, as in /SWMFile:install.swm (the others are named"
                    + " install2.swm, install3.swm, ...).");
        }
        long maxPartSize = commandLine.positiveNumber("FileSize").orElseThrow(() -> new CommandLineException(
                "The option /FileSize is missing; give the largest size of a part in megabytes, as in"
                        + " /FileSize:4000.")) * MEGABYTE;
        boolean integrity = commandLine.has("CheckIntegrity");
        try (WimFile wim = WimFile.open(file)) {
            if (integrity && !IntegrityTable.verify(wim)) {
                console.warning("The WIM file " + file + " has no integrity table; /CheckIntegrity checked nothing in"
                        + " it, and the parts get integrity tables.");
            }
            WimWriteArguments.write("Splitting image", console, () -> WimSplitter.split(wim, Path.of(swmFile),
                    maxPartSize, integrity, (done, total) -> console.progress(total == 0 ? 100.0 : 100.0 * done / total)));
        } catch (FileAlreadyExistsException e) {
            throw new CommandLineException(WimWriteArguments.FILE_EXISTS, "The file " + e.getFile() + " exists. Remove"
                    + " it (and the other parts of an earlier split), or give /SWMFile another name.");
        }
        console.success();
        return ExitCode.SUCCESS;
    }
}
