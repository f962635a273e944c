package org.imagesmith.servicing.drivers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.inf.Architecture;
import org.imagesmith.inf.DriverInf;
import org.imagesmith.inf.InfCopyFile;
import org.imagesmith.inf.InfFile;
import org.imagesmith.inf.InfFormatException;
import org.imagesmith.inf.InfLine;
import org.imagesmith.inf.InfManufacturer;
import org.imagesmith.inf.InfModel;
import org.imagesmith.inf.InfSection;
import org.imagesmith.inf.InfSourceFile;
import org.imagesmith.servicing.ServicingException;

/**
 * A driver package read from its INF for one architecture: the models it offers there, the files its install
 * sections copy (found through [SourceDisksNames] and [SourceDisksFiles]), its catalog and the services it adds.
 */
public final class DriverPackage {
    /** Device setup classes whose drivers Windows needs to boot (storage controllers). */
    private static final List<String> BOOT_CRITICAL_CLASSES = List.of("SCSIAdapter", "HDC");

    /**
     * One file of the package: its path inside the package folder (backslashes, as the store keeps it), the file
     * itself, and where an install copies it in the image (a Windows path; empty when its DestinationDirs DIRID is
     * not one Imagesmith maps).
     */
    public record PackageFile(String relativePath, Path source, Optional<String> installPath) {
    }

    private final Path infFile;
    private final DriverInf inf;
    private final Architecture architecture;
    private final List<DriverModel> models;
    private final List<PackageFile> files;
    private final Optional<PackageFile> catalog;
    private final List<DriverService> services;

    private DriverPackage(Path infFile, DriverInf inf, Architecture architecture, List<DriverModel> models,
            List<PackageFile> files, Optional<PackageFile> catalog, List<DriverService> services) {
        this.infFile = infFile;
        this.inf = inf;
        this.architecture = architecture;
        this.models = List.copyOf(models);
        this.files = List.copyOf(files);
        this.catalog = catalog;
        this.services = List.copyOf(services);
    }

