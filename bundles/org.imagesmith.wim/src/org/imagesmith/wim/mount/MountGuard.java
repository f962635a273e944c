package org.imagesmith.wim.mount;

import java.io.IOException;
import java.nio.file.Path;
import org.imagesmith.wim.ImageDeletion;
import org.imagesmith.wim.WimWriter;
import org.imagesmith.wim.WriterLock;

/**
 * The changes of a WIM file that its read/write mounts forbid, as Windows forbids them: adding an image to the file
 * (/Append-Image, /Export-Image into it) or deleting one from it while an image of it is mounted read/write would
 * leave the mount behind the file, so that its commit fails or undoes the change. Each check is made while the
 * file's {@link WriterLock} is held, which a read/write mount takes to register itself, so no mount can appear
 * between the check and the change.
 */
public final class MountGuard {
    private final MountStore store;

    public MountGuard(MountedImages mounts) {
        this.store = mounts.store();
    }

    /**
     * Opens the WIM file to add images to it ({@link WimWriter#append}), refusing it when an image of it is mounted
     * read/write.
     *
     * @throws MountException with {@link MountException#MOUNTED_READ_WRITE} when it is
     * @throws WriterLock.TargetLockedException when another command is changing the file
     */
    public WimWriter append(Path wimFile, boolean integrity) throws IOException {
        WimWriter writer = WimWriter.append(wimFile, integrity);
        try {
            refuseReadWriteMounts(wimFile, "adding an image to");
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    /**
     * Deletes an image of the WIM file ({@link ImageDeletion#deleteImage}), refusing it when an image of it is mounted
     * read/write.
     *
     * @throws MountException with {@link MountException#MOUNTED_READ_WRITE} when it is
     * @throws WriterLock.TargetLockedException when another command is changing the file
     */
    public void deleteImage(Path wimFile, int index, boolean integrity) throws IOException {
        try (WriterLock lock = WriterLock.acquire(wimFile, "deleting image " + index)) {
            refuseReadWriteMounts(wimFile, "deleting an image from");
            ImageDeletion.deleteImage(lock, index, integrity);
        }
    }

    /** Refuses a change ("deleting an image from") of a WIM file that has a read/write mount; call it under the lock. */
    private void refuseReadWriteMounts(Path wimFile, String change) throws IOException {
        Path file = MountStore.canonical(wimFile);
        for (MountRecord mount : store.records()) {
            if (mount.readWrite() && MountStore.canonical(mount.imageFile()).equals(file)) {
                throw new MountException(MountException.MOUNTED_READ_WRITE, "Image " + mount.imageIndex() + " of "
                        + file + " is mounted read/write at " + mount.mountDir() + ". " + capitalized(change)
                        + " the file now would leave that mount behind it, and its changes could no longer be saved."
                        + " Unmount it first (/Unmount-Wim /MountDir:" + mount.mountDir() + " /Commit or /Discard),"
                        + " then run this command again.");
            }
        }
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
