package org.imagesmith.wim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The temporary files and folders the engine makes: the new WIM file a rewrite writes beside the old one
 * ({@code .install.wim.imagesmith-<pid>-<n>.tmp}) and the staging and scratch folders
 * ({@code imagesmith-<pid>-staged-<n>}). Their names say that they are Imagesmith's and which process made them, and
 * each is noted in the user's state folder ({@code $XDG_STATE_HOME/imagesmith/temporary}) before it is made and
 * forgotten once it is renamed or deleted, so that {@link #removeOrphans()} (/Cleanup-Wim) finds those a killed
 * process left, wherever they are, and removes nothing else: only names of this form, of a process that is gone.
 */
public final class TemporaryFiles {
    private static final String MARK = "imagesmith-";
    private static final Pattern FILE = Pattern.compile("\\..+\\.imagesmith-\\d+-\\d+\\.tmp");
    private static final Pattern FOLDER = Pattern.compile("imagesmith-\\d+-[a-z]+-\\d+");
    private static final Map<Path, Path> NOTES = new ConcurrentHashMap<>();

    private TemporaryFiles() {
    }

    /** A new empty temporary file beside {@code target}, which is to replace it (renamed over it, then {@link #done}). */
    public static Path beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String prefix = "." + absolute.getFileName() + "." + MARK + pid() + "-";
        Optional<Path> note = note(absolute.getParent(), prefix, Optional.of(absolute));
        Path temp;
        try {
            // an ordinary new file's permissions (0666 less the umask), not a temporary file's owner-only ones, so that
            // a new WIM file can be served like any other
            temp = absolute.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(absolute.getParent(), prefix, ".tmp", PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-rw-rw-")))
                    : Files.createTempFile(absolute.getParent(), prefix, ".tmp");
        } catch (IOException | RuntimeException e) {
            forget(note);
            throw e;
        }
        note.ifPresent(n -> NOTES.put(temp, n));
        return temp;
    }

    /** A new empty temporary folder for {@code purpose} (a lower-case word) in {@code parent}, else the system's. */
    public static Path folder(Optional<Path> parent, String purpose) throws IOException {
        Path where = parent.orElse(Path.of(System.getProperty("java.io.tmpdir"))).toAbsolutePath();
        String prefix = MARK + pid() + "-" + purpose + "-";
        Optional<Path> note = note(where, prefix, Optional.empty());
        Path temp;
        try {
            temp = Files.createTempDirectory(where, prefix);
        } catch (IOException | RuntimeException e) {
            forget(note);
            throw e;
        }
        note.ifPresent(n -> NOTES.put(temp, n));
        return temp;
    }

    /** Forgets a temporary file or folder made here, after it was renamed into place or deleted. */
    public static void done(Path temp) {
        forget(Optional.ofNullable(NOTES.remove(temp)));
    }

    private static void forget(Optional<Path> note) {
        try {
            if (note.isPresent()) {
                Files.deleteIfExists(note.get());
            }
        } catch (IOException e) {
            // a note left behind: /Cleanup-Wim drops it once this process is gone
        }
    }

    /**
     * Removes the temporary files and folders of processes that are gone (killed or crashed), and their notes; those of
     * a live process, and of a WIM file whose writer's lock is held, stay. Returns what was removed.
     */
    public static List<Path> removeOrphans() throws IOException {
        return removeOrphans(notesFolder());
    }

    /** As {@link #removeOrphans()}, with the notes in the given folder (tests). */
    static List<Path> removeOrphans(Path notes) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(notes)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(notes, "*.note")) {
            for (Path note : entries) {
                Properties properties = new Properties();
                try (InputStream in = Files.newInputStream(note)) {
                    properties.load(in);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (isAlive(properties) || isLocked(properties)) {
                    continue;
                }
                String folder = properties.getProperty("folder");
                String prefix = properties.getProperty("prefix");
                if (folder != null && prefix != null && prefix.contains(MARK) && Files.isDirectory(Path.of(folder))) {
                    try (DirectoryStream<Path> candidates = Files.newDirectoryStream(Path.of(folder), prefix + "*")) {
                        for (Path candidate : candidates) {
                            String name = candidate.getFileName().toString();
                            if (FILE.matcher(name).matches() && Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)
                                    || FOLDER.matcher(name).matches()
                                            && Files.isDirectory(candidate, LinkOption.NOFOLLOW_LINKS)) {
                                LocalTrees.deleteTree(candidate);
                                removed.add(candidate);
                            }
                        }
                    }
                }
                Files.deleteIfExists(note);
            }
        }
        return removed;
    }

    private static boolean isAlive(Properties note) {
        try {
            long pid = Long.parseLong(note.getProperty("pid", ""));
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return false;
            }
            String started = note.getProperty("started", "");
            return started.isEmpty() || process.get().info().startInstant().map(Object::toString)
                    .map(started::equals).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLocked(Properties note) throws IOException {
        String target = note.getProperty("target");
        return target != null && WriterLock.holder(Path.of(target)).isPresent();
    }

    /**
     * Notes, before it is made, where a temporary file or folder of this process will be and how it is named. Best
     * effort: when the state folder cannot be written, the file is made without a note (its name still says whose it
     * is), rather than failing the command.
     */
    private static Optional<Path> note(Path folder, String prefix, Optional<Path> target) {
        try {
            return Optional.of(writeNote(folder, prefix, target));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path writeNote(Path folder, String prefix, Optional<Path> target) throws IOException {
        Path notes = Files.createDirectories(notesFolder());
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(pid()));
        properties.setProperty("started", ProcessHandle.current().info().startInstant().map(Object::toString).orElse(""));
        properties.setProperty("folder", folder.toString());
        properties.setProperty("prefix", prefix);
        target.ifPresent(t -> properties.setProperty("target", t.toString()));
        Path note = Files.createTempFile(notes, pid() + "-", ".note");
        try (OutputStream out = Files.newOutputStream(note)) {
            properties.store(out, "Imagesmith temporary file (removed by /Cleanup-Wim when its process is gone)");
        }
        return note;
    }

    /** The folder of the notes of this user. */
    static Path notesFolder() {
        return WriterLock.lockFolder().resolveSibling("temporary");
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }
}
