package org.imagesmith.servicing.unattend;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * The state of an image folder before a series of servicing operations, so that the series can be undone as one:
 * the listing of every file and folder (size and modification time), and copies of the files the series may change
 * in place or delete (the hives, the manifests of packages to remove). Servicers add files beside existing ones and
 * replace files by writing new ones, so a roll-back deletes what is new and puts the copies back.
 */
final class ImageCheckpoint {
    private record Entry(boolean directory, long size, long modified) {
    }

    private final Path root;
    private final Map<Path, Entry> listing;
    private final Map<Path, Path> backups;

    private ImageCheckpoint(Path root, Map<Path, Entry> listing, Map<Path, Path> backups) {
        this.root = root;
        this.listing = listing;
        this.backups = backups;
    }

    /**
     * Records the image folder root and copies the given files (absolute paths inside root) into backupFolder.
     *
     * @throws ServicingException when the folder cannot be read or a copy cannot be made
     */
    static ImageCheckpoint take(Path root, List<Path> filesToKeep, Path backupFolder) throws ServicingException {
        try {
            Map<Path, Entry> listing = list(root);
            Map<Path, Path> backups = new LinkedHashMap<>();
            int n = 0;
            for (Path file : filesToKeep) {
                if (Files.isRegularFile(file) && !backups.containsKey(file)) {
                    Path copy = backupFolder.resolve((n++) + "-" + file.getFileName());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    backups.put(file, copy);
                }
            }
            return new ImageCheckpoint(root, listing, backups);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The image folder " + root
                    + " cannot be recorded before servicing, so nothing was changed: " + e.getMessage(), e);
        }
    }

    /** The files of an image an answer file may rewrite: its SOFTWARE, SYSTEM and SAM hives. */
    static List<Path> hives(ServicingSession session) {
        List<Path> files = new ArrayList<>();
        for (String hive : List.of(ServicingSession.SOFTWARE_HIVE, ServicingSession.SYSTEM_HIVE,
                OfflineUserAccounts.SAM_HIVE)) {
            session.image().find(hive).ifPresent(files::add);
        }
        return files;
    }

    /**
     * Puts the image folder back as recorded: deletes what was added, restores the copies. Returns the files that
     * changed and could not be restored (empty when the image is as it was).
     */
    List<Path> restore() {
        List<Path> unrestored = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!listing.containsKey(root.relativize(file))) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (!dir.equals(root) && !listing.containsKey(root.relativize(dir))) {
                        Files.delete(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            unrestored.add(root);
        }
        for (Map.Entry<Path, Path> backup : backups.entrySet()) {
            try {
                Path temporary = backup.getKey().resolveSibling(backup.getKey().getFileName() + ".restore");
                Files.copy(backup.getValue(), temporary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(temporary, backup.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                unrestored.add(backup.getKey());
            }
        }
        for (Map.Entry<Path, Entry> recorded : listing.entrySet()) {
            Path path = root.resolve(recorded.getKey());
            Optional<Entry> now = entry(path);
            if (now.isEmpty()) {
                if (recorded.getValue().directory()) {
                    try {
                        Files.createDirectories(path);
                        continue;
                    } catch (IOException e) {
                        // reported below
                    }
                }
                unrestored.add(path);
            } else if (!recorded.getValue().directory() && !now.get().equals(recorded.getValue())) {
                unrestored.add(path);
            }
        }
        return unrestored;
    }

    private static Map<Path, Entry> list(Path root) throws IOException {
        Map<Path, Entry> listing = new HashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(root)) {
                    listing.put(root.relativize(dir), new Entry(true, 0, 0));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                listing.put(root.relativize(file), of(attributes));
                return FileVisitResult.CONTINUE;
            }
        });
        return listing;
    }

    private static Optional<Entry> entry(Path path) {
        try {
            return Optional.of(of(Files.readAttributes(path, BasicFileAttributes.class)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Entry of(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? new Entry(true, 0, 0)
                : new Entry(false, attributes.size(), attributes.lastModifiedTime().toMillis());
    }
}
