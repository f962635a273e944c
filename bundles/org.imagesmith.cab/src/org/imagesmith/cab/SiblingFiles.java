package org.imagesmith.cab;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files next to a target, created with the ordinary permissions of new files (not the owner-only ones of
 * {@link Files#createTempFile}), so that moving them over the target gives it normal permissions.
 */
final class SiblingFiles {
    private SiblingFiles() {
    }

    static Path createTemporary(Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            String name = target.getFileName().toString();
            String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path candidate = directory.resolve("." + (name.length() > 200 ? "" : name + ".") + random + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }
}
