package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.registry.Hive;

/**
 * One all-or-nothing change of an offline image, the one undo mechanism of every provider (packages, features,
 * drivers, international settings, editions, Windows PE, answer files). Files are changed at once but reversibly:
 * what is created is deleted by a roll-back, what is replaced or removed is first renamed aside in its own folder and
 * renamed back. Hives are changed in memory only: {@link ServicingSession#saveHive} inside a transaction marks the
 * hive, and {@link #commit()} writes every marked hive to a temporary file beside it, forced to disk, before it
 * renames them all over the old ones, then deletes what was set aside. A roll-back deletes and renames back the
 * files and reads the session's hives again from the image, which the transaction has not touched. On an image folder
 * a {@link TransactionJournal} outside the image records each step, so that after a kill the next session finishes
 * the transaction (back, or forward when the hives were already being renamed).
 *
 * <p>A transaction begun while another is open on the session joins it: its changes are kept or undone with the
 * outer one, so that an answer file's packages, drivers and settings are applied as one.
 */
public final class ServicingTransaction implements AutoCloseable {
    private static final String COMPONENT = "DISM Provider Store";

    private final ServicingSession session;
    private final Changes changes;
    private final boolean nested;
    private boolean ended;

    /** What the outermost transaction and every transaction joining it changed. */
    private static final class Changes {
        final List<Path> created = new ArrayList<>();
        final List<Path[]> setAside = new ArrayList<>();
        final Set<String> sessionHives = new LinkedHashSet<>();
        final Map<String, Hive> otherHives = new LinkedHashMap<>();
        /** The record on disk that lets the next session finish this transaction after a kill (image folders). */
        TransactionJournal journal;
    }

    private ServicingTransaction(ServicingSession session, Changes changes, boolean nested) {
        this.session = session;
        this.changes = changes;
        this.nested = nested;
    }

