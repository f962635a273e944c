package org.imagesmith.wim;

import java.time.Instant;
import java.util.Optional;

/** One IMAGE element of a WIM file's XML data. */
public record ImageInfo(
        int index,
        String name,
        String description,
        String displayName,
        String displayDescription,
        String flags,
        long directoryCount,
        long fileCount,
        long totalBytes,
        long hardLinkBytes,
        Optional<Instant> creationTime,
        Optional<Instant> lastModificationTime,
        boolean wimBoot,
        Optional<WindowsInfo> windows) {
}
