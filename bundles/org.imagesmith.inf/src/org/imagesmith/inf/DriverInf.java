package org.imagesmith.inf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A driver INF seen through its standard sections: [Version], [Manufacturer] and its models sections, the
 * architecture-decorated install sections, [SourceDisksFiles] and CopyFiles.
 */
public final class DriverInf {
    private final InfFile inf;
    private final InfVersion version;
    private final List<InfManufacturer> manufacturers;

    private DriverInf(InfFile inf, InfVersion version, List<InfManufacturer> manufacturers) {
        this.inf = inf;
        this.version = version;
        this.manufacturers = List.copyOf(manufacturers);
    }

    /** Reads a driver INF file with the strings of {@link InfFile#DEFAULT_LANGUAGE}. */
    public static DriverInf read(Path path) throws IOException {
        return of(InfFile.read(path));
    }

    /**
     * The driver view of a parsed INF.
     *
     * @throws InfFormatException when [Version] is missing or malformed, or [Manufacturer] names a models section
     *         badly
     */
    public static DriverInf of(InfFile inf) throws InfFormatException {
        InfVersion version = InfVersion.parse(inf);
        List<InfManufacturer> manufacturers = new ArrayList<>();
        Optional<InfSection> section = inf.section("Manufacturer");
        if (section.isPresent()) {
            for (InfLine line : section.get().lines()) {
                manufacturers.add(manufacturer(inf, line));
            }
        }
        return new DriverInf(inf, version, manufacturers);
    }

    private static InfManufacturer manufacturer(InfFile inf, InfLine line) throws InfFormatException {
        String where = inf.name() + " line " + line.lineNumber();
        String modelsSection = line.value(0);
        String name = line.key() != null ? line.key() : modelsSection;
        if (modelsSection.isEmpty()) {
            throw new InfFormatException(where + ": the manufacturer '" + name + "' names no models section");
        }
        List<TargetDecoration> decorations = new ArrayList<>();
        for (String text : line.values().subList(1, line.values().size())) {
            if (!text.isEmpty()) {
                decorations.add(TargetDecoration.parse(text, where));
            }
        }
        List<InfModel> models = new ArrayList<>();
        addModels(inf, modelsSection, Optional.empty(), models);
        for (TargetDecoration decoration : decorations) {
            addModels(inf, modelsSection + "." + decoration.text(), Optional.of(decoration), models);
        }
        return new InfManufacturer(name, modelsSection, decorations, models);
    }

    private static void addModels(InfFile inf, String sectionName, Optional<TargetDecoration> decoration,
            List<InfModel> models) throws InfFormatException {
        Optional<InfSection> section = inf.section(sectionName);
        if (section.isEmpty()) {
            return;
        }
        for (InfLine line : section.get().lines()) {
            if (line.key() == null || line.values().size() < 2) {
                throw new InfFormatException(inf.name() + " line " + line.lineNumber() + ": a line of the models section ["
                        + sectionName + "] needs 'description = install-section, hardware-id'");
            }
            models.add(new InfModel(line.key(), line.value(0), line.value(1),
                    line.values().subList(2, line.values().size()), decoration, line.lineNumber()));
        }
    }

    /** The parsed INF underneath. */
    public InfFile inf() {
        return inf;
    }

    public InfVersion version() {
        return version;
    }

    public List<InfManufacturer> manufacturers() {
        return manufacturers;
    }

    /**
     * The models Windows would offer on an architecture: for each manufacturer, the models section whose decoration
     * matches the architecture (the one with the newest OS version when several do, one naming the architecture
     * before a bare NT), or the undecorated section on x86 when no decoration matches.
     */
    public List<InfModel> models(Architecture architecture) {
        List<InfModel> result = new ArrayList<>();
        Comparator<TargetDecoration> preference = Comparator
                .comparing((TargetDecoration decoration) -> decoration.architecture().isPresent())
                .thenComparingInt(TargetDecoration::osMajorVersion).thenComparingInt(TargetDecoration::osMinorVersion)
                .thenComparingInt(TargetDecoration::buildNumber);
        for (InfManufacturer manufacturer : manufacturers) {
            Optional<TargetDecoration> best = manufacturer.decorations().stream()
                    .filter(decoration -> decoration.appliesTo(architecture)).max(preference);
            if (best.isEmpty() && architecture != Architecture.X86) {
                continue;
            }
            for (InfModel model : manufacturer.models()) {
                if (model.decoration().map(d -> best.isPresent() && d.text().equalsIgnoreCase(best.get().text()))
                        .orElse(best.isEmpty())) {
                    result.add(model);
                }
            }
        }
        return result;
    }