    /** Parses an INF without resolving its files (for listings and /Get-DriverInfo). */
    static DriverInf parse(Path infFile) throws ServicingException {
        try {
            return DriverInf.read(infFile);
        } catch (InfFormatException e) {
            throw new ServicingException(DriverServicing.INF_SYNTAX, "The driver package " + infFile
                    + " cannot be read: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The driver package " + infFile
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a driver package for an architecture and finds every file it copies.
     *
     * @throws ServicingException when the INF is malformed, has no models for the architecture, or a file it
     *         copies is missing
     */
    public static DriverPackage open(Path infFile, Architecture architecture) throws ServicingException {
        DriverInf inf = parse(infFile);
        String name = infFile.getFileName().toString();
        if (inf.manufacturers().isEmpty()) {
            throw new ServicingException(DriverServicing.INF_SYNTAX, "The INF " + infFile + " is not a driver package:"
                    + " it has no [Manufacturer] section.");
        }
        List<DriverModel> models = models(inf, architecture);
        if (models.isEmpty()) {
            throw new ServicingException(DriverServicing.NOT_FOR_THIS_PLATFORM, "The driver package " + infFile
                    + " does not support this version of Windows: it has no models for " + architecture.infName()
                    + " (a [Manufacturer] entry decorated NT" + architecture.infName() + "), the image's architecture."
                    + " Use the package built for " + architecture.infName() + ".");
        }
        try {
            Map<String, PackageFile> files = new LinkedHashMap<>();
            Map<String, InfSourceFile> sources = new LinkedHashMap<>();
            for (InfSourceFile file : inf.sourceDisksFiles(architecture)) {
                sources.put(file.name().toLowerCase(Locale.ROOT), file);
            }
            Map<String, String> disks = sourceDisks(inf.inf(), architecture);
            Path folder = infFile.toAbsolutePath().getParent();
            List<DriverService> services = new ArrayList<>();
            for (InfSection section : installSections(inf, architecture)) {
                for (InfCopyFile copy : inf.copyFiles(section)) {
                    String relative = relativeSource(copy.source(), sources, disks, name);
                    if (relative.chars().anyMatch(c -> c < 0x20)) {
                        throw new ServicingException(DriverServicing.INF_SYNTAX, "The driver package " + infFile
                                + " names a file with a control character (such as NUL), which no file can be called: \""
                                + relative.replaceAll("\\p{Cntrl}", "?") + "\". The INF is damaged; use a good copy.");
                    }
                    String key = relative.toLowerCase(Locale.ROOT);
                    if (!files.containsKey(key)) {
                        Path source = resolve(folder, relative).orElseThrow(() -> new ServicingException(
                                ServicingException.FILE_NOT_FOUND, "The driver package " + infFile + " copies "
                                        + copy.source() + ", which is not in " + folder.resolve(relative.replace('\\', '/'))
                                        + ". Give the complete driver package."));
                        files.put(key, new PackageFile(relative, source, installPath(inf.inf(), copy)));
                    }
                }
                inf.inf().section(section.name() + ".Services").ifPresent(s -> services.addAll(servicesOf(inf.inf(), s)));
            }
            Optional<PackageFile> catalog = Optional.empty();
            Optional<String> catalogName = inf.version().catalogFile(architecture);
            if (catalogName.isPresent()) {
                Optional<Path> catalogPath = resolve(folder, catalogName.get());
                if (catalogPath.isPresent()) {
                    catalog = Optional.of(new PackageFile(catalogName.get(), catalogPath.get(), Optional.empty()));
                }
            }
            return new DriverPackage(infFile, inf, architecture, models, new ArrayList<>(files.values()), catalog,
                    dedupe(services));
        } catch (InfFormatException e) {
            throw new ServicingException(DriverServicing.INF_SYNTAX, "The driver package " + infFile
                    + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    /** The models for an architecture, with the manufacturer and the associated service of each. */
    static List<DriverModel> models(DriverInf inf, Architecture architecture) {
        List<DriverModel> result = new ArrayList<>();
        List<String> exclude = excludeIds(inf.inf(), architecture);
        for (InfModel model : inf.models(architecture)) {
            String manufacturer = inf.manufacturers().stream().filter(m -> m.models().contains(model))
                    .map(InfManufacturer::name).findFirst().orElse("");
            String service = inf.installSection(model, architecture)
                    .flatMap(section -> inf.inf().section(section.name() + ".Services"))
                    .flatMap(section -> servicesOf(inf.inf(), section).stream().filter(DriverService::isAssociated)
                            .findFirst())
                    .map(DriverService::name).orElse("");
            List<String> excluded = exclude.contains("*") ? List.of(model.hardwareId())
                    : exclude.stream().filter(id -> id.equalsIgnoreCase(model.hardwareId())).toList();
            result.add(new DriverModel(manufacturer, model.description(), architecture.infName(), model.hardwareId(),
                    service, model.compatibleIds(), excluded));
        }
        return result;
    }

    private static List<String> excludeIds(InfFile inf, Architecture architecture) {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("ControlFlags", "ControlFlags.NT" + architecture.infName())) {
            inf.section(name).ifPresent(s -> s.lines("ExcludeFromSelect").forEach(l -> ids.addAll(l.values())));
            inf.section(name).ifPresent(s -> s.lines("ExcludeFromSelect.NT" + architecture.infName())
                    .forEach(l -> ids.addAll(l.values())));
        }
        return ids.stream().filter(id -> !id.isEmpty()).toList();
    }

    /** The install sections of every model, with their CoInstallers sections, each once. */
    private static List<InfSection> installSections(DriverInf inf, Architecture architecture) {
        Map<String, InfSection> sections = new LinkedHashMap<>();
        for (InfModel model : inf.models(architecture)) {
            inf.installSection(model, architecture).ifPresent(section -> {
                sections.putIfAbsent(section.name().toLowerCase(Locale.ROOT), section);
                inf.inf().section(section.name() + ".CoInstallers")
                        .ifPresent(c -> sections.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c));
            });
        }
        return new ArrayList<>(sections.values());
    }

    /** [SourceDisksNames(.arch)]: disk id to the disk's path (its fourth value), "" for the INF's folder. */
    private static Map<String, String> sourceDisks(InfFile inf, Architecture architecture) {
        Map<String, String> disks = new LinkedHashMap<>();
        for (String name : List.of("SourceDisksNames." + architecture.infName(), "SourceDisksNames")) {
            inf.section(name).ifPresent(section -> {
                for (InfLine line : section.lines()) {
                    if (line.key() != null) {
                        disks.putIfAbsent(line.key().strip(), line.value(3));
                    }
                }
            });
        }
        return disks;
    }

    private static String relativeSource(String file, Map<String, InfSourceFile> sources, Map<String, String> disks,
            String infName) throws ServicingException {
        InfSourceFile source = sources.get(file.toLowerCase(Locale.ROOT));
        List<String> parts = new ArrayList<>();
        if (source != null) {
            parts.add(disks.getOrDefault(source.diskId().strip(), ""));
            parts.add(source.subdirectory());
        }
        parts.add(file);
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            for (String segment : part.replace('/', '\\').split("\\\\")) {
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (segment.equals("..") || segment.indexOf(':') >= 0) {
                    throw new ServicingException(DriverServicing.INF_SYNTAX, "The driver package " + infName
                            + " names the source file " + file + " outside its own folder (" + part + ").");
                }
                path.append(path.length() == 0 ? "" : "\\").append(segment);
            }
        }
        return path.toString();
    }

    /** The file at a backslash-separated path below folder, each segment matched ignoring case as Windows does. */
    static Optional<Path> resolve(Path folder, String relative) {
        Path current = folder;
        for (String segment : relative.split("\\\\")) {
            if (segment.isEmpty()) {
                continue;
            }
            Path exact = current.resolve(segment);
            if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS)) {
                current = exact;
                continue;
            }
            Optional<Path> found = Optional.empty();
            if (Files.isDirectory(current)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(current)) {
                    for (Path entry : entries) {
                        if (entry.getFileName().toString().equalsIgnoreCase(segment)) {
                            found = Optional.of(entry);
                            break;
                        }
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            if (found.isEmpty()) {
                return Optional.empty();
            }
            current = found.get();
        }
        return Files.isRegularFile(current, LinkOption.NOFOLLOW_LINKS) ? Optional.of(current) : Optional.empty();
    }

    /** Where a copied file goes: the DestinationDirs entry of its copy-files section, else DefaultDestDir. */
    private static Optional<String> installPath(InfFile inf, InfCopyFile copy) {
        Optional<InfSection> destinations = inf.section("DestinationDirs");
        if (destinations.isEmpty()) {
            return Optional.empty();
        }
        Optional<InfLine> line = copy.section().isEmpty() ? Optional.empty() : destinations.get().line(copy.section());
        if (line.isEmpty()) {
            line = destinations.get().line("DefaultDestDir");
        }
        if (line.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> folder = DirIds.windowsPath(line.get().value(0));
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        String subdirectory = line.get().value(1).replace('/', '\\');
        if (subdirectory.contains("..") || subdirectory.contains(":")) {
            return Optional.empty();
        }
        String base = subdirectory.isEmpty() ? folder.get() : folder.get() + "\\" + subdirectory;
        return Optional.of(base + "\\" + copy.destination());
    }

    private static List<DriverService> servicesOf(InfFile inf, InfSection section) {
        List<DriverService> result = new ArrayList<>();
        for (InfLine line : section.lines("AddService")) {
            String name = line.value(0);
            if (name.isEmpty()) {
                continue;
            }
            int flags = number(line.value(1), 0);
            Optional<InfSection> install = line.value(2).isEmpty() ? Optional.empty() : inf.section(line.value(2));
            result.add(new DriverService(name, flags,
                    install.flatMap(s -> s.value("DisplayName")).orElse(name),
                    install.flatMap(s -> s.value("ServiceType")).map(v -> number(v, 1)).orElse(1),
                    install.flatMap(s -> s.value("StartType")).map(v -> number(v, 3)).orElse(3),
                    install.flatMap(s -> s.value("ErrorControl")).map(v -> number(v, 1)).orElse(1),
                    install.flatMap(s -> s.value("ServiceBinary")).orElse(""),
                    install.flatMap(s -> s.value("LoadOrderGroup")).orElse("")));
        }
        return result;
    }

    private static List<DriverService> dedupe(List<DriverService> services) {
        Map<String, DriverService> byName = new LinkedHashMap<>();
        for (DriverService service : services) {
            byName.merge(service.name().toLowerCase(Locale.ROOT), service,
                    (a, b) -> a.isAssociated() ? a : b);
        }
        return new ArrayList<>(byName.values());
    }

    static int number(String text, int otherwise) {
        String value = text.strip();
        try {
            if (value.toLowerCase(Locale.ROOT).startsWith("0x")) {
                return Integer.parseUnsignedInt(value.substring(2), 16);
            }
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public Path infFile() {
        return infFile;
    }

    /** The INF's file name ("e1q62x64.inf"). */
    public String infName() {
        return infFile.getFileName().toString();
    }

    public DriverInf inf() {
        return inf;
    }

    public Architecture architecture() {
        return architecture;
    }

    public List<DriverModel> models() {
        return models;
    }

    /** The files the install sections copy (not the INF or the catalog). */
    public List<PackageFile> files() {
        return files;
    }

    /** The catalog the INF names for the architecture, when it is in the package. */
    public Optional<PackageFile> catalog() {
        return catalog;
    }

    /** The catalog name the INF gives ([Version] CatalogFile), whether or not the file exists. */
    public Optional<String> catalogName() {
        return inf.version().catalogFile(architecture);
    }

    public List<DriverService> services() {
        return services;
    }

    public String className() {
        return inf.version().infClass().orElse("");
    }

    public String classGuid() {
        return inf.version().classGuid().orElse("");
    }

    /**
     * True for a driver Windows needs to boot: a storage controller class (SCSIAdapter, HDC) or a service that
     * starts with the boot loader (StartType 0).
     */
    public boolean bootCritical() {
        return isBootCritical(inf, services);
    }

    static boolean isBootCritical(DriverInf inf, List<DriverService> services) {
        String infClass = inf.version().infClass().orElse("");
        return BOOT_CRITICAL_CLASSES.stream().anyMatch(c -> c.equalsIgnoreCase(infClass))
                || services.stream().anyMatch(s -> s.startType() == DriverService.BOOT_START);
    }

    /** Whether a parsed INF is boot critical on an architecture (for listings of installed packages). */
    static boolean isBootCritical(DriverInf inf, Architecture architecture) {
        List<DriverService> services = new ArrayList<>();
        for (InfSection section : installSections(inf, architecture)) {
            inf.inf().section(section.name() + ".Services").ifPresent(s -> services.addAll(servicesOf(inf.inf(), s)));
        }
        return isBootCritical(inf, services);
    }
}
