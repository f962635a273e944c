package org.imagesmith.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.WindowsVersion;

/** {@code /Get-WimInfo /WimFile:<file> [/Index:<n> | /Name:<name>]}: the images of a WIM file, or one in detail. */
final class GetWimInfoCommand implements ServicingCommand {

    @Override
    public List<String> names() {
        return List.of("Get-WimInfo", "Get-ImageInfo");
    }

    @Override
    public Set<String> options() {
        return Set.of("WimFile", "ImageFile", "Index", "Name");
    }

    @Override
    public String summary() {
        return "/Get-WimInfo /WimFile:<file> [/Index:<n> | /Name:<name>]   Displays information about the images in a WIM file.";
    }

    @Override
    public int run(CommandLine commandLine, DismConsole console) throws CommandLineException, IOException {
        String file = ImageSelection.wimFile(commandLine);
        try (WimFile wim = WimFile.open(Path.of(file))) {
            // what is printed is checked first: the lookup table must list a metadata resource for every image
            wim.lookupTable();
            ImageInfo only = ImageSelection.optional(commandLine, wim).orElse(null);
            console.line("Details for image : " + file);
            console.blank();
            if (only != null) {
                printDetails(wim, only, console);
            } else {
                for (int i = 1; i <= wim.imageCount(); i++) {
                    printSummary(wim.image(i), console);
                    console.blank();
                }
            }
        }
        console.success();
        return ExitCode.SUCCESS;
    }

    private static void printSummary(ImageInfo image, DismConsole console) {
        console.field("Index", image.index());
        console.field("Name", image.name());
        console.field("Description", image.description());
        console.field("Size", DismConsole.bytes(image.totalBytes()));
    }

    private static void printDetails(WimFile wim, ImageInfo image, DismConsole console) {
        printSummary(image, console);
        console.field("WIM Bootable", wim.isBootable(image.index()) ? "Yes" : "No");
        Optional<WindowsInfo> windows = image.windows();
        if (windows.isPresent()) {
            WindowsInfo w = windows.get();
            w.architecture().ifPresent(a -> console.field("Architecture", a.dismName()));
            optional(console, "Hal", w.hal());
            w.version().ifPresent(v -> printVersion(v, console));
            optional(console, "Edition", w.editionId());
            optional(console, "Installation", w.installationType());
            optional(console, "ProductType", w.productType());
            optional(console, "ProductSuite", w.productSuite());
            optional(console, "System Root", w.systemRoot());
        }
        console.field("Directories", image.directoryCount());
        console.field("Files", image.fileCount());
        image.creationTime().ifPresent(t -> console.field("Created", console.date(t)));
        image.lastModificationTime().ifPresent(t -> console.field("Modified", console.date(t)));
        if (windows.isPresent() && !windows.get().languages().isEmpty()) {
            console.line("Languages :");
            for (String language : windows.get().languages()) {
                boolean isDefault = language.equalsIgnoreCase(windows.get().defaultLanguage());
                console.line("        " + language + (isDefault ? " (Default)" : ""));
            }
        }
        console.blank();
    }

    private static void printVersion(WindowsVersion v, DismConsole console) {
        console.field("Version", v.toDottedString());
        console.field("ServicePack Build", v.spBuild());
        console.field("ServicePack Level", v.spLevel());
    }

    private static void optional(DismConsole console, String key, String value) {
        if (!value.isEmpty()) {
            console.field(key, value);
        }
    }
}