    static ServicingTransaction outermost(ServicingSession session) throws ServicingException {
        Changes changes = new Changes();
        if (session.image() instanceof DirectoryImage folder && !folder.isStaged()) {
            try {
                changes.journal = TransactionJournal.start(folder.root());
            } catch (IOException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The servicing journal of "
                        + folder.root() + " cannot be written (" + e.getMessage() + "), so nothing was changed. Make"
                        + " $XDG_STATE_HOME/imagesmith (or ~/.local/state/imagesmith) writable.", e);
            }
        }
        return new ServicingTransaction(session, changes, false);
    }

    ServicingTransaction joining() {
        return new ServicingTransaction(session, changes, true);
    }

    // ---------------------------------------------------------------- files

    /** Copies a file to a Windows path of the image, replacing (reversibly) a file already there. */
    public Path copy(Path source, String windowsPath) throws IOException {
        Path target = pathCreatingFolders(windowsPath);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            setAside(target);
        }
        created(target);
        Files.copy(source, target);
        return target;
    }

    /** Writes a file at a Windows path of the image, replacing (reversibly) a file already there. */
    public Path write(String windowsPath, byte[] bytes) throws IOException {
        Path target = pathCreatingFolders(windowsPath);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            setAside(target);
        }
        created(target);
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return target;
    }

    /** Creates a folder (and its missing parents) at a Windows path. */
    public Path folder(String windowsPath) throws IOException {
        Optional<Path> existing = session.image().find(windowsPath);
        if (existing.isPresent()) {
            return existing.get();
        }
        return pathCreatingFolders(windowsPath + "\\x").getParent();
    }

    /** Removes a file or a folder tree of the image (reversibly). */
    public void remove(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            setAside(path);
        }
    }

    private Path pathCreatingFolders(String windowsPath) throws IOException {
        List<String> missing = new ArrayList<>();
        String folder = windowsPath.substring(0, Math.max(0, windowsPath.lastIndexOf('\\')));
        while (!folder.isEmpty() && session.image().find(folder).isEmpty()) {
            missing.add(0, folder);
            folder = folder.substring(0, Math.max(0, folder.lastIndexOf('\\')));
        }
        Path target = session.image().pathForWrite(windowsPath);
        for (String path : missing) {
            Optional<Path> made = session.image().find(path);
            if (made.isPresent()) {
                created(made.get());
            }
        }
        return target;
    }

    /** Notes a file or folder the transaction creates, in the journal before it is made. */
    private void created(Path path) throws IOException {
        if (changes.journal != null) {
            changes.journal.created(path);
        }
        changes.created.add(path);
    }

    private void setAside(Path path) throws IOException {
        Path aside = path.resolveSibling("." + path.getFileName() + ".servicing-" + Long.toHexString(System.nanoTime()));
        if (changes.journal != null) {
            changes.journal.setAside(path, aside);
        }
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
        changes.setAside.add(new Path[] {path, aside});
    }

    // ---------------------------------------------------------------- hives

    /** Marks the session's SOFTWARE or SYSTEM hive as changed: the commit writes it. */
    void changed(String sessionHive) {
        changes.sessionHives.add(sessionHive);
    }

    /**
     * Another hive of the image (the default user's NTUSER.DAT), read once per transaction and written by the commit;
     * empty when the image has no such file.
     */
    public Optional<Hive> hive(String windowsPath) throws ServicingException {
        for (Map.Entry<String, Hive> open : changes.otherHives.entrySet()) {
            if (open.getKey().equalsIgnoreCase(windowsPath)) {
                return Optional.of(open.getValue());
            }
        }
        Optional<Path> file = session.image().find(windowsPath);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            Hive hive = Hive.open(file.get(), ServicingSession.transactionLogs(session.image(), windowsPath));
            changes.otherHives.put(windowsPath, hive);
            return Optional.of(hive);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The registry hive " + windowsPath
                    + " of the image cannot be read: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- ending

    /**
     * Keeps the changes: writes every changed hive (all of them to temporary files first, then renamed over the old
     * ones) and deletes what was set aside. A transaction that joined another leaves this to the outer one. When a
     * hive cannot be written, every change is undone and the error says so.
     */
    public void commit() throws ServicingException {
        if (ended) {
            throw new IllegalStateException("The transaction has ended");
        }
        ended = true;
        if (nested) {
            return;
        }
        try {
            writeEverything();
        } finally {
            session.ended(this);
        }
    }

    private void writeEverything() throws ServicingException {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        try {
            session.beforeCommit.run();
            Map<String, byte[]> hives = new LinkedHashMap<>();
            for (String path : changes.sessionHives) {
                hives.put(path, session.hiveAt(path).toByteArray());
            }
            for (Map.Entry<String, Hive> other : changes.otherHives.entrySet()) {
                hives.put(other.getKey(), other.getValue().toByteArray());
            }
            for (Map.Entry<String, byte[]> hive : hives.entrySet()) {
                Path target = session.image().pathForWrite(hive.getKey()).toAbsolutePath();
                Path temp = Hive.createTemporaryFor(target);
                temporaries.put(temp, target);
                if (changes.journal != null) {
                    changes.journal.created(temp);
                }
                writeTemporary(temp, hive.getValue());
            }
            if (changes.journal != null) {
                changes.journal.committing(temporaries);
            }
        } catch (IOException | RuntimeException e) {
            deleteTemporaries(temporaries);
            undo();
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The changes could not be written into the"
                    + " image, and the image was left as it was: " + e.getMessage(), e);
        }
        session.afterCommitPoint.run();
        for (Map.Entry<Path, Path> temporary : temporaries.entrySet()) {
            try {
                rename(temporary.getKey(), temporary.getValue());
            } catch (IOException e) {
                endJournal(false);
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The hive " + temporary.getValue()
                        + " could not be replaced (" + e.getMessage() + "), so the image holds only part of the changes;"
                        + " the next Imagesmith command on the image finishes them from the servicing journal.", e);
            }
            session.log().debug(COMPONENT, "Saved " + temporary.getValue());
        }
        for (Path[] pair : changes.setAside) {
            try {
                ScratchDirectory.deleteTree(pair[1]);
            } catch (IOException e) {
                session.log().warning(COMPONENT, "Could not delete " + pair[1] + ": " + e.getMessage());
            }
        }
        endJournal(true);
    }

    /** Lets go of the journal; deletes it when the transaction is over (else the next session finishes it). */
    private void endJournal(boolean over) {
        if (changes.journal != null) {
            try {
                if (over) {
                    changes.journal.finished();
                } else {
                    changes.journal.close();
                }
            } catch (IOException e) {
                session.log().warning(COMPONENT, "Could not let go of the servicing journal: " + e.getMessage());
            }
        }
    }

    /** Stops as a killed process stops: nothing undone, the journal left for the next session (for tests). */
    void abandon() throws IOException {
        ended = true;
        if (changes.journal != null) {
            changes.journal.close();
        }
        session.ended(this);
    }

    /** Undoes every change unless the transaction was committed (or it joined another, which undoes them). */
    @Override
    public void close() {
        if (ended) {
            return;
        }
        ended = true;
        if (!nested) {
            undo();
        }
    }

    private void undo() {
        for (int i = changes.created.size() - 1; i >= 0; i--) {
            try {
                ScratchDirectory.deleteTree(changes.created.get(i));
            } catch (IOException e) {
                session.log().error(COMPONENT, "Could not remove " + changes.created.get(i) + " while rolling back: "
                        + e.getMessage());
            }
        }
        for (int i = changes.setAside.size() - 1; i >= 0; i--) {
            Path[] pair = changes.setAside.get(i);
            try {
                Files.move(pair[1], pair[0], StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                session.log().error(COMPONENT, "Could not restore " + pair[0] + " while rolling back: " + e.getMessage());
            }
        }
        endJournal(true);
        session.rolledBack(this);
    }

    private static void writeTemporary(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTemporaries(Map<Path, Path> temporaries) {
        for (Path temp : temporaries.keySet()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a temporary that cannot be deleted is a hidden .tmp file beside the hive; nothing reads it
            }
        }
    }
}
