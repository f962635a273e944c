package org.imagesmith.servicing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.StagedImage;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.WriteProgress;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStore;

/**
 * An image of a WIM file serviced straight in the file, without mounting it (Imagesmith's /WimFile: /Index: in
 * place of /Image:): the files servicing reads are extracted on demand into a staging folder, and
 * {@link #commit} writes back only what changed, in place; nothing reaches the WIM file before that, so a failed
 * operation leaves it as it was.
 */
public final class WimImage implements OfflineImage {
    private final StagedImage staged;

    private WimImage(StagedImage staged) {
        this.staged = staged;
    }

    /**
     * Opens image {@code index} of a WIM file for servicing, staging under {@code scratchParent} (or the system's
     * temporary folder).
     *
     * @param mounts the record of mounted images: an image of a file that is mounted is refused, since changing the
     *            file would leave its mounts behind it
     * @throws ServicingException when the file does not exist, is damaged or cannot be changed in place, has no such
     *         image, is mounted, or is in use by another command
     */
    public static WimImage open(Path wimFile, int index, Optional<Path> scratchParent, MountStore mounts)
            throws ServicingException {
        Path file = wimFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The WIM file " + wimFile
                    + " does not exist.");
        }
        refuseMounted(file, mounts);
        Path staging = null;
        try {
            staging = scratchParent.isPresent()
                    ? Files.createTempDirectory(scratchParent.get(), "imagesmith-staged-")
                    : Files.createTempDirectory("imagesmith-staged-");
            WimImage image = new WimImage(StagedImage.open(file, index, staging));
            if (image.find(DirectoryImage.WINDOWS).filter(Files::isDirectory).isEmpty()) {
                image.close();
                throw new ServicingException(ServicingException.INVALID_PARAMETER, "Image " + index + " of " + wimFile
                        + " holds no Windows folder, so it is not an offline Windows image.");
            }
            return image;
        } catch (StagedImage.FileInUseException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.SHARING_VIOLATION, capitalized(e.getMessage()) + ".", e);
        } catch (IllegalArgumentException | WimFormatException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "Image " + index + " of " + wimFile
                    + " cannot be serviced in place: " + e.getMessage() + ".", e);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.ACCESS_DENIED, "Image " + index + " of " + wimFile
                    + " cannot be opened for servicing: " + e.getMessage(), e);
        }
    }

    private static void refuseMounted(Path file, MountStore mounts) throws ServicingException {
        try {
            for (MountRecord mount : mounts.records()) {
                if (mount.imageFile().toAbsolutePath().normalize().equals(file)) {
                    throw new ServicingException(ServicingException.SHARING_VIOLATION, "Image "
                            + mount.imageIndex() + " of " + file + " is mounted at " + mount.mountDir() + " ("
                            + (mount.readWrite() ? "read/write" : "read-only") + "); changing the WIM file would leave"
                            + " the mount behind it. Service the mounted image with /Image:" + mount.mountDir()
                            + ", or unmount it first (/Unmount-Wim /MountDir:" + mount.mountDir() + " /Commit|/Discard).");
                }
            }
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The record of mounted images cannot be"
                    + " read: " + e.getMessage(), e);
        }
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static void deleteQuietly(Path staging) {
        if (staging != null) {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException e) {
                // an empty temporary folder left behind
            }
        }
    }

    public Path wimFile() {
        return staged.wimFile();
    }

    public int index() {
        return staged.index();
    }

    @Override
    public String description() {
        return staged.description();
    }

    @Override
    public Optional<Path> find(String windowsPath) {
        try {
            return staged.find(WindowsPaths.names(windowsPath, DirectoryImage.WINDOWS));
        } catch (IOException e) {
            throw new UncheckedIOException("the file " + windowsPath + " of " + description() + " cannot be extracted: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Path pathForWrite(String windowsPath) throws IOException {
        return staged.pathForWrite(WindowsPaths.names(windowsPath, DirectoryImage.WINDOWS));
    }

    @Override
    public List<String> list(String windowsFolder) throws IOException {
        return staged.list(WindowsPaths.names(windowsFolder, DirectoryImage.WINDOWS));
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public boolean isStaged() {
        return true;
    }

    /** True when servicing changed, added or deleted a file of the image. */
    public boolean hasChanges() throws IOException {
        return staged.hasChanges();
    }

    /**
     * Writes what servicing changed into the WIM file, in place (nothing when nothing changed); the image cannot
     * be serviced further afterwards.
     *
     * @param integrity whether the file gets an integrity table (one it has is kept)
     * @throws ServicingException when the file cannot be written; it then opens with its old content
     */
    public CommitResult commit(boolean integrity, WriteProgress progress) throws ServicingException {
        try {
            return staged.commit(integrity, progress);
        } catch (IOException | RuntimeException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The changes could not be saved into "
                    + wimFile() + ", which keeps its old content: " + e.getMessage(), e);
        }
    }

    /** Drops what was not committed and deletes the staging folder. */
    @Override
    public void close() throws IOException {
        staged.close();
    }
}
