package org.imagesmith.servicing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An offline Windows image that a session services. Paths are Windows paths relative to the image's root
 * ("Windows\System32\config\SOFTWARE"), looked up without regard to case as Windows does.
 */
public interface OfflineImage extends Closeable {

    /** Where the image lives, for messages (a mount directory, or a WIM file and index). */
    String description();

    /** The local file behind a Windows path, if it exists. */
    Optional<Path> find(String windowsPath);

    /**
     * The local file to write for a Windows path, reusing the case of the folders that exist and creating the
     * ones that do not.
     */
    Path pathForWrite(String windowsPath) throws IOException;

    /**
     * The names of the entries in a folder of the image (empty when it does not exist). Look entries up through
     * {@link #find} and list folders through this method, never by listing a found folder on disk: an image served
     * from a WIM file holds only what was looked up so far.
     */
    List<String> list(String windowsFolder) throws IOException;

    /** True when the image may not be changed (a read-only mount). */
    boolean isReadOnly();

    /**
     * True when changes reach the image only when its owner commits them after the operation (an image of a WIM file
     * serviced in place), so a failed operation needs no undo: its changes are dropped.
     */
    default boolean isStaged() {
        return false;
    }

    /** Releases what the image holds (the staging folder of an image of a WIM file); a folder holds nothing. */
    @Override
    default void close() throws IOException {
    }
}
