package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock a writer takes on a WIM file or an image folder before it changes it. Every writer takes it
 * (commit, unmount, append, export into, delete, split, in-place servicing, mount registration, every
 * {@code /Image} command), readers never do.
 *
 * <p>The lock is the operating system's record lock ({@code fcntl}) on a lock file named after the target's real
 * path, in the lock folder ({@code $XDG_STATE_HOME/imagesmith/locks}, else {@code ~/.local/state/imagesmith/locks}):
 * a process that is killed releases it with its last file descriptor, so no stale lock is ever left. The lock file
 * holds a line saying who holds it, for the message a second writer gets. The target itself is never written: a
 * lock file inside an image would be captured with it. Locks of one process are kept in a table, so a second
 * writer in the same process (two jobs of the IDE) is refused as well.
 */
public final class WriterLock implements AutoCloseable {
    private static final Map<Path, WriterLock> HELD = new ConcurrentHashMap<>();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path target;
    private final String holder;
    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(Path target, String holder, FileChannel channel, FileLock lock) {
        this.target = target;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the writer's lock of a WIM file or image folder, or fails at once when another writer holds it.
     *
     * @param target the WIM file or image folder (links are followed; the target need not exist yet)
     * @param operation what this writer does, for the message another writer gets ("/Add-Package", "commit")
     * @throws TargetLockedException when another process, or another writer of this process, holds it
     */
    public static WriterLock acquire(Path target, String operation) throws IOException {
        return acquire(lockFolder(), target, operation);
    }

    /** As {@link #acquire(Path, String)}, with the lock files in the given folder (tests). */
    public static WriterLock acquire(Path lockFolder, Path target, String operation) throws IOException {
        Path key = realPath(target);
        Path lockFile = Files.createDirectories(lockFolder).resolve(name(key));
        String holder = "process " + ProcessHandle.current().pid() + " (" + operation + ", since "
                + LocalDateTime.now().format(TIME) + ")";
        WriterLock mine = new WriterLock(key, holder, null, null);
        WriterLock other = HELD.putIfAbsent(key, mine);
        if (other != null) {
            throw new TargetLockedException(key, other.holder);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new TargetLockedException(key, readHolder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + " on " + key + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            WriterLock held = new WriterLock(key, holder, channel, lock);
            HELD.put(key, held);
            return held;
        } catch (IOException | RuntimeException e) {
            HELD.remove(key, mine);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** Who holds the writer's lock of the target now, if anyone ("process 1234 (/Add-Package, since ...)"). */
    public static Optional<String> holder(Path target) throws IOException {
        return holder(lockFolder(), target);
    }

    /** As {@link #holder(Path)}, with the lock files in the given folder (tests). */
    public static Optional<String> holder(Path lockFolder, Path target) throws IOException {
        Path key = realPath(target);
        WriterLock own = HELD.get(key);
        if (own != null) {
            return Optional.of(own.holder);
        }
        Path lockFile = lockFolder.resolve(name(key));
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(readHolder(channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (OverlappingFileLockException e) {
            return Optional.of("this process");
        }
    }

    /** The target's real path, which names the lock. */
    public Path target() {
        return target;
    }

    /** Releases the lock; the lock file stays (deleting it would race with a writer opening it). */
    @Override
    public void close() throws IOException {
        HELD.remove(target, this);
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** The folder of the lock files of this user. */
    public static Path lockFolder() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("imagesmith").resolve("locks");
    }

    /** The real path of a target that may not exist yet: its nearest existing ancestor resolved, the rest as given. */
    static Path realPath(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }

    private static String name(Path key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + ".lock";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        int on = text.lastIndexOf(" on ");
        text = on > 0 ? text.substring(0, on) : text;
        return text.isEmpty() ? "another process" : text;
    }

    /** Raised when another writer holds the lock; the message names the holder and says what to do. */
    public static final class TargetLockedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path target;
        private final String holder;

        TargetLockedException(Path target, String holder) {
            super(target + " is being changed by another command, " + holder
                    + ". Wait until it finishes, then run this command again.");
            this.target = target;
            this.holder = holder;
        }

        public Path target() {
            return target;
        }

        /** Who holds the lock ("process 1234 (/Add-Package, since ...)"). */
        public String holder() {
            return holder;
        }
    }
}
