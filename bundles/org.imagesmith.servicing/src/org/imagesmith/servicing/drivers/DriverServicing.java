package org.imagesmith.servicing.drivers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.inf.Architecture;
import org.imagesmith.inf.DriverInf;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;

/**
 * Third-party drivers of an offline image (DISM's /Add-Driver, /Remove-Driver, /Get-Drivers, /Get-DriverInfo):
 * packages staged in the driver store, published as oem&lt;N&gt;.inf and, when boot critical, installed so the image
 * boots with them. Each /Add-Driver or /Remove-Driver is all or nothing: a failure leaves the image as it was.
 */
public final class DriverServicing {
    /** HRESULT of SetupAPI's ERROR_GENERAL_SYNTAX: the INF is malformed. */
    public static final int INF_SYNTAX = 0x800f0003;
    /** HRESULT of SetupAPI's ERROR_NON_WINDOWS_NT_DRIVER: "does not support this version of Windows". */
    public static final int NOT_FOR_THIS_PLATFORM = 0x800f022d;
    /** HRESULT of SetupAPI's ERROR_NO_CATALOG_FOR_OEM_INF: "the third-party INF does not contain digital signature information". */
    public static final int NO_CATALOG = 0x800f022f;
    /** TRUST_E_NOSIGNATURE: "no signature was present in the subject". */
    public static final int NOT_SIGNED = 0x800b0100;
    /** TRUST_E_BAD_DIGEST: "the digital signature of the object did not verify". */
    public static final int BAD_DIGEST = 0x80096010;

    private static final String COMPONENT = "DISM Driver Manager";
    /** The largest driver file whose digest is checked (driver files are kilobytes to tens of megabytes). */
    private static final long MAX_SIGNED_FILE = 1L << 30;

    private final ServicingSession session;
    private final DriverStore store;
    private final DriverRegistry registry;
    private final Architecture architecture;
    /** Runs after the files are in the image and the hive is changed in memory, before the hive is saved (fault tests). */
    Runnable beforeCommit = () -> { };

    public DriverServicing(ServicingSession session) throws ServicingException {
        this.session = session;
        this.store = new DriverStore(session.image());
        this.registry = new DriverRegistry(session);
        String name = session.identity().architecture().identityName();
        this.architecture = Architecture.fromInfName(name).orElseThrow(() -> new ServicingException(
                ServicingException.INVALID_PARAMETER, "Drivers cannot be serviced on " + name + " images."));
    }

    /** The options of /Add-Driver. */
    public record AddOptions(boolean forceUnsigned) {
    }

    /** What happened to one package of /Add-Driver: its published name, and whether it was there already. */
    public record AddResult(Path inf, String publishedName, boolean alreadyInstalled) {
    }

    /** The image's architecture as INF decorations name it. */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * The INFs /Driver names: the file itself, the .inf files directly in a folder, or with recurse every .inf below
     * it, in name order.
     *
     * @throws ServicingException when the path does not exist or a folder holds no .inf
     */
    public static List<Path> findInfs(Path driver, boolean recurse) throws ServicingException {
        if (Files.isRegularFile(driver)) {
            return List.of(driver);
        }
        if (!Files.isDirectory(driver)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The driver package " + driver
                    + " does not exist. Give an .inf file or a folder of driver packages.");
        }
        List<Path> infs = new ArrayList<>();
        try {
            if (recurse) {
                Files.walkFileTree(driver, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && isInf(file)) {
                            infs.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(driver)) {
                    for (Path entry : entries) {
                        if (Files.isRegularFile(entry) && isInf(entry)) {
                            infs.add(entry);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The folder " + driver + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (infs.isEmpty()) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "No driver packages (.inf files) were found in "
                    + driver + (recurse ? "" : "; add /Recurse to search its subfolders") + ".");
        }
        infs.sort(null);
        return infs;
    }

    private static boolean isInf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".inf");
    }

