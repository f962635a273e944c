package org.imagesmith.servicing.drivers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.OfflineImage;
import org.imagesmith.servicing.ScratchDirectory;
import org.imagesmith.servicing.ServicingLog;

/**
 * File changes to an image that can be undone: files and folders created are deleted by a roll-back, files and
 * folders replaced or removed are first renamed aside in their own folder and renamed back by a roll-back, or
 * deleted for good by {@link #commit()}.
 */
final class FileTransaction {
    private static final String COMPONENT = "DISM Driver Manager";
    private final OfflineImage image;
    private final ServicingLog log;
    private final List<Path> created = new ArrayList<>();
    private final List<Path[]> setAside = new ArrayList<>();

    FileTransaction(OfflineImage image, ServicingLog log) {
        this.image = image;
        this.log = log;
    }

    /** Copies a file to a Windows path of the image, replacing (reversibly) a file already there. */
    Path copy(Path source, String windowsPath) throws IOException {
        Path target = pathCreatingFolders(windowsPath);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            setAside(target);
        }
        Files.copy(source, target);
        created.add(target);
        return target;
    }

    /** Creates a folder (and its missing parents) at a Windows path. */
    Path folder(String windowsPath) throws IOException {
        Optional<Path> existing = image.find(windowsPath);
        if (existing.isPresent()) {
            return existing.get();
        }
        Path marker = pathCreatingFolders(windowsPath + "\\x");
        return marker.getParent();
    }

    /** Removes a file or a folder tree (reversibly). */
    void remove(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            setAside(path);
        }
    }

    private Path pathCreatingFolders(String windowsPath) throws IOException {
        List<String> missing = new ArrayList<>();
        String folder = windowsPath.substring(0, Math.max(0, windowsPath.lastIndexOf('\\')));
        while (!folder.isEmpty() && image.find(folder).isEmpty()) {
            missing.add(0, folder);
            folder = folder.substring(0, Math.max(0, folder.lastIndexOf('\\')));
        }
        Path target = image.pathForWrite(windowsPath);
        for (String path : missing) {
            image.find(path).ifPresent(created::add);
        }
        return target;
    }

    private void setAside(Path path) throws IOException {
        Path aside = path.resolveSibling("." + path.getFileName() + ".imagesmith-" + Long.toHexString(System.nanoTime()));
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
        setAside.add(new Path[] {path, aside});
    }

    /** Deletes what was set aside: the changes stay. */
    void commit() {
        for (Path[] pair : setAside) {
            try {
                ScratchDirectory.deleteTree(pair[1]);
            } catch (IOException e) {
                log.warning(COMPONENT, "Could not delete " + pair[1] + ": " + e.getMessage());
            }
        }
        setAside.clear();
        created.clear();
    }

    /** Deletes what was created and puts back what was set aside, newest first. */
    void rollBack() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                ScratchDirectory.deleteTree(created.get(i));
            } catch (IOException e) {
                log.error(COMPONENT, "Could not remove " + created.get(i) + " while rolling back: " + e.getMessage());
            }
        }
        for (int i = setAside.size() - 1; i >= 0; i--) {
            try {
                Files.move(setAside.get(i)[1], setAside.get(i)[0], StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                log.error(COMPONENT, "Could not restore " + setAside.get(i)[0] + " while rolling back: " + e.getMessage());
            }
        }
        created.clear();
        setAside.clear();
    }
}
