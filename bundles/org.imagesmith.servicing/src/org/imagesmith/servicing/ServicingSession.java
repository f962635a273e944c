package org.imagesmith.servicing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.wim.WindowsInfo;

/**
 * An open servicing session on one offline image: its identity, its SOFTWARE and SYSTEM hives, the log and a
 * scratch folder. Changes to a hive are kept in memory until {@link #saveHive} writes it atomically.
 */
public final class ServicingSession implements Closeable {
    public static final String SOFTWARE_HIVE = "Windows\\System32\\config\\SOFTWARE";
    public static final String SYSTEM_HIVE = "Windows\\System32\\config\\SYSTEM";
    static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    static final String COMPONENT = "DISM Provider Store";

    private final OfflineImage image;
    private final ServicingLog log;
    private final ScratchDirectory scratch;
    private Hive software;
    private Hive system;
    private ServicingTransaction transaction;
    /** Runs when the outermost transaction starts to write its hives (a test's injected failure). */
    Runnable beforeCommit = () -> { };
    /** Runs when the new hives are on disk and the journal says so, before they are renamed (a test's kill). */
    Runnable afterCommitPoint = () -> { };
    private final ImageIdentity identity;

    private ServicingSession(OfflineImage image, ServicingLog log, ScratchDirectory scratch, Hive software, Hive system,
            ImageIdentity identity) {
        this.image = image;
        this.log = log;
        this.scratch = scratch;
        this.software = software;
        this.system = system;
        this.identity = identity;
    }

    /**
     * Opens a session: reads the SOFTWARE and SYSTEM hives and the image's identity, and makes a scratch folder.
     *
     * @throws ServicingException when a hive is missing or damaged, or no scratch folder can be made
     */
    public static ServicingSession open(OfflineImage image, ServicingLog log, Optional<Path> scratchParent)
            throws ServicingException {
        log.info(COMPONENT, "Opening the offline image " + image.description());
        recover(image, log);
        Hive software = openHive(image, SOFTWARE_HIVE);
        Hive system = openHive(image, SYSTEM_HIVE);
        ImageIdentity identity = readIdentity(image, software, system);
        log.info(COMPONENT, "Image version " + identity.version() + ", edition " + identity.editionId() + ", "
                + identity.architecture().dismName());
        ScratchDirectory scratch = ScratchDirectory.create(scratchParent);
        log.debug(COMPONENT, "Scratch directory " + scratch.path());
        return new ServicingSession(image, log, scratch, software, system, identity);
    }

