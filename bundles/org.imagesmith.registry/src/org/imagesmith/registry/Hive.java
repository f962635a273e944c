package org.imagesmith.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry hive file (regf format) loaded in memory: read it with {@link #open}, or start a new one with
 * {@link #create}; navigate from {@link #root()}; write it back with {@link #save}, which replaces the target
 * atomically.
 *
 * <p>Opening validates the whole file (every bin, cell, key, value and list), so a damaged hive is rejected with a
 * {@link HiveFormatException} up front. A hive whose sequence numbers differ (not cleanly written; its transaction logs
 * are not applied here) opens with {@link #isDirty()} set and a warning.
 *
 * <p>Changes reuse freed cells first and append hive bins when nothing fits. A hive is not safe for use by several
 * threads at once.
 */
public final class Hive {
    /** The deepest key nesting Windows allows. */
    static final int MAX_DEPTH = 512;
    private static final int DEFAULT_MINOR_VERSION = 5;
    private static final long MAX_FILE_SIZE = Integer.MAX_VALUE - 4096L;

    /** The names of a hive's transaction logs after the primary file's name, in the order they are looked for. */
    private static final List<String> LOG_SUFFIXES = List.of(".LOG1", ".LOG2", ".LOG");

    private BaseBlock baseBlock;
    private final HiveBins bins;
    private final int rootCell;
    private final boolean dirty;
    private final List<String> warnings;
    private final boolean unsortedLists;
    /** The highest sequence number the transaction logs read with this hive hold (the base block's if none). */
    private final int logSequenceNumber;
    /** The file the hive was read from, for messages; "" for a hive read from bytes or made in memory. */
    private String origin = "";

    private Hive(BaseBlock baseBlock, HiveBins bins, boolean unsortedLists, List<String> warnings,
            int logSequenceNumber) {
        this.baseBlock = baseBlock;
        this.bins = bins;
        this.rootCell = baseBlock.rootCellOffset();
        this.dirty = baseBlock.isDirty();
        this.unsortedLists = unsortedLists;
        this.warnings = Collections.unmodifiableList(warnings);
        this.logSequenceNumber = logSequenceNumber;
    }

    /**
     * Reads and validates the hive file at {@code file}. When it is dirty (its last write was interrupted), its
     * transaction logs beside it ({@code file}.LOG1, .LOG2 or .LOG, in any case) are applied as Windows applies them.
     */
    public static Hive open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Reads and validates the hive file at {@code file}; when it is dirty, the transaction logs {@code logs} (those
     * that exist) are applied as Windows applies them.
     */
    public static Hive open(Path file, List<Path> logs) throws IOException {
        byte[] bytes = readFile(file);
        try {
            BaseBlock base = BaseBlock.parse(bytes);
            Hive hive;
            if (!base.isDirty()) {
                hive = read(bytes);
            } else {
                List<TransactionLog> parsed = new ArrayList<>();
                for (Path log : logs != null ? logs : siblingLogs(file)) {
                    if (Files.isRegularFile(log)) {
                        TransactionLog.parse(log.getFileName().toString(), readFile(log)).ifPresent(parsed::add);
                    }
                }
                hive = read(bytes, parsed);
            }
            hive.origin = file.toString();
            return hive;
        } catch (HiveFormatException e) {
            HiveFormatException named = new HiveFormatException(e.offset(), file + ": " + e.getMessage());
            named.initCause(e);
            throw named;
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE) {
            throw new HiveFormatException(file + " is " + size + " bytes, larger than a registry hive can be");
        }
        return Files.readAllBytes(file);
    }

    /** The transaction logs beside a primary file, matched ignoring case as on Windows. */
    private static List<Path> siblingLogs(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        List<Path> found = new ArrayList<>();
        try (var entries = Files.list(folder)) {
            List<Path> all = entries.toList();
            for (String suffix : LOG_SUFFIXES) {
                all.stream().filter(p -> p.getFileName().toString().equalsIgnoreCase(name + suffix)).findFirst()
                        .ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * Reads and validates a hive from the bytes of a hive file, without its transaction logs: a dirty hive stays
     * dirty, and cannot be saved.
     */
    public static Hive read(byte[] file) throws HiveFormatException {
        return read(file, List.of());
    }

    private static Hive read(byte[] file, List<TransactionLog> logs) throws HiveFormatException {
        BaseBlock base = BaseBlock.parse(file);
        List<String> warnings = new ArrayList<>();
        int logSequence = Math.max(base.primarySequenceNumber(), base.secondarySequenceNumber());
        if (base.isDirty()) {
            Optional<LogRecovery> recovery = LogRecovery.recover(file, base, logs);
            if (recovery.isPresent()) {
                file = recovery.get().file();
                base = BaseBlock.parse(file);
                logSequence = recovery.get().highestSequenceNumber();
                warnings.add("hive was dirty (its last write was interrupted); " + recovery.get().entries()
                        + " log entries of its transaction logs " + String.join(", ", recovery.get().applied())
                        + " were applied, as Windows applies them");
            } else {
                warnings.add("hive is dirty: primary sequence number " + Integer.toUnsignedString(
                        base.primarySequenceNumber()) + " differs from secondary sequence number "
                        + Integer.toUnsignedString(base.secondarySequenceNumber()) + "; its last write was"
                        + " interrupted and " + (logs.isEmpty() ? "no transaction log (.LOG1, .LOG2, .LOG) of it"
                                : "none of its transaction logs") + " applies, so it is read as it is and cannot be"
                        + " saved");
            }
        }
        HiveBins bins = HiveBins.parse(file, BaseBlock.SIZE, base.hiveBinsDataSize());
        try {
            boolean unsorted = validate(bins, base.rootCellOffset(), warnings);
            return new Hive(base, bins, unsorted, warnings, logSequence);
        } catch (CorruptCellException e) {
            throw e.toFormatException();
        }
    }

    /** A new empty hive (format 1.5) whose root key is named "ROOT". */
    public static Hive create() {
        return create("ROOT");
    }

    /** A new empty hive (format 1.5) with the given root key name. */
    public static Hive create(String rootKeyName) {
        KeyNames.checkKeyName(rootKeyName);
        long time = KeyNames.fileTimeNow();
        HiveBins bins = HiveBins.empty(time);
        SecurityKey sk = SecurityKey.create(bins, SecurityDescriptors.defaultForNewHive(), KeyNode.NONE, time);
        KeyNode root = KeyNode.create(bins, rootKeyName, KeyNode.NONE, sk.cell(),
                KeyNode.FLAG_HIVE_ENTRY | KeyNode.FLAG_NO_DELETE, time);
        BaseBlock base = new BaseBlock(1, 1, time, 1, DEFAULT_MINOR_VERSION, BaseBlock.FILE_TYPE_PRIMARY,
                BaseBlock.FILE_FORMAT_DIRECT_MEMORY_LOAD, root.cell(), bins.length(), 1, "");
        return new Hive(base, bins, false, new ArrayList<>(), 1);
    }

    /**
     * Walks the whole key tree checking every structure, and that no cell belongs to two structures (security cells
     * excepted: they are shared, and their reference counts must cover their users). Returns whether some subkey
     * list is not sorted.
     */
    private static boolean validate(HiveBins bins, int rootCell, List<String> warnings) {
        boolean unsorted = false;
        Map<Integer, String> claimed = new HashMap<>();
        Map<Integer, Integer> securityUsers = new HashMap<>();
        Deque<int[]> pending = new ArrayDeque<>();
        pending.push(new int[] {rootCell, 0});
        while (!pending.isEmpty()) {
            int[] item = pending.pop();
            int cell = item[0];
            if (claimed.containsKey(cell)) {
                throw new CorruptCellException(cell, "key node is reached twice in the key tree (loop or shared"
                        + " subkey)");
            }
            if (item[1] > MAX_DEPTH) {
                throw new CorruptCellException(cell, "key tree is deeper than " + MAX_DEPTH + " levels");
            }
            KeyNode node = new KeyNode(bins, cell, item[1] == 0 ? "root cell offset in the base block" : "subkey");
            String name = node.name();
            String owner = "key \"" + name + "\"";
            claim(claimed, cell, owner);
            if (node.classNameLength() > 0 && node.className() != KeyNode.NONE) {
                if (bins.payloadLength(node.className(), "class name of " + owner) < node.classNameLength()) {
                    throw new CorruptCellException(node.className(), "class name of " + owner
                            + " is longer than its cell");
                }
                claim(claimed, node.className(), "class name of " + owner);
            }
            int security = node.security();
            if (security != KeyNode.NONE && securityUsers.merge(security, 1, Integer::sum) == 1) {
                SecurityKey sk = new SecurityKey(bins, security, "security cell of " + owner);
                new SecurityKey(bins, sk.flink(), "forward link of the security cell at 0x"
                        + Integer.toHexString(security));
                new SecurityKey(bins, sk.blink(), "backward link of the security cell at 0x"
                        + Integer.toHexString(security));
                claim(claimed, security, "security cell");
            }
            int[] values = node.valueCells();
            if (values.length > 0) {
                claim(claimed, node.valueList(), "value list of " + owner);
            }
            for (int value : values) {
                ValueKey vk = new ValueKey(bins, value, "value of " + owner);
                claim(claimed, value, "value \"" + vk.name() + "\" of " + owner);
                for (int dataCell : vk.dataCells()) {
                    claim(claimed, dataCell, "data of value \"" + vk.name() + "\" of " + owner);
                }
                vk.data();
            }
            List<Integer> children = SubkeyIndex.read(bins, node.subkeyList(), node.subkeyCount(), cell);
            if (!children.isEmpty()) {
                for (int indexCell : SubkeyIndex.cells(bins, node.subkeyList())) {
                    claim(claimed, indexCell, "subkey list of " + owner);
                }
            }
            String previous = null;
            for (int child : children) {
                String childName = new KeyNode(bins, child, "subkey of " + owner).name();
                if (previous != null && KeyNames.compare(previous, childName) >= 0 && !unsorted) {
                    unsorted = true;
                    warnings.add("subkeys of " + owner + " are not sorted by name (\"" + previous
                            + "\" before \"" + childName + "\")");
                }
                previous = childName;
                pending.push(new int[] {child, item[1] + 1});
            }
        }
        for (Map.Entry<Integer, Integer> e : securityUsers.entrySet()) {
            int count = new SecurityKey(bins, e.getKey(), "security cell").referenceCount();
            if (Integer.compareUnsigned(count, e.getValue()) < 0) {
                throw new CorruptCellException(e.getKey(), "security cell has a reference count of " + count
                        + " but " + e.getValue() + " keys use it");
            }
        }
        return unsorted;
    }

    private static void claim(Map<Integer, String> claimed, int cell, String owner) {
        String previous = claimed.putIfAbsent(cell, owner);
        if (previous != null) {
            throw new CorruptCellException(cell, "cell belongs to both " + previous + " and " + owner);
        }
    }

    /** The root key. */
    public RegistryKey root() {
        return new RegistryKey(this, rootCell, "");
    }

    /**
     * The key at {@code path} below the root, e.g. {@code "ControlSet001\\Control\\Nls\\Language"} (any case).
     *
     * @throws RegistryEntryNotFoundException when it does not exist
     */
    public RegistryKey key(String path) {
        return root().key(path);
    }

    /** The file the hive was read from ("" when it was read from bytes or made in memory). */
    public String origin() {
        return origin;
    }

    /** The key at {@code path} below the root, or empty. */
    public Optional<RegistryKey> findKey(String path) {
        return root().findKey(path);
    }

    /**
     * True when the hive was opened with differing sequence numbers (its last write was interrupted) and no
     * transaction log brought it up to date: what only its logs hold is not in it, so it cannot be saved.
     */
    public boolean isDirty() {
        return dirty;
    }

    /** What was found odd when opening, but still readable (dirty hive, unsorted subkey lists). */
    public List<String> warnings() {
        return warnings;
    }

    /** The format version in the base block: 1.3 (Windows XP), 1.5 (Vista and later; new hives)... */
    public int majorVersion() {
        return baseBlock.majorVersion();
    }

    /** See {@link #majorVersion()}. */
    public int minorVersion() {
        return baseBlock.minorVersion();
    }

    /**
     * The bytes of the hive file as {@link #save} writes them: sequence numbers advanced past those of the base block
     * and of every transaction log read with it (so that no entry of those logs is ever applied to it), checksum
     * updated.
     *
     * @throws DirtyHiveException when the hive is {@link #isDirty() dirty}
     */
    public byte[] toByteArray() throws DirtyHiveException {
        if (dirty) {
            throw new DirtyHiveException(warnings.get(0));
        }
        int sequence = Math.max(Math.max(baseBlock.primarySequenceNumber(), baseBlock.secondarySequenceNumber()),
                logSequenceNumber) + 1;
        baseBlock = baseBlock.withWrite(sequence, now(), rootCell, bins.length());
        byte[] header = baseBlock.toBytes();
        byte[] data = bins.toByteArray();
        byte[] out = new byte[header.length + data.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    /**
     * Writes the hive to {@code target}: into a temporary file in the same directory, forced to disk, then renamed
     * over the target atomically, so a crash leaves either the old file or the complete new one. The file keeps the
     * permissions of the one it replaces; a new file gets those of any new file (0666 less the umask).
     *
     * @throws DirtyHiveException when the hive is {@link #isDirty() dirty}: nothing is written
     */
    public void save(Path target) throws IOException {
        replaceFile(target, toByteArray());
    }

    /**
     * Puts {@code bytes} in place of {@code target} as {@link #save} does: atomically, durably, keeping the replaced
     * file's permissions.
     */
    public static void replaceFile(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = createTemporaryFor(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory(directory);
    }

    /**
     * A new hidden temporary file next to {@code target} ({@code .NAME...tmp}), to be renamed over it: with the
     * permissions of {@code target} when it exists, else those of an ordinary new file (0666 less the umask).
     */
    public static Path createTemporaryFor(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = createSibling(absolute);
        try {
            keepPermissions(absolute, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** A new hidden temporary file next to {@code target}, with the permissions of an ordinary new file. */
    private static Path createSibling(Path target) throws IOException {
        String prefix = "." + target.getFileName();
        if (!target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(target.getParent(), prefix, ".tmp");
        }
        return Files.createTempFile(target.getParent(), prefix, ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-rw-rw-")));
    }

    private static void keepPermissions(Path existing, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        if (view != null && Files.exists(existing)) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory (Windows cannot open one); the rename itself is done.
        }
    }

    HiveBins bins() {
        return bins;
    }

    int rootCell() {
        return rootCell;
    }

    boolean hasUnsortedLists() {
        return unsortedLists;
    }

    /** Whether long value data goes into big data cells (format 1.4 and later). */
    boolean bigDataCells() {
        return baseBlock.minorVersion() >= 4;
    }

    long now() {
        return KeyNames.fileTimeNow();
    }
}
