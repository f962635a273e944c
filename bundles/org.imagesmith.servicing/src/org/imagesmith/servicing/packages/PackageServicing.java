package org.imagesmith.servicing.packages;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;

/**
 * Packages and features of an offline image, as Component-Based Servicing keeps them: manifests under
 * Windows\servicing\Packages, payload under Windows\WinSxS, states in the SOFTWARE hive.
 */
public final class PackageServicing {
    static final String PACKAGES_FOLDER = "Windows\\servicing\\Packages";
    static final String WINSXS = "Windows\\WinSxS";
    private static final String COMPONENT = "DISM Package Manager";

    private final ServicingSession session;
    private final Clock clock;
    /** Runs after a package's files are in the image and before its registration is saved (for fault tests). */
    Runnable beforeRegistration = () -> { };

    public PackageServicing(ServicingSession session) {
        this(session, Clock.systemUTC());
    }

    PackageServicing(ServicingSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /** The options of /Add-Package. */
    public record AddOptions(boolean ignoreCheck, boolean preventPending) {
    }

    /** What happened to one package of /Add-Package. */
    public record AddResult(PackageIdentity identity, PackageState state, boolean skipped, String message) {
    }

    /** The CBS keys of the session's SOFTWARE hive as it is now (a roll-back reads the hive again). */
    private CbsRegistry registry() {
        return new CbsRegistry(session.software());
    }

    /** The packages of the image, as /Get-Packages lists them. */
    public List<InstalledPackage> packages() {
        return registry().packages();
    }

    /** An installed package, or an error naming it when the image does not have it. */
    public InstalledPackage installed(PackageIdentity identity) throws ServicingException {
        return registry().find(identity).orElseThrow(() -> new ServicingException(ServicingException.INVALID_PARAMETER,
                "The package " + identity + " is not in the image. Run /Get-Packages for the identities it has."));
    }

    /** The manifest the image keeps for an installed package. */
    public Optional<PackageManifest> manifest(PackageIdentity identity) throws ServicingException {
        Optional<Path> file = session.image().find(PACKAGES_FOLDER + "\\" + identity + ".mum");
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PackageManifest.parse(Files.readAllBytes(file.get()), file.get().toString()));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The manifest of " + identity
                    + " in the image cannot be read: " + e.getMessage(), e);
        }
    }

    /** The features of one installed package, or of all installed packages. */
    public List<Feature> features(Optional<PackageIdentity> only) throws ServicingException {
        List<Feature> result = new ArrayList<>();
        List<InstalledPackage> packages = only.isPresent() ? List.of(installed(only.get())) : packages();
        for (InstalledPackage pkg : packages) {
            Optional<PackageManifest> manifest = manifest(pkg.identity());
            if (manifest.isEmpty()) {
                continue;
            }
            for (PackageManifest.Update update : manifest.get().features()) {
                PackageState state = pkg.updateStates().entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(update.name())).map(Map.Entry::getValue)
                        .findFirst().orElse(PackageState.ABSENT);
                result.add(new Feature(pkg.identity(), update, state));
            }
        }
        return result;
    }

    /** The feature of this name (any case), in the given package or any installed one. */
    public Feature feature(String name, Optional<PackageIdentity> in) throws ServicingException {
        return features(in).stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ServicingException(ServicingException.UNKNOWN_FEATURE, "Feature name " + name
                        + " is unknown." + (in.isPresent() ? " The package " + in.get() + " has no such feature." : "")
                        + " Run /Get-Features for the names the image has."));
    }

    /** Enables or disables features (all of them are checked before any is changed), then saves the hive. */
    public List<Feature> setFeatures(List<String> names, Optional<PackageIdentity> in, boolean enable)
            throws ServicingException {
        session.requireWritable();
        List<Feature> found = new ArrayList<>();
        for (String name : names) {
            found.add(feature(name, in));
        }
        PackageState state = enable ? PackageState.INSTALLED : PackageState.STAGED;
        List<Feature> changed = new ArrayList<>();
        try (ServicingTransaction transaction = session.begin()) {
            for (Feature feature : found) {
                registry().setUpdateState(feature.packageIdentity(), feature.name(), state);
                session.log().info(COMPONENT, (enable ? "Enabled" : "Disabled") + " feature " + feature.name() + " of "
                        + feature.packageIdentity());
                changed.add(new Feature(feature.packageIdentity(), feature.update(), state));
            }
            session.saveHive(ServicingSession.SOFTWARE_HIVE);
            transaction.commit();
        }
        return changed;
    }

    /**
     * Adds packages in the order given. Each package is checked, copied into the image and registered, and the
     * hive is saved after each one; a package that fails leaves no file of its own behind.
     */
    public List<AddResult> add(List<PackageSource> sources, AddOptions options) throws ServicingException {
        session.requireWritable();
        List<AddResult> results = new ArrayList<>();
        for (PackageSource source : sources) {
            PackageManifest manifest = source.manifest();
            session.log().info(COMPONENT, "Adding package " + manifest.identity() + " from " + source.origin());
            Optional<ServicingException> refusal = refusal(source, options.ignoreCheck());
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            warnAboutOrder(manifest);
            PackageState state = manifest.restart().equalsIgnoreCase("required") ? PackageState.INSTALL_PENDING
                    : PackageState.INSTALLED;
            if (options.preventPending() && (state == PackageState.INSTALL_PENDING || hasPendingActions())) {
                String message = "Skipped " + manifest.identity() + ": it would leave the image with pending online"
                        + " actions, and /PreventPending was given.";
                session.log().warning(COMPONENT, message);
                results.add(new AddResult(manifest.identity(), PackageState.ABSENT, true, message));
                continue;
            }
            install(source, state);
            results.add(new AddResult(manifest.identity(), state, false, ""));
        }
        return results;
    }

    /**
     * Stages packages (an answer file's action="stage"): each is checked, copied into the image and registered as
     * Staged, so that a later install or feature selection needs no source.
     */
    public List<AddResult> stage(List<PackageSource> sources) throws ServicingException {
        session.requireWritable();
        List<AddResult> results = new ArrayList<>();
        for (PackageSource source : sources) {
            session.log().info(COMPONENT, "Staging package " + source.manifest().identity() + " from " + source.origin());
            Optional<ServicingException> refusal = refusal(source, false);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            install(source, PackageState.STAGED);
            results.add(new AddResult(source.manifest().identity(), PackageState.STAGED, false, ""));
        }
        return results;
    }

    private boolean hasPendingActions() {
        return packages().stream().anyMatch(p -> p.state() == PackageState.INSTALL_PENDING
                || p.state() == PackageState.UNINSTALL_PENDING);
    }

    /**
     * Why /Add-Package would refuse the package, or empty when it would take it: the one check behind /Add-Package,
     * staging and /Get-PackageInfo's "Applicable". A service pack and a package for another processor architecture
     * are always refused; {@code ignoreCheck} (/IgnoreCheck) skips only the applicability (parents) and dependency
     * checks.
     */
    public Optional<ServicingException> refusal(PackageSource source, boolean ignoreCheck) {
        PackageManifest manifest = source.manifest();
        PackageIdentity identity = manifest.identity();
        if (manifest.isServicePack()) {
            return Optional.of(new ServicingException(ServicingException.NOT_SUPPORTED_OFFLINE, "The package " + identity
                    + " is a service pack. Service packs are installed online, or integrated into a new image."));
        }
        String imageArchitecture = session.identity().architecture().identityName();
        String architecture = identity.architecture().toLowerCase(Locale.ROOT);
        boolean architectureFits = architecture.equals(imageArchitecture) || architecture.equals("neutral")
                || (architecture.equals("wow64") && imageArchitecture.equals("amd64"));
        if (!architectureFits) {
            return Optional.of(new ServicingException(ServicingException.NOT_APPLICABLE, "The package " + source.origin()
                    + " is not applicable to the image: it is for " + identity.architecture() + " and the image is "
                    + session.identity().architecture().dismName() + " (" + imageArchitecture + "). Use the "
                    + imageArchitecture + " package of the same update."));
        }
        if (ignoreCheck) {
            return Optional.empty();
        }
        if (!manifest.parents().isEmpty() && manifest.parents().stream().noneMatch(this::isInstalled)) {
            PackageManifest.Parent first = manifest.parents().get(0);
            return Optional.of(notApplicable(source, "it applies to " + describe(first) + ", which the image does not have"));
        }
        for (PackageIdentity dependency : manifest.dependencies()) {
            boolean present = packages().stream().anyMatch(p -> p.state().isInstalled()
                    && p.identity().name().equalsIgnoreCase(dependency.name())
                    && compareVersions(p.identity().version(), dependency.version()) >= 0);
            if (!present) {
                return Optional.of(new ServicingException(ServicingException.DEPENDENT_FAILURE, "The package " + identity
                        + " needs the package " + dependency.name() + " " + dependency.version()
                        + " (or newer), which is not installed in the image. Add it first (or give /IgnoreCheck)."));
            }
        }
        return Optional.empty();
    }

    private static String describe(PackageManifest.Parent parent) {
        String compare = parent.buildCompare().isEmpty() ? "" : " (version " + parent.buildCompare() + " "
                + parent.identity().version() + ")";
        return parent.identity().name() + compare;
    }

    private boolean isInstalled(PackageManifest.Parent parent) {
        return packages().stream().filter(p -> p.state().isInstalled())
                .filter(p -> p.identity().name().equalsIgnoreCase(parent.identity().name()))
                .anyMatch(p -> versionFits(p.identity().version(), parent.identity().version(), parent.buildCompare()));
    }

    /** True when an installed version satisfies a wanted version under a buildCompare (EQ, GE, ...; none: any). */
    static boolean versionFits(String installed, String wanted, String buildCompare) {
        if (wanted.isEmpty()) {
            return true;
        }
        int c = compareVersions(installed, wanted);
        return switch (buildCompare.toUpperCase(Locale.ROOT)) {
            case "EQ" -> c == 0;
            case "GE" -> c >= 0;
            case "GT" -> c > 0;
            case "LE" -> c <= 0;
            case "LT" -> c < 0;
            default -> true;
        };
    }

    /** Compares dotted versions number by number. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ServicingException notApplicable(PackageSource source, String why) {
        return new ServicingException(ServicingException.NOT_APPLICABLE, "The package " + source.origin()
                + " is not applicable to the image: " + why + ". (Use /IgnoreCheck to add it anyway.)");
    }

    /** Language packs go before updates: an update with language resources installed before it misses them. */
    private void warnAboutOrder(PackageManifest manifest) throws ServicingException {
        if (!manifest.isLanguagePack()) {
            return;
        }
        for (InstalledPackage pkg : packages()) {
            Optional<PackageManifest> installed = manifest(pkg.identity());
            if (installed.isPresent() && installed.get().isUpdate() && installed.get().hasLanguageResources()) {
                session.log().warning(COMPONENT, "The language pack " + manifest.identity() + " is added after the update "
                        + pkg.identity() + ", which has language-specific resources: the update's " + manifest.identity().language()
                        + " resources will be missing. Add language packs before updates, or add the update again.");
            }
        }
    }

    private void install(PackageSource source, PackageState state) throws ServicingException {
        PackageIdentity identity = source.manifest().identity();
        try (ServicingTransaction transaction = session.begin()) {
            try {
                copy(transaction, source.manifestFile(), PACKAGES_FOLDER + "\\" + identity + ".mum");
                if (Files.isRegularFile(source.catalog())) {
                    copy(transaction, source.catalog(), PACKAGES_FOLDER + "\\" + identity + ".cat");
                }
                copyPayload(transaction, source.folder());
                beforeRegistration.run();
                Map<String, PackageState> updates = new LinkedHashMap<>();
                for (PackageManifest.Update update : source.manifest().updates()) {
                    updates.put(update.name(), update.feature() ? PackageState.STAGED : state);
                }
                registry().register(identity, state, source.origin().toAbsolutePath().toString(), clock.instant(), updates);
                session.saveHive(ServicingSession.SOFTWARE_HIVE);
            } catch (IOException | RuntimeException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The package " + identity
                        + " could not be added, and the image was left as it was: " + e.getMessage(), e);
            }
            transaction.commit();
        }
        session.log().info(COMPONENT, "Package " + identity + " is " + state.packageText());
    }

    /** Copies a file into the image unless it is there already (component payload is shared between packages). */
    private void copy(ServicingTransaction transaction, Path from, String windowsPath) throws IOException {
        if (session.image().find(windowsPath).filter(Files::exists).isEmpty()) {
            transaction.copy(from, windowsPath);
        }
    }

    /** Component folders go to Windows\WinSxS, *.manifest files to Windows\WinSxS\Manifests. */
    private void copyPayload(ServicingTransaction transaction, Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (Files.isDirectory(entry)) {
                    copyTree(transaction, entry, WINSXS + "\\" + name);
                } else if (lower.endsWith(".manifest")) {
                    copy(transaction, entry, WINSXS + "\\Manifests\\" + name);
                }
            }
        }
    }

    private void copyTree(ServicingTransaction transaction, Path source, String windowsFolder) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = source.relativize(file).toString().replace('/', '\\');
                copy(transaction, file, windowsFolder + "\\" + relative);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Removes an installed package: its registration and its manifest and catalog (payload stays, shared). Windows'
     * rules are checked first (see {@link RemovalRules}): a package that must stay is refused before anything changes.
     */
    public void remove(PackageIdentity identity) throws ServicingException {
        session.requireWritable();
        InstalledPackage pkg = installed(identity);
        new RemovalRules(session, this).check(pkg);
        try (ServicingTransaction transaction = session.begin()) {
            registry().unregister(identity, false);
            session.saveHive(ServicingSession.SOFTWARE_HIVE);
            for (String extension : List.of(".mum", ".cat")) {
                Optional<Path> file = session.image().find(PACKAGES_FOLDER + "\\" + identity + extension);
                if (file.isPresent()) {
                    try {
                        transaction.remove(file.get());
                    } catch (IOException e) {
                        throw new ServicingException(ServicingException.ACCESS_DENIED, "The package " + identity
                                + " could not be removed, and the image was left as it was: " + file.get()
                                + " cannot be moved: " + e.getMessage(), e);
                    }
                }
            }
            transaction.commit();
        }
        session.log().info(COMPONENT, "Removed package " + identity);
    }
}