    /**
     * Opens the driver packages found in a folder, leaving out the INFs that are not driver packages for this image
     * (as DISM ignores them), or the one INF given.
     */
    public List<DriverPackage> open(List<Path> infs, boolean fromFolder) throws ServicingException {
        List<DriverPackage> packages = new ArrayList<>();
        for (Path inf : infs) {
            try {
                packages.add(DriverPackage.open(inf, architecture));
            } catch (ServicingException e) {
                if (!fromFolder || e.errorCode() == ServicingException.FILE_NOT_FOUND) {
                    throw e;
                }
                session.log().warning(COMPONENT, "Skipped " + inf + ": " + e.getMessage());
            }
        }
        return packages;
    }

    // ---- Listing

    /** The third-party packages of the image, and with {@code all} the inbox ones too, as /Get-Drivers lists them. */
    public List<InstalledDriver> drivers(boolean all) throws ServicingException {
        List<InstalledDriver> result = new ArrayList<>();
        try {
            for (Path published : store.publishedInfs()) {
                describe(published).ifPresent(result::add);
            }
            if (all) {
                for (Path inbox : store.inboxInfs()) {
                    describeInbox(inbox).ifPresent(result::add);
                }
            }
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The driver store of the image cannot be read: "
                    + e.getMessage(), e);
        }
        return result;
    }

    /** One published package, or an error naming it when the image has no such package. */
    public InstalledDriver installed(String publishedName) throws ServicingException {
        Optional<Path> published = store.published(publishedName);
        if (published.isPresent()) {
            try {
                Optional<InstalledDriver> driver = DriverStore.isPublishedName(publishedName) ? describe(published.get())
                        : describeInbox(published.get());
                if (driver.isPresent()) {
                    return driver.get();
                }
            } catch (IOException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The driver " + publishedName
                        + " cannot be read: " + e.getMessage(), e);
            }
        }
        throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The driver package " + publishedName
                + " is not in the image. Run /Get-Drivers for the published names (oem<N>.inf) it has.");
    }

    private Optional<InstalledDriver> describe(Path published) throws IOException {
        String name = published.getFileName().toString();
        Optional<Path> staged = store.stagedInf(published);
        Optional<DriverInf> inf = read(published);
        if (inf.isEmpty()) {
            return Optional.empty();
        }
        String original = staged.map(p -> p.getFileName().toString()).orElse(name);
        String storePath = staged.map(Path::toString).orElse("");
        return Optional.of(driver(name, original, false, inf.get(), storePath));
    }

    private Optional<InstalledDriver> describeInbox(Path inf) {
        String name = inf.getFileName().toString();
        return read(inf).filter(d -> !d.manufacturers().isEmpty())
                .map(d -> driver(name, name, true, d, inf.toString()));
    }

    private Optional<DriverInf> read(Path inf) {
        try {
            return Optional.of(DriverInf.read(inf));
        } catch (IOException e) {
            session.log().debug(COMPONENT, "Not a driver package: " + inf + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private InstalledDriver driver(String published, String original, boolean inbox, DriverInf inf, String storePath) {
        return new InstalledDriver(published, original, inbox, inf.version().infClass().orElse(""),
                inf.version().classGuid().orElse(""), inf.version().provider().orElse(""), inf.version().driverDate(),
                inf.version().driverVersion().orElse(""), DriverPackage.isBootCritical(inf, architecture), storePath);
    }

    /**
     * A package in detail: a published name (oem0.inf, or an inbox INF's name) shows the models for the image's
     * architecture; the path of an INF shows the models of every architecture it supports.
     */
    public DriverDetails info(String driver) throws ServicingException {
        Path path = Path.of(driver);
        boolean isFile = driver.contains("/") || driver.contains("\\") ? Files.isRegularFile(path)
                : Files.isRegularFile(path) && store.published(driver).isEmpty();
        if (!isFile) {
            InstalledDriver installed = installed(driver);
            DriverInf inf = DriverPackage.parse(store.published(driver).orElseThrow());
            return details(installed, Map.of(architecture.infName(), DriverPackage.models(inf, architecture)));
        }
        DriverInf inf = DriverPackage.parse(path);
        Map<String, List<DriverModel>> models = new LinkedHashMap<>();
        for (Architecture each : Architecture.values()) {
            List<DriverModel> list = DriverPackage.models(inf, each);
            if (!list.isEmpty()) {
                models.put(each.infName(), list);
            }
        }
        return details(driver(path.toString(), path.getFileName().toString(), false, inf, path.toAbsolutePath().toString()),
                models);
    }

    private DriverDetails details(InstalledDriver driver, Map<String, List<DriverModel>> models) {
        String description = DeviceClasses.description(driver.className(), driver.classGuid(),
                registry.classDescription(driver.classGuid()));
        return new DriverDetails(driver, description, models);
    }

    // ---- Adding

    /**
     * Adds packages in the order given: each is checked (architecture, files, signature on 64-bit images), staged,
     * published as the next oem&lt;N&gt;.inf and registered; the SYSTEM hive is saved once at the end. When any
     * package fails, every change of the call is undone.
     */
    public List<AddResult> add(List<DriverPackage> packages, AddOptions options) throws ServicingException {
        session.requireWritable();
        for (DriverPackage pkg : packages) {
            checkSigned(pkg, options.forceUnsigned());
        }
        List<AddResult> results = new ArrayList<>();
        inTransaction("added", files -> {
            for (DriverPackage pkg : packages) {
                results.add(stage(pkg, files));
            }
        });
        return results;
    }

    /** The changes of one command, made to files and to the SYSTEM hive, all kept or all undone. */
    private interface Changes {
        void make(ServicingTransaction files) throws IOException, ServicingException;
    }

    /**
     * Makes the changes in a transaction, then commits it (the SYSTEM hive is written); when anything fails, every
     * file and registry change is undone and the image is left as it was.
     */
    private void inTransaction(String verb, Changes changes) throws ServicingException {
        try (ServicingTransaction transaction = session.begin()) {
            try {
                changes.make(transaction);
                if (registry.forgetLegacyIndex()) {
                    session.log().info(COMPONENT, "Removed the Imagesmith\\DriverPackages key an earlier Imagesmith"
                            + " version kept in the SYSTEM hive; the driver store is read from what Windows keeps");
                }
                beforeCommit.run();
                session.saveHive(ServicingSession.SYSTEM_HIVE);
            } catch (IOException | RuntimeException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The driver packages could not be " + verb
                        + ", and the image was left as it was: " + e.getMessage(), e);
            }
            transaction.commit();
        }
    }

    private AddResult stage(DriverPackage pkg, ServicingTransaction files)
            throws IOException, ServicingException {
        byte[] infBytes = Files.readAllBytes(pkg.infFile());
        byte[] catalogBytes = pkg.catalog().isPresent() ? Files.readAllBytes(pkg.catalog().get().source()) : new byte[0];
        String folder = DriverStore.FILE_REPOSITORY + "\\"
                + DriverStore.folderName(pkg.infName(), architecture, infBytes, catalogBytes);
        Optional<Path> published = store.publishedWithContent(infBytes);
        if (published.isPresent() && store.find(folder).isPresent()) {
            String name = published.get().getFileName().toString();
            session.log().info(COMPONENT, pkg.infFile() + " is already in the driver store as " + name);
            return new AddResult(pkg.infFile(), name, true);
        }
        String publishedName = store.nextPublishedName();
        session.log().info(COMPONENT, "Staging " + pkg.infFile() + " in " + folder + " and publishing it as " + publishedName);
        files.folder(folder);
        files.copy(pkg.infFile(), folder + "\\" + pkg.infName());
        if (pkg.catalog().isPresent()) {
            files.copy(pkg.catalog().get().source(), folder + "\\" + pkg.catalog().get().relativePath());
        }
        for (DriverPackage.PackageFile file : pkg.files()) {
            files.copy(file.source(), folder + "\\" + file.relativePath());
        }
        files.copy(pkg.infFile(), DriverStore.INF_FOLDER + "\\" + publishedName);
        if (pkg.bootCritical()) {
            for (DriverPackage.PackageFile file : pkg.files()) {
                String target = file.installPath().orElseThrow(() -> new ServicingException(DriverServicing.INF_SYNTAX,
                        "The boot-critical driver package " + pkg.infFile() + " copies " + file.relativePath()
                                + " to a folder its [DestinationDirs] does not give as a DIRID Imagesmith can place in"
                                + " an offline image."));
                files.copy(file.source(), target);
            }
            session.log().info(COMPONENT, pkg.infName() + " is boot critical: installed its services "
                    + pkg.services().stream().map(DriverService::name).toList() + " and critical device entries");
        }
        registry.register(publishedName, pkg, folder);
        return new AddResult(pkg.infFile(), publishedName, false);
    }

    /**
     * Checks that a package's catalog lists its INF and every file it copies. On x86 images unsigned packages are
     * added anyway, as DISM does; on other images a package that fails is refused unless forceUnsigned.
     */
    void checkSigned(DriverPackage pkg, boolean forceUnsigned) throws ServicingException {
        try {
            verifyCatalog(pkg);
        } catch (ServicingException e) {
            if (forceUnsigned || architecture == Architecture.X86) {
                session.log().warning(COMPONENT, e.getMessage() + " Added anyway"
                        + (forceUnsigned ? " (/ForceUnsigned)." : " (x86 images accept unsigned drivers)."));
                return;
            }
            throw new ServicingException(e.errorCode(), e.getMessage() + " 64-bit Windows loads only signed drivers;"
                    + " add /ForceUnsigned to add it anyway.", e);
        }
    }

    private void verifyCatalog(DriverPackage pkg) throws ServicingException {
        String subject = "The driver package " + pkg.infFile() + " is not signed:";
        if (pkg.catalogName().isEmpty()) {
            throw new ServicingException(NO_CATALOG, subject + " its [Version] section names no CatalogFile (the"
                    + " third-party INF does not contain digital signature information).");
        }
        if (pkg.catalog().isEmpty()) {
            throw new ServicingException(NOT_SIGNED, subject + " its catalog " + pkg.catalogName().get()
                    + " is not in the package.");
        }
        Path catalogFile = pkg.catalog().get().source();
        DriverCatalog catalog;
        try {
            if (Files.size(catalogFile) > DriverCatalog.MAX_SIZE) {
                throw new CatalogFormatException(catalogFile + " is larger than " + DriverCatalog.MAX_SIZE + " bytes");
            }
            catalog = DriverCatalog.parse(Files.readAllBytes(catalogFile), pkg.catalogName().get());
        } catch (IOException e) {
            throw new ServicingException(NOT_SIGNED, subject + " its catalog " + pkg.catalogName().get()
                    + " is not a signed catalog: " + e.getMessage() + ".", e);
        }
        List<Path> signedFiles = new ArrayList<>();
        signedFiles.add(pkg.infFile());
        pkg.files().forEach(f -> signedFiles.add(f.source()));
        for (Path file : signedFiles) {
            checkListed(catalog, file, subject);
        }
        session.log().info(COMPONENT, "The catalog " + catalog.name() + " lists " + pkg.infName() + " and its "
                + pkg.files().size() + " files (the signer's certificate chain is not verified)");
    }

    private static void checkListed(DriverCatalog catalog, Path file, String subject) throws ServicingException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIGNED_FILE) {
                throw new ServicingException(NOT_SIGNED, subject + " " + file.getFileName() + " has " + Files.size(file)
                        + " bytes, more than the " + MAX_SIGNED_FILE + " a driver file can have.");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The file " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
        List<byte[]> digests = new ArrayList<>();
        for (String algorithm : List.of("SHA-1", "SHA-256")) {
            digests.add(flatDigest(bytes, algorithm));
            PeImageHash.digest(bytes, algorithm).ifPresent(digests::add);
        }
        if (catalog.listsDigest(digests)) {
            return;
        }
        String name = file.getFileName().toString();
        Optional<DriverCatalog.Member> member = catalog.memberNamed(name);
        if (member.isPresent() && member.get().digests().isEmpty()) {
            return;
        }
        if (member.isPresent()) {
            throw new ServicingException(BAD_DIGEST, subject + " " + name + " is not the file its catalog "
                    + catalog.name() + " lists (its digest differs: the file was changed after signing).");
        }
        throw new ServicingException(NOT_SIGNED, subject + " its catalog " + catalog.name() + " does not list " + name
                + " (no signature was present in the subject).");
    }

    private static byte[] flatDigest(byte[] bytes, String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Removing

    /**
     * Removes published third-party packages: the oem&lt;N&gt;.inf (and .pnf), the store folder, the files and the
     * registry keys the package's install created. All of them are checked first; a failure undoes every change.
     */
    public void remove(List<String> publishedNames) throws ServicingException {
        session.requireWritable();
        List<Path> publishedFiles = new ArrayList<>();
        for (String name : publishedNames) {
            if (!DriverStore.isPublishedName(name)) {
                throw new ServicingException(ServicingException.INVALID_PARAMETER, "The driver " + name + " is "
                        + (store.published(name).isPresent() ? "an inbox driver (part of Windows)" : "not a published name")
                        + "; only third-party drivers, published as oem<N>.inf, can be removed. Run /Get-Drivers for their names.");
            }
            publishedFiles.add(store.published(name).orElseThrow(() -> new ServicingException(
                    ServicingException.FILE_NOT_FOUND, "The driver package " + name + " is not in the image. Run"
                            + " /Get-Drivers for the published names (oem<N>.inf) it has.")));
        }
        List<String> removed = publishedNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        inTransaction("removed", files -> {
            for (Path published : publishedFiles) {
                String name = published.getFileName().toString();
                Optional<Path> stagedInf = store.stagedInf(published);
                Optional<DriverPackage> pkg = Optional.empty();
                if (stagedInf.isPresent()) {
                    pkg = Optional.of(DriverPackage.open(stagedInf.get(), architecture));
                    files.remove(stagedInf.get().getParent());
                } else {
                    session.log().warning(COMPONENT, "The driver store has no folder for " + name + "; only the"
                            + " published INF and the critical device entries naming it are removed.");
                }
                files.remove(published);
                Optional<Path> pnf = store.find(DriverStore.INF_FOLDER + "\\" + name.substring(0, name.length() - 4) + ".pnf");
                if (pnf.isPresent()) {
                    files.remove(pnf.get());
                }
                if (pkg.isPresent() && pkg.get().bootCritical()) {
                    for (DriverPackage.PackageFile file : pkg.get().files()) {
                        Optional<Path> installed = file.installPath().flatMap(store::find);
                        if (installed.isPresent()) {
                            files.remove(installed.get());
                        }
                    }
                }
                String folderName = stagedInf.map(p -> p.getParent().getFileName().toString()).orElse("");
                String classGuid = pkg.map(DriverPackage::classGuid).orElse("");
                registry.unregister(name, pkg, folderName, classUsedByOthers(classGuid, removed));
                session.log().info(COMPONENT, "Removed the driver package " + name);
            }
        });
    }

    /** True when a published package that stays has this device setup class. */
    private boolean classUsedByOthers(String classGuid, List<String> removed) throws IOException {
        if (classGuid.isEmpty()) {
            return false;
        }
        for (Path other : store.publishedInfs()) {
            if (removed.contains(other.getFileName().toString().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (read(other).flatMap(inf -> inf.version().classGuid()).filter(classGuid::equalsIgnoreCase).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