    /** Finishes a transaction that a killed process left on the image folder (see {@link TransactionJournal}). */
    private static void recover(OfflineImage image, ServicingLog log) throws ServicingException {
        if (!(image instanceof DirectoryImage folder) || folder.isReadOnly() || folder.isStaged()) {
            return;
        }
        try {
            TransactionJournal.recover(folder.root()).ifPresent(done -> log.warning(COMPONENT, "The image "
                    + image.description() + " was left part-way by a servicing command that was stopped; Imagesmith "
                    + done + "."));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "A servicing command that was stopped left"
                    + " the image " + image.description() + " part-way, and it cannot be finished: " + e.getMessage()
                    + ". Discard the image (or restore it from a copy).", e);
        }
    }

    private static Hive openHive(OfflineImage image, String windowsPath) throws ServicingException {
        Path file = image.find(windowsPath).orElseThrow(() -> new ServicingException(ServicingException.FILE_NOT_FOUND,
                "The image " + image.description() + " has no " + windowsPath + " hive, so it is not a complete"
                        + " offline Windows image."));
        try {
            return Hive.open(file, transactionLogs(image, windowsPath));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The registry hive " + windowsPath
                    + " of the image cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The transaction logs of a hive of the image (.LOG1, .LOG2, .LOG), looked up through the image so that an image
     * served from a WIM file brings them along.
     */
    public static List<Path> transactionLogs(OfflineImage image, String windowsPath) {
        List<Path> logs = new ArrayList<>();
        for (String suffix : List.of(".LOG1", ".LOG2", ".LOG")) {
            image.find(windowsPath + suffix).ifPresent(logs::add);
        }
        return logs;
    }

    static ImageIdentity readIdentity(OfflineImage image, Hive software, Hive system) throws ServicingException {
        RegistryKey version = software.findKey(CURRENT_VERSION).orElseThrow(() -> new ServicingException(
                ServicingException.BAD_FORMAT, "The SOFTWARE hive of " + image.description() + " has no key "
                        + CURRENT_VERSION + "; it is not the SOFTWARE hive of a Windows installation."));
        int major;
        int minor;
        Optional<RegistryValue> majorNumber = version.value("CurrentMajorVersionNumber");
        if (majorNumber.isPresent()) {
            major = majorNumber.get().asDword();
            minor = version.value("CurrentMinorVersionNumber").map(RegistryValue::asDword).orElse(0);
        } else {
            String[] parts = string(version, "CurrentVersion").orElse("0.0").split("\\.");
            major = parseInt(parts[0]);
            minor = parts.length > 1 ? parseInt(parts[1]) : 0;
        }
        int build = parseInt(string(version, "CurrentBuildNumber").or(() -> string(version, "CurrentBuild")).orElse("0"));
        int revision = version.value("UBR").map(RegistryValue::asDword).orElseGet(() -> {
            // BuildLabEx: "7601.17514.amd64fre.win7sp1_rtm.101119-1850"
            String[] lab = string(version, "BuildLabEx").orElse("").split("\\.");
            return lab.length > 1 ? parseInt(lab[1]) : 0;
        });
        WindowsInfo.Architecture architecture = readArchitecture(image, system);
        return new ImageIdentity(major, minor, build, revision, string(version, "EditionID").orElse(""),
                string(version, "InstallationType").orElse(""), string(version, "ProductName").orElse(""),
                string(version, "CSDVersion").orElse(""), architecture);
    }

    private static WindowsInfo.Architecture readArchitecture(OfflineImage image, Hive system) throws ServicingException {
        String environment = ControlSets.current(system) + "\\Control\\Session Manager\\Environment";
        String value = system.findKey(environment).flatMap(k -> string(k, "PROCESSOR_ARCHITECTURE"))
                .orElseThrow(() -> new ServicingException(ServicingException.BAD_FORMAT, "The SYSTEM hive of "
                        + image.description() + " has no PROCESSOR_ARCHITECTURE under " + environment + "."));
        // Windows 7's servicing knows no ARM images
        return WindowsInfo.Architecture.ofEnvironment(value).filter(a -> a != WindowsInfo.Architecture.ARM)
                .orElseThrow(() -> new ServicingException(ServicingException.BAD_FORMAT, "The image's processor"
                        + " architecture \"" + value + "\" (SYSTEM\\" + environment + ") is not one Imagesmith services"
                        + " (x86, AMD64, IA64, ARM64)."));
    }

    private static Optional<String> string(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asString).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public OfflineImage image() {
        return image;
    }

    public ServicingLog log() {
        return log;
    }

    public ScratchDirectory scratch() {
        return scratch;
    }

    public ImageIdentity identity() {
        return identity;
    }

    /** The image's SOFTWARE hive, as changed so far in this session. */
    public Hive software() {
        return software;
    }

    /** The image's SYSTEM hive, as changed so far in this session. */
    public Hive system() {
        return system;
    }

    /**
     * Begins a transaction ({@link ServicingTransaction}): every change of the image until its commit is kept or
     * undone as one. While one is open, a new one joins it.
     */
    public ServicingTransaction begin() throws ServicingException {
        requireWritable();
        if (transaction != null) {
            return transaction.joining();
        }
        transaction = ServicingTransaction.outermost(this);
        return transaction;
    }

    /**
     * Writes a hive of this session back into the image, atomically; inside a transaction, marks it for the
     * transaction's commit.
     *
     * @param windowsPath {@link #SOFTWARE_HIVE} or {@link #SYSTEM_HIVE}
     */
    public void saveHive(String windowsPath) throws ServicingException {
        requireWritable();
        if (transaction != null) {
            transaction.changed(windowsPath);
            return;
        }
        try {
            hiveAt(windowsPath).save(image.pathForWrite(windowsPath));
            log.debug(COMPONENT, "Saved " + windowsPath);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The hive " + windowsPath
                    + " cannot be written back into the image: " + e.getMessage(), e);
        }
    }

    Hive hiveAt(String windowsPath) {
        return windowsPath.equals(SYSTEM_HIVE) ? system : software;
    }

    void ended(ServicingTransaction ended) {
        if (transaction == ended) {
            transaction = null;
        }
    }

    /** After a roll-back the hives in memory are read again from the image, which holds them as they were. */
    void rolledBack(ServicingTransaction ended) {
        ended(ended);
        try {
            software = openHive(image, SOFTWARE_HIVE);
            system = openHive(image, SYSTEM_HIVE);
        } catch (ServicingException e) {
            log.error(COMPONENT, "The hives could not be read again after a roll-back: " + e.getMessage());
        }
    }

    /**
     * Fails when the image may not be changed: it is read-only, or a hive's last write was interrupted and its
     * transaction logs cannot bring it up to date (saving it would lose what only the logs hold).
     */
    public void requireWritable() throws ServicingException {
        if (image.isReadOnly()) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The image " + image.description()
                    + " is read-only (mounted with /ReadOnly, or not writable). Remount it read/write to change it.");
        }
        for (String path : List.of(SOFTWARE_HIVE, SYSTEM_HIVE)) {
            Hive hive = path.equals(SYSTEM_HIVE) ? system : software;
            if (hive.isDirty()) {
                throw new ServicingException(ServicingException.REGISTRY_CORRUPT, "The registry hive " + path
                        + " of the image " + image.description() + " was not written completely and its transaction"
                        + " logs (" + path + ".LOG1, .LOG2) cannot bring it up to date, so the image is not changed."
                        + " Start the image's Windows once, or restore the hive's .LOG1/.LOG2 files, and try again.");
            }
        }
    }

    @Override
    public void close() throws IOException {
        scratch.close();
        log.info(COMPONENT, "Closed the offline image " + image.description());
    }
}