    /** The install section of a model on an architecture: DDInstall.NTarch, else DDInstall.NT, else DDInstall. */
    public Optional<InfSection> installSection(InfModel model, Architecture architecture) {
        String base = model.installSection();
        for (String name : List.of(base + ".NT" + architecture.infName(), base + ".NT", base)) {
            Optional<InfSection> section = inf.section(name);
            if (section.isPresent()) {
                return section;
            }
        }
        return Optional.empty();
    }

    /**
     * The files the CopyFiles directives of a section copy: {@code @file} entries and the lines of the copy-files
     * sections they name.
     *
     * @throws InfFormatException when a named copy-files section does not exist
     */
    public List<InfCopyFile> copyFiles(InfSection section) throws InfFormatException {
        List<InfCopyFile> files = new ArrayList<>();
        for (InfLine directive : section.lines("CopyFiles")) {
            for (String value : directive.values()) {
                if (value.isEmpty()) {
                    continue;
                }
                if (value.startsWith("@")) {
                    String name = value.substring(1).strip();
                    files.add(new InfCopyFile(name, name, 0, ""));
                    continue;
                }
                InfSection list = inf.section(value).orElseThrow(() -> new InfFormatException(inf.name() + " line "
                        + directive.lineNumber() + ": CopyFiles names the section [" + value + "], which does not exist"));
                for (InfLine line : list.lines()) {
                    String destination = line.key() != null ? line.key() : line.value(0);
                    String source = line.key() != null ? "" : line.value(1);
                    int flags = parseFlags(line.key() != null ? "" : line.value(3), inf.name(), line.lineNumber());
                    files.add(new InfCopyFile(destination, source.isEmpty() ? destination : source, flags,
                            list.name()));
                }
            }
        }
        return files;
    }

    private static int parseFlags(String text, String name, int lineNumber) throws InfFormatException {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return text.toLowerCase(Locale.ROOT).startsWith("0x") ? Integer.parseUnsignedInt(text.substring(2), 16)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InfFormatException(name + " line " + lineNumber + ": the copy flags '" + text
                    + "' are not a number", e);
        }
    }

    /**
     * The [SourceDisksFiles] entries for an architecture: those of [SourceDisksFiles.arch], then those of
     * [SourceDisksFiles] not listed there.
     */
    public List<InfSourceFile> sourceDisksFiles(Architecture architecture) throws InfFormatException {
        Map<String, InfSourceFile> files = new LinkedHashMap<>();
        for (String name : List.of("SourceDisksFiles." + architecture.infName(), "SourceDisksFiles")) {
            Optional<InfSection> section = inf.section(name);
            if (section.isEmpty()) {
                continue;
            }
            for (InfLine line : section.get().lines()) {
                if (line.key() == null) {
                    throw new InfFormatException(inf.name() + " line " + line.lineNumber() + ": a line of ["
                            + section.get().name() + "] needs 'file = disk-id[,subdir[,size]]'");
                }
                String file = line.key();
                long size = -1;
                String sizeText = line.value(2);
                if (!sizeText.isEmpty()) {
                    try {
                        size = Long.parseLong(sizeText);
                    } catch (NumberFormatException e) {
                        throw new InfFormatException(inf.name() + " line " + line.lineNumber() + ": the size '"
                                + sizeText + "' of '" + file + "' is not a number", e);
                    }
                }
                files.putIfAbsent(file.toLowerCase(Locale.ROOT),
                        new InfSourceFile(file, line.value(0), line.value(1), size, line.lineNumber()));
            }
        }
        return List.copyOf(files.values());
    }
}
