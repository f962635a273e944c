package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An offline Windows image that a session services. Paths are Windows paths relative to the image's root
 * ("Windows\System32\config\SOFTWARE"), looked up without regard to case as Windows does.
 */
public interface OfflineImage {

    /** Where the image lives, for messages (a mount directory, or a WIM file and index). */
    String description();

    /** The local file behind a Windows path, if it exists. */
    Optional<Path> find(String windowsPath);

    /**
     * The local file to write for a Windows path, reusing the case of the folders that exist and creating the
     * ones that do not.
     */
    Path pathForWrite(String windowsPath) throws IOException;

    /** True when the image may not be changed (a read-only mount). */
    boolean isReadOnly();
}
