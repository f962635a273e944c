package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.wim.SplitWimSet;
import org.imagesmith.wim.WimFile;

/**
 * /SWMFile:&lt;pattern&gt;: the parts of a split WIM (.swm) besides the first, for the commands that read an image's
 * files (/Apply-Image, /Export-Image, /Mount-Wim). The pattern names the parts by wildcards (install*.swm) or by
 * the name of part 1 (install.swm stands for install.swm, install2.swm, ...), in one folder.
 */
final class SplitWimArguments {
    private SplitWimArguments() {
    }

    /**
     * Opens the WIM file that {@code option} names, with the other parts /SWMFile names. Without /SWMFile a part of a
     * split WIM is refused when {@code needsAllParts}, with a message that says to give /SWMFile.
     */
    static WimFile open(CommandLine commandLine, String option, Path file, boolean needsAllParts)
            throws CommandLineException, IOException {
        Optional<String> pattern = commandLine.value("SWMFile");
        if (pattern.isPresent()) {
            try {
                return SplitWimSet.open(file, pattern.get());
            } catch (IllegalArgumentException e) {
                throw new CommandLineException("The value \"" + pattern.get() + "\" of /SWMFile is not valid: "
                        + e.getMessage() + ".");
            }
        }
        WimFile wim = WimFile.open(file);
        if (needsAllParts && wim.isSplit()) {
            int part = wim.header().partNumber();
            int parts = wim.header().totalParts();
            wim.close();
            throw new CommandLineException("The file " + file + " is part " + part + " of a split WIM of " + parts
                    + " parts, and the image's files lie in all of them. Give part 1 as /" + option + " and the"
                    + " parts with /SWMFile:<pattern>, as in /SWMFile:" + suggestedPattern(file) + ".");
        }
        return wim;
    }

    /** install.swm gives install*.swm, in the same folder. */
    static String suggestedPattern(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot <= 0 ? name : name.substring(0, dot)).replaceFirst("[0-9]+$", "");
        String pattern = base + "*" + (dot <= 0 ? "" : name.substring(dot));
        return file.getParent() == null ? pattern : file.resolveSibling(pattern).toString();
    }
}
