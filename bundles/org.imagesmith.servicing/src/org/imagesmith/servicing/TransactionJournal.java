package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.wim.WriterLock;

/**
 * The on-disk record of an open transaction on an image folder, kept outside the image
 * ({@code $XDG_STATE_HOME/imagesmith/transactions/<SHA-1 of the folder's real path>.journal}) so that a process
 * killed part-way is finished by the next session on the image: every file created and set aside is written down
 * before the change is made, and the hive renames of a commit after the new hives are on disk. The next session rolls
 * an unfinished transaction back (deletes what was created, renames back what was set aside) or, when the commit
 * had begun, forward (renames the remaining new hives into place, deletes what was set aside). The owner holds the
 * journal's {@link WriterLock}, so a session never touches the transaction of a process that is still running.
 */
final class TransactionJournal implements AutoCloseable {
    private static final String CREATED = "C";
    private static final String SET_ASIDE = "A";
    private static final String RENAME = "R";
    private static final String COMMIT = "COMMIT";

    private final Path file;
    private final FileChannel channel;
    private final WriterLock lock;

    private TransactionJournal(Path file, FileChannel channel, WriterLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The journal file of an image folder. */
    static Path fileFor(Path imageRoot) throws IOException {
        String real = imageRoot.toRealPath().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(real.getBytes(StandardCharsets.UTF_8));
            return WriterLock.lockFolder().resolveSibling("transactions").resolve(HexFormat.of().formatHex(digest)
                    + ".journal");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the journal of a new transaction on the image folder. */
    static TransactionJournal start(Path imageRoot) throws IOException {
        Path file = fileFor(imageRoot);
        Files.createDirectories(file.getParent());
        WriterLock lock = WriterLock.acquire(file, "servicing transaction");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new TransactionJournal(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    void created(Path path) throws IOException {
        append(CREATED + " " + encode(path));
    }

    void setAside(Path original, Path aside) throws IOException {
        append(SET_ASIDE + " " + encode(original) + " " + encode(aside));
    }

    /** Records the renames of new hives over old ones, then the commit point, forced to disk. */
    void committing(Map<Path, Path> temporaries) throws IOException {
        StringBuilder lines = new StringBuilder();
        temporaries.forEach((temp, target) -> lines.append(RENAME).append(' ').append(encode(temp)).append(' ')
                .append(encode(target)).append('\n'));
        lines.append(COMMIT).append('\n');
        write(lines.toString());
        channel.force(true);
    }

    /** The transaction is over (committed and cleaned up, or rolled back): the journal goes. */
    void finished() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /** Lets go of the journal without deleting it, as a killed process does (for tests). */
    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
            lock.close();
        }
    }

    private void append(String line) throws IOException {
        write(line + "\n");
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static String encode(Path path) {
        return Base64.getEncoder().encodeToString(path.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Path decode(String text) {
        return Path.of(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    }

    /**
     * Finishes the transaction a killed process left on the image folder, if any: forward when its commit had begun,
     * else back. Says what it did, or empty when there was nothing to do (or its process still runs).
     */
    static Optional<String> recover(Path imageRoot) throws IOException {
        Path file = fileFor(imageRoot);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        WriterLock lock;
        try {
            lock = WriterLock.acquire(file, "servicing recovery");
        } catch (WriterLock.TargetLockedException e) {
            return Optional.empty(); // its process still runs
        }
        try (lock) {
            List<String[]> records = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    records.add(line.split(" "));
                }
            }
            boolean committed = records.stream().anyMatch(r -> r[0].equals(COMMIT));
            String done = committed ? rollForward(records) : rollBack(records);
            Files.deleteIfExists(file);
            return Optional.of(done);
        }
    }

    private static String rollForward(List<String[]> records) throws IOException {
        for (String[] r : records) {
            if (r[0].equals(RENAME) && Files.exists(decode(r[1]))) {
                Files.move(decode(r[1]), decode(r[2]), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (String[] r : records) {
            if (r[0].equals(SET_ASIDE)) {
                ScratchDirectory.deleteTree(decode(r[2]));
            }
        }
        return "finished the commit of a servicing command that was stopped while it wrote the hives";
    }

    private static String rollBack(List<String[]> records) throws IOException {
        for (int i = records.size() - 1; i >= 0; i--) {
            String[] r = records.get(i);
            if (r[0].equals(CREATED)) {
                ScratchDirectory.deleteTree(decode(r[1]));
            } else if (r[0].equals(SET_ASIDE) && Files.exists(decode(r[2]))) {
                ScratchDirectory.deleteTree(decode(r[1]));
                Files.move(decode(r[2]), decode(r[1]), StandardCopyOption.ATOMIC_MOVE);
            } else if (r[0].equals(RENAME)) {
                Files.deleteIfExists(decode(r[1]));
            }
        }
        return "undid the changes of a servicing command that was stopped before it finished";
    }
}
