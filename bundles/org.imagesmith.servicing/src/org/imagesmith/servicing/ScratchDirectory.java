package org.imagesmith.servicing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.wim.LocalTrees;
import org.imagesmith.wim.TemporaryFiles;

/**
 * DISM's /ScratchDir: a private folder for extracting packages, removed with everything in it when closed (one a
 * killed process left is removed by /Cleanup-Wim, see {@link TemporaryFiles}).
 */
public final class ScratchDirectory implements Closeable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a fresh folder inside the given parent (or the system's temporary folder).
     *
     * @throws ServicingException when the parent does not exist or cannot be written
     */
    public static ScratchDirectory create(Optional<Path> parent) throws ServicingException {
        try {
            if (parent.isPresent()) {
                if (!Files.isDirectory(parent.get())) {
                    throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The scratch directory "
                            + parent.get() + " does not exist. Create it, or leave out /ScratchDir to use the"
                            + " system's temporary folder.");
                }
            }
            return new ScratchDirectory(TemporaryFiles.folder(parent, "scratch"));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "No scratch folder can be made in "
                    + parent.map(Path::toString).orElse("the system's temporary folder") + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /** A new empty folder inside the scratch directory. */
    public Path newFolder(String prefix) throws IOException {
        return Files.createTempDirectory(path, prefix);
    }

    @Override
    public void close() throws IOException {
        deleteTree(path);
        TemporaryFiles.done(path);
    }

    /** Deletes a folder and everything in it, without following symbolic links. */
    public static void deleteTree(Path root) throws IOException {
        LocalTrees.deleteTree(root);
    }
}
