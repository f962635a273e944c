package org.imagesmith.wim.mount;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.imagesmith.wim.LocalTrees;

/**
 * Where mounts are recorded: one folder per mount directory under the store (by default
 * $XDG_STATE_HOME/imagesmith/mounts, that is ~/.local/state/imagesmith/mounts), holding mount.properties and the
 * image's original metadata resource, kept aside for what Linux files cannot hold (security descriptors, Windows
 * attributes, short names, alternate streams, reparse data) so that a commit writes it back.
 */
public final class MountStore {
    static final String RECORD = "mount.properties";
    static final String METADATA = "metadata.bin";

    private final Path folder;

    public MountStore(Path folder) {
        this.folder = folder;
    }

    /** The store of this user, in the platform's place for state that outlives a run. */
    public static MountStore forUser() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return new MountStore(base.resolve("imagesmith").resolve("mounts"));
    }

    public Path folder() {
        return folder;
    }

    /** The records of every mount, ordered by mount directory. */
    public List<MountRecord> records() throws IOException {
        List<MountRecord> records = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return records;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                Path record = entry.resolve(RECORD);
                if (Files.isRegularFile(record)) {
                    records.add(read(record));
                }
            }
        }
        records.sort((a, b) -> a.mountDir().toString().compareTo(b.mountDir().toString()));
        return records;
    }

    /** The record of the mount at this directory, if it is one. */
    public Optional<MountRecord> find(Path mountDir) throws IOException {
        Path record = slot(mountDir).resolve(RECORD);
        return Files.isRegularFile(record) ? Optional.of(read(record)) : Optional.empty();
    }

    /** Records a mount with its original metadata resource, replacing the file atomically. */
    public void save(MountRecord record, byte[] metadata) throws IOException {
        Path slot = Files.createDirectories(slot(record.mountDir()));
        Path temp = Files.createTempFile(slot, METADATA, ".tmp");
        write(temp, metadata);
        replace(temp, slot.resolve(METADATA));
        update(record);
    }

    /** Rewrites the record of a mount (its metadata stays), replacing the file atomically. */
    public void update(MountRecord record) throws IOException {
        Path slot = Files.createDirectories(slot(record.mountDir()));
        Properties properties = new Properties();
        properties.setProperty("mountDir", record.mountDir().toString());
        properties.setProperty("imageFile", record.imageFile().toString());
        properties.setProperty("imageIndex", Integer.toString(record.imageIndex()));
        properties.setProperty("readWrite", Boolean.toString(record.readWrite()));
        properties.setProperty("mountedAt", record.mountedAt().toString());
        properties.setProperty("imageFileSize", Long.toString(record.imageFileSize()));
        properties.setProperty("imageFileModified", record.imageFileModified().toString());
        for (int i = 0; i < record.splitParts().size(); i++) {
            properties.setProperty("splitPart." + (i + 2), record.splitParts().get(i).toString());
        }
        properties.setProperty("imageHash", record.imageHash());
        properties.setProperty("phase", record.phase().name());
        properties.setProperty("pendingHash", record.pendingHash());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, "Imagesmith mount record");
        Path temp = Files.createTempFile(slot, RECORD, ".tmp");
        write(temp, bytes.toByteArray());
        replace(temp, slot.resolve(RECORD));
    }

    /** Writes a file and flushes it to disk, so that the rename that puts it in place never exposes a partial one. */
    private static void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void replace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The original metadata resource kept for a mount. */
    public byte[] metadata(Path mountDir) throws IOException {
        return Files.readAllBytes(slot(mountDir).resolve(METADATA));
    }

    /** Forgets a mount: its record first, then what else its slot holds (a temporary file a kill left). */
    public void remove(Path mountDir) throws IOException {
        Path slot = slot(mountDir);
        Files.deleteIfExists(slot.resolve(RECORD));
        LocalTrees.deleteTree(slot);
    }

    /** Removes the slots that hold no record (what a kill during a mount's first save left); returns how many. */
    public int removeDebris() throws IOException {
        int removed = 0;
        if (!Files.isDirectory(folder)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && !Files.exists(entry.resolve(RECORD))) {
                    LocalTrees.deleteTree(entry);
                    removed++;
                }
            }
        }
        return removed;
    }

    private Path slot(Path mountDir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(canonical(mountDir).toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The absolute, normalized form of a directory, as records keep it. */
    static Path canonical(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static MountRecord read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        try {
            List<Path> splitParts = new ArrayList<>();
            for (int part = 2; properties.getProperty("splitPart." + part) != null; part++) {
                splitParts.add(Path.of(properties.getProperty("splitPart." + part)));
            }
            return new MountRecord(Path.of(properties.getProperty("mountDir")), Path.of(properties.getProperty("imageFile")),
                    Integer.parseInt(properties.getProperty("imageIndex")),
                    Boolean.parseBoolean(properties.getProperty("readWrite")),
                    Instant.parse(properties.getProperty("mountedAt")),
                    Long.parseLong(properties.getProperty("imageFileSize")),
                    Instant.parse(properties.getProperty("imageFileModified")), splitParts,
                    properties.getProperty("imageHash", ""),
                    MountPhase.valueOf(properties.getProperty("phase", MountPhase.MOUNTED.name())),
                    properties.getProperty("pendingHash", ""));
        } catch (RuntimeException e) {
            throw new MountException(MountException.IMAGE_CHANGED, "The mount record " + file + " is damaged (" + e.getMessage()
                    + "); run /Cleanup-Wim to remove it.");
        }
    }
}
