package org.imagesmith.servicing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.StagedImage;
import org.imagesmith.wim.TemporaryFiles;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.WriteProgress;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountedImages;

/**
 * An image of a WIM file serviced straight in the file, without mounting it (Imagesmith's /WimFile: /Index: in
 * place of /Image:): the files servicing reads are extracted on demand into a staging folder, and
 * {@link #commit} writes back only what changed, in place; nothing reaches the WIM file before that, so a failed
 * operation leaves it as it was.
 */
public final class WimImage implements OfflineImage {
    private final StagedImage staged;
    private final MountedImages mounts;
    /** The mounts of the file's other images, kept Ok after a commit. */
    private final List<MountRecord> otherMounts;

    private WimImage(StagedImage staged, MountedImages mounts, List<MountRecord> otherMounts) {
        this.staged = staged;
        this.mounts = mounts;
        this.otherMounts = List.copyOf(otherMounts);
    }

    /**
     * Opens image {@code index} of a WIM file for servicing, staging under {@code scratchParent} (or the system's
     * temporary folder).
     *
     * @param mounts the mounted images: a mounted image is refused (its mount would fall behind the file); the mounts
     *            of the file's other images stay valid
     * @throws ServicingException when the file does not exist, is damaged or cannot be changed in place, has no such
     *         image, is mounted, or is in use by another command
     */
    public static WimImage open(Path wimFile, int index, Optional<Path> scratchParent, MountedImages mounts)
            throws ServicingException {
        Path file = wimFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The WIM file " + wimFile
                    + " does not exist.");
        }
        List<MountRecord> otherMounts = otherMounts(file, index, mounts);
        Path staging = null;
        try {
            staging = TemporaryFiles.folder(scratchParent, "staged");
            WimImage image = new WimImage(StagedImage.open(file, index, staging), mounts, otherMounts);
            if (image.find(DirectoryImage.WINDOWS).filter(Files::isDirectory).isEmpty()) {
                image.close();
                throw new ServicingException(ServicingException.INVALID_PARAMETER, "Image " + index + " of " + wimFile
                        + " holds no Windows folder, so it is not an offline Windows image.");
            }
            return image;
        } catch (StagedImage.FileInUseException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.SHARING_VIOLATION, capitalized(e.getMessage()) + ".", e);
        } catch (WimFormatException e) {
            deleteQuietly(staging);
            throw new ServicingException(e.isNotWimFile() ? ServicingException.BAD_FORMAT
                    : ServicingException.INVALID_DATA, "Image " + index + " of " + wimFile + " cannot be read: "
                            + e.getMessage() + ". Use a good copy of the WIM file.", e);
        } catch (IllegalArgumentException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "Image " + index + " of " + wimFile
                    + " cannot be serviced in place: " + e.getMessage() + ".", e);
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(staging);
            throw new ServicingException(ServicingException.ACCESS_DENIED, "Image " + index + " of " + wimFile
                    + " cannot be opened for servicing: " + e.getMessage(), e);
        }
    }

    /** The Ok mounts of the file's other images; refuses when this image, or a damaged mount of the file, is mounted. */
    private static List<MountRecord> otherMounts(Path file, int index, MountedImages mounts) throws ServicingException {
        try {
            List<MountRecord> ok = mounts.okMountsOf(file);
            for (MountRecord mount : mounts.store().records()) {
                if (!mount.imageFile().toAbsolutePath().normalize().equals(file)) {
                    continue;
                }
                if (mount.imageIndex() == index || !ok.contains(mount)) {
                    throw new ServicingException(ServicingException.SHARING_VIOLATION, "Image "
                            + mount.imageIndex() + " of " + file + " is mounted at " + mount.mountDir() + " ("
                            + (mount.readWrite() ? "read/write" : "read-only") + (ok.contains(mount) ? "" : ", status "
                                    + mounts.status(mount).text()) + "); changing the WIM file in place would leave the mount"
                            + " behind it. Service the mounted image with /Image:" + mount.mountDir() + ", or unmount"
                            + " it first (/Unmount-Wim /MountDir:" + mount.mountDir() + " /Commit|/Discard).");
                }
            }
            return ok;
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
                TemporaryFiles.done(staging);
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
        CommitResult result;
        try {
            result = staged.commit(integrity, progress);
        } catch (IOException | RuntimeException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The changes could not be saved into "
                    + wimFile() + ", which keeps its old content: " + e.getMessage(), e);
        }
        try {
            mounts.followChange(otherMounts);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The changes were saved into " + wimFile()
                    + ", but the records of its other mounted images cannot be updated (" + e.getMessage()
                    + "); their status shows Invalid. Remount them with /Remount-Wim.", e);
        }
        return result;
    }

    /** Drops what was not committed and deletes the staging folder. */
    @Override
    public void close() throws IOException {
        staged.close();
    }
}
