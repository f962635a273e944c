package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Deletes an image of a WIM file (DISM's /Delete-Image, ImageX /delete): the file is rewritten without it, the
 * streams no other image uses are dropped, and the boot index follows its image. The new file (same compression and
 * GUID) replaces the old one only once it is complete, so a failure at any point leaves the old file as it was.
 */
public final class ImageDeletion {
    private ImageDeletion() {
    }

    /**
     * Rewrites a WIM file without one of its images, dropping the streams no other image uses. The new file (same
     * compression and GUID) replaces the old one only once it is complete. Takes the file's {@link WriterLock}.
     *
     * @throws WriterLock.TargetLockedException when another writer is changing the file
     * @throws IllegalArgumentException when the file has no such image
     * @throws LastImageException when it is the file's only image
     */
    public static void deleteImage(Path path, int index, boolean integrity) throws IOException {
        try (WriterLock lock = WriterLock.acquire(path, "deleting an image")) {
            deleteImage(lock, index, integrity);
        }
    }

    /**
     * As {@link #deleteImage(Path, int, boolean)}, for a caller that holds the WIM file's lock (to check its mounts
     * first): deletes image {@code index} of {@code lock.target()}.
     */
    public static void deleteImage(WriterLock lock, int index, boolean integrity) throws IOException {
        Path path = lock.target();
        try (WimFile source = WimFile.open(path)) {
            if (index < 1 || index > source.imageCount()) {
                throw new IllegalArgumentException(source.noSuchImage("index " + index));
            }
            if (source.imageCount() == 1) {
                throw new LastImageException(path);
            }
            WimWriter.checkWritable(source, "delete images from");
            try (WimWriter writer = WimWriter.createLike(path, source.header(), integrity, null)) {
                for (int i = 1; i <= source.imageCount(); i++) {
                    if (i != index) {
                        ImageExport.copyImage(writer, source, i, Optional.empty(), Optional.empty());
                    }
                }
                int boot = source.header().bootIndex();
                int kept = boot == index ? 0 : boot > index ? boot - 1 : boot;
                // an index the file does not have boots nothing, as the writer's commit would decide
                writer.setBootIndex(kept >= 1 && kept <= writer.imageCount() ? kept : 0);
                writer.commit();
            }
        }
    }
}
