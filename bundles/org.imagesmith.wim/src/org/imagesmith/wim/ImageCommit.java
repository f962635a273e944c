package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a directory that an image was applied to back into its WIM file as that same image: the other images,
 * their order, the boot index and the file's GUID stay; the image keeps its XML description (name, description,
 * WINDOWS block) with new counts; what the directory could not hold is carried over from the image's original
 * metadata ({@link MetadataCarryOver}). Streams the file holds already are copied as stored, never decompressed;
 * only new data is compressed. The new file is written beside the old one, flushed to disk and renamed over it, so
 * a failure at any point leaves the old file as it was.
 */
public final class ImageCommit {
    /** The stage at which the new image is written, before the file's tables (for tests that interrupt a commit). */
    static final String STAGE_IMAGE = "image";

    private ImageCommit() {
    }

    /**
     * Commits {@code directory} as image {@code index} of {@code wimFile}.
     *
     * @param original the image's metadata as it was when it was applied (security descriptors, attributes, short
     *            names, alternate data streams, reparse points)
     * @param integrity whether the new file has an integrity table
     * @throws WriterLock.TargetLockedException when another writer is changing the file
     * @throws IllegalArgumentException when the file has no such image
     * @throws WimFormatException when the file cannot be rewritten (split, solid, LZMS) or is damaged
     */
    public static CommitResult commit(Path wimFile, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress) throws IOException {
        return commit(wimFile, index, directory, original, integrity, progress, stage -> { }, hash -> { });
    }

    /**
     * As {@link #commit(Path, int, Path, ImageMetadata, boolean, WriteProgress)}, telling {@code beforeReplace} the
     * committed image's digest once the new file is complete on disk, before it replaces the old one.
     */
    public static CommitResult commitAndReport(Path wimFile, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress, BeforeReplace beforeReplace) throws IOException {
        return commit(wimFile, index, directory, original, integrity, progress, stage -> { }, beforeReplace);
    }

    /**
     * As {@link #commit(Path, int, Path, ImageMetadata, boolean, WriteProgress)}, for a caller that holds the WIM
     * file's {@link WriterLock} (to check and update its mounts under it): commits into {@code lock.target()}.
     */
    public static CommitResult commit(WriterLock lock, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress) throws IOException {
        return commitLocked(lock.target(), index, directory, original, integrity, progress, stage -> { }, hash -> { });
    }

    /**
     * As {@link #commitAndReport(Path, int, Path, ImageMetadata, boolean, WriteProgress, BeforeReplace)}, for a caller
     * that holds the WIM file's {@link WriterLock}: commits into {@code lock.target()}.
     */
    public static CommitResult commitAndReport(WriterLock lock, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress, BeforeReplace beforeReplace) throws IOException {
        return commitLocked(lock.target(), index, directory, original, integrity, progress, stage -> { },
                beforeReplace);
    }

    static CommitResult commit(Path wimFile, int index, Path directory, ImageMetadata original, boolean integrity,
            WriteProgress progress, WimWriter.Checkpoint checkpoint) throws IOException {
        return commit(wimFile, index, directory, original, integrity, progress, checkpoint, hash -> { });
    }

    private static CommitResult commit(Path wimFile, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress, WimWriter.Checkpoint checkpoint, BeforeReplace beforeReplace)
            throws IOException {
        try (WriterLock lock = WriterLock.acquire(wimFile, "committing an image")) {
            return commitLocked(wimFile, index, directory, original, integrity, progress, checkpoint, beforeReplace);
        }
    }

    /** Commits while the caller holds the file's lock: the file is opened only now, so no change of it is lost. */
    private static CommitResult commitLocked(Path wimFile, int index, Path directory, ImageMetadata original,
            boolean integrity, WriteProgress progress, WimWriter.Checkpoint checkpoint, BeforeReplace beforeReplace)
            throws IOException {
        try (WimFile source = WimFile.open(wimFile)) {
            if (index < 1 || index > source.imageCount()) {
                throw new IllegalArgumentException(source.noSuchImage("index " + index));
            }
            List<ImageXml> xml = ImageXml.readAll(WimWriter.rawXml(source), source.imageCount());
            try (WimWriter writer = WimWriter.rewrite(source, integrity, "commit an image to")) {
                writer.checkpoint(stage -> {
                    checkpoint.reached(stage);
                    if (stage.equals(WimWriter.STAGE_BEFORE_RENAME)) {
                        beforeReplace.ready(writer.imageHash(index - 1));
                    }
                });
                for (int i = 1; i < index; i++) {
                    ImageExport.copyImage(writer, source, i, Optional.empty(), Optional.empty());
                }
                DirectoryCapture.Tree tree = DirectoryCapture.captureTree(writer, directory, progress);
                Dentry root = MetadataCarryOver.merge(tree.root(), original, writer);
                List<byte[]> descriptors = new ArrayList<>();
                for (int i = 0; i < original.securityData().count(); i++) {
                    descriptors.add(original.securityData().descriptor(i));
                }
                writer.addImage(root, descriptors, xml.get(index - 1), source.image(index).name());
                checkpoint.reached(STAGE_IMAGE);
                for (int i = index + 1; i <= source.imageCount(); i++) {
                    ImageExport.copyImage(writer, source, i, Optional.empty(), Optional.empty());
                }
                ImageStatistics statistics = ImageStatistics.of(root, writer::streamSize);
                CommitResult result = new CommitResult(statistics.directories(), statistics.files(),
                        tree.result().bytes(), writer.encodedStreams(), writer.encodedBytes(),
                        writer.copiedStreams(), tree.result().warnings());
                writer.commit();
                return result;
            }
        }
    }

    /**
     * Told the SHA-1 digest of the committed image's metadata resource (which names the image in the new file's
     * lookup table) when the new file is complete on disk, before it replaces the old one: a caller records it, so
     * that after a kill it can tell whether the file it finds is the old or the new one.
     */
    @FunctionalInterface
    public interface BeforeReplace {
        void ready(Sha1Digest imageMetadataHash) throws IOException;
    }
}
