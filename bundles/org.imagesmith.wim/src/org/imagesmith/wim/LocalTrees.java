package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Folder trees of the local file system that the engine works in (mount and staging folders). */
public final class LocalTrees {
    private LocalTrees() {
    }

    /** Deletes everything inside {@code dir} (not {@code dir} itself), never following a symbolic link out of it. */
    public static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                if (!folder.equals(dir)) {
                    Files.delete(folder);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a file, or a folder with everything in it, never following a symbolic link; nothing when it is missing. */
    public static void deleteTree(Path root) throws IOException {
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            deleteContents(root);
        }
        Files.deleteIfExists(root);
    }
}
