package org.imagesmith.cli;

import java.util.Optional;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;

/** /Index:&lt;n&gt; or /Name:&lt;name&gt;: which image of a WIM file a command works on. */
final class ImageSelection {
    private ImageSelection() {
    }

    /** The image that /Index or /Name names, or empty when neither is given. */
    static Optional<ImageInfo> optional(CommandLine commandLine, WimFile wim) throws CommandLineException {
        Optional<Integer> index = commandLine.positiveNumber("Index");
        Optional<String> name = commandLine.value("Name");
        if (index.isPresent() && name.isPresent()) {
            throw new CommandLineException("Give either /Index or /Name, not both.");
        }
        if (index.isPresent()) {
            if (index.get() > wim.imageCount()) {
                throw new CommandLineException(wim.noSuchImage("index " + index.get()));
            }
            return Optional.of(wim.image(index.get()));
        }
        if (name.isPresent()) {
            return Optional.of(wim.imageNamed(name.get()).orElseThrow(() -> new CommandLineException(
                    wim.noSuchImage("the name \"" + name.get() + "\""))));
        }
        return Optional.empty();
    }

    /** The image that /Index or /Name names; one of them must be given. */
    static ImageInfo required(CommandLine commandLine, WimFile wim) throws CommandLineException {
        return optional(commandLine, wim).orElseThrow(() -> new CommandLineException(
                "The image is missing; give it as /Index:<n> or /Name:<name>."));
    }

    /** The WIM file of /WimFile or its alias /ImageFile. */
    static String wimFile(CommandLine commandLine) throws CommandLineException {
        Optional<String> wimFile = commandLine.value("WimFile");
        if (wimFile.isEmpty()) {
            wimFile = commandLine.value("ImageFile");
        }
        return wimFile.orElseThrow(() -> new CommandLineException(
                "The option /WimFile is missing; give it as /WimFile:<path to a .wim file>."));
    }
}
