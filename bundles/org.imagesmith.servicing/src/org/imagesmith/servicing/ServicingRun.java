package org.imagesmith.servicing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.WriteProgress;
import org.imagesmith.wim.WriterLock;
import org.imagesmith.wim.mount.MountException;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStatus;
import org.imagesmith.wim.mount.MountedImages;

/**
 * One servicing run on a {@link ServicingTarget}, the single orchestration behind the command line, the Package
 * Manager front end and the IDE's Apply to Image: the target is opened; a run that writes takes the writer's lock
 * of the image folder ({@link WriterLock}) before any hive is read, so a second writer is refused with DISM's
 * ERROR_SHARING_VIOLATION (32) naming the holder, and no change of one command is overwritten by another (an image
 * of a WIM file is locked by its staging); a run that only reads takes no lock and opens the image read-only.
 * The work runs on the session; {@link #commit} saves it (an image of a WIM file is written back only when it
 * changed, with the run's integrity option), and {@link #close} drops what was not committed and releases the lock.
 * Every failure is one {@link ServicingException} with DISM's code.
 */
public final class ServicingRun implements AutoCloseable {
    private static final String COMPONENT = ServicingSession.COMPONENT;

    /** Whether a command changes the image; each command says so itself. */
    public enum Access {
        /** reads the image only: no lock, the image is opened read-only */
        READ,
        /** changes the image: the image folder's writer's lock is held for the whole run */
        WRITE
    }

    /**
     * How the run opens and commits, the same for every front end.
     *
     * @param scratchParent where the scratch and staging folders are made (DISM's /ScratchDir); else the system's
     *            temporary folder
     * @param checkIntegrity whether a WIM file written back gets an integrity table (one it has is always kept)
     */
    public record Options(Optional<Path> scratchParent, boolean checkIntegrity) {
    }

    /** The work of a run, on its open session. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T perform(ServicingSession session) throws ServicingException, E;
    }

    /** Follows a commit: told before changes are written into a WIM file, then of the bytes written. */
    @FunctionalInterface
    public interface CommitProgress extends WriteProgress {
        /** The changes of {@code image} are about to be written back (not called when nothing changed). */
        default void saving(String image) {
        }
    }

    private final ServicingTarget target;
    private final Access access;
    private final Options options;
    private final OfflineImage image;
    private final ServicingSession session;
    private final WriterLock lock;
    private boolean committed;

    private ServicingRun(ServicingTarget target, Access access, Options options, OfflineImage image,
            ServicingSession session, WriterLock lock) {
        this.target = target;
        this.access = access;
        this.options = options;
        this.image = image;
        this.session = session;
        this.lock = lock;
    }

    /**
     * Opens the target for one command: a writer takes the image folder's lock, then the session is opened (hives
     * read, scratch folder made).
     *
     * @param operation the command, as the lock's holder is shown to another writer ("/Add-Package")
     * @param mounts the mounted images (a mount's read-only mode applies; a mounted WIM image is not serviced in place)
     * @throws ServicingException when the target does not exist, is not an offline Windows image, is read-only for a
     *         writer, or another writer holds it (32)
     */
    public static ServicingRun open(ServicingTarget target, Access access, String operation, Options options,
            MountedImages mounts, ServicingLog log) throws ServicingException {
        OfflineImage image = null;
        WriterLock lock = null;
        try {
            if (target instanceof ServicingTarget.WimFileImage wim) {
                image = WimImage.open(wim.wimFile(), wim.index(), options.scratchParent(), mounts);
            } else {
                DirectoryImage folder = openFolder(target, access, mounts);
                image = folder;
                if (access == Access.WRITE) {
                    lock = WriterLock.acquire(folder.root(), operation);
                    log.info(COMPONENT, "Holding the writer's lock of " + folder.root() + " for " + operation);
                }
            }
            ServicingSession session = ServicingSession.open(image, log, options.scratchParent());
            if (access == Access.WRITE) {
                session.requireWritable();
            }
            return new ServicingRun(target, access, options, image, session, lock);
        } catch (ServicingException | RuntimeException e) {
            release(image, lock, log);
            if (e instanceof UncheckedIOException unreadable) {
                throw unreadable(unreadable, image != null && image.isStaged());
            }
            throw e;
        } catch (WriterLock.TargetLockedException e) {
            release(image, null, log);
            throw new ServicingException(ServicingException.SHARING_VIOLATION, e.getMessage(), e);
        } catch (IOException e) {
            release(image, lock, log);
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The writer's lock of " + target.describe()
                    + " cannot be taken: " + e.getMessage() + ". Check that " + WriterLock.lockFolder()
                    + " can be written.", e);
        }
    }

    private static DirectoryImage openFolder(ServicingTarget target, Access access, MountedImages mounts)
            throws ServicingException {
        Path root;
        String windowsFolder = DirectoryImage.WINDOWS;
        Optional<MountRecord> mount;
        try {
            if (target instanceof ServicingTarget.MountedImage mounted) {
                root = mounted.mountDir();
                mount = Optional.of(mounts.record(root));
            } else {
                ServicingTarget.ImageFolder folder = (ServicingTarget.ImageFolder) target;
                root = folder.root();
                windowsFolder = folder.windowsFolder();
                mount = mounts.store().find(root);
            }
            if (mount.isPresent() && mounts.status(mount.get()) == MountStatus.UNMOUNT_PENDING) {
                // an unmount was killed part-way: the folder may hold only part of the image
                throw new ServicingException(MountException.UNMOUNT_PENDING, "The image mounted at " + root
                        + " is being unmounted (status Unmount Pending): the folder may hold only part of the image."
                        + " Finish the unmount with /Unmount-Wim /MountDir:" + root + " (or /Cleanup-Wim), then mount"
                        + " the image again to service it.");
            }
        } catch (MountException e) {
            throw new ServicingException(e.errorCode(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The record of mounted images cannot be"
                    + " read: " + e.getMessage(), e);
        }
        boolean readOnlyMount = mount.map(record -> !record.readWrite()).orElse(false);
        return DirectoryImage.open(root, windowsFolder, readOnlyMount || access == Access.READ);
    }

    public ServicingTarget target() {
        return target;
    }

    public Access access() {
        return access;
    }

    /** The open session: the image's identity, hives, log and scratch folder. */
    public ServicingSession session() {
        return session;
    }

    /**
     * Runs the work on the session; a file of the image that cannot be read (damaged data of a WIM file) becomes
     * one DISM error.
     */
    public <T, E extends Exception> T service(Work<T, E> work) throws ServicingException, E {
        try {
            return work.perform(session);
        } catch (UncheckedIOException e) {
            throw unreadable(e, image.isStaged());
        }
    }

    /**
     * Saves what the run changed: an image of a WIM file is written back when (and only when) a file of it changed,
     * with the run's integrity option; an image folder already holds the changes (each provider saves what it
     * changes atomically). Call it only when the work succeeded; without it, {@link #close} drops the changes of a
     * WIM image.
     *
     * @return what was written into the WIM file, empty when nothing had to be
     * @throws ServicingException when the WIM file cannot be written; it then keeps its old content
     */
    public Optional<CommitResult> commit(CommitProgress progress) throws ServicingException {
        if (access != Access.WRITE) {
            throw new IllegalStateException("a run that only reads has nothing to commit");
        }
        committed = true;
        if (!(image instanceof WimImage staged)) {
            return Optional.empty();
        }
        try {
            if (!staged.hasChanges()) {
                session.log().info(COMPONENT, "Nothing changed in " + staged.description()
                        + "; the WIM file is left as it is");
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The changes to " + staged.description()
                    + " cannot be read back: " + e.getMessage(), e);
        }
        progress.saving(staged.description());
        session.log().info(COMPONENT, "Saving the changes into " + staged.description());
        CommitResult result = staged.commit(options.checkIntegrity(), progress);
        session.log().info(COMPONENT, "Saved " + staged.description() + ": " + result.streamsCompressed()
                + " new stream(s), " + result.bytesCompressed() + " bytes compressed");
        return Optional.of(result);
    }

    /** Closes the session, drops what was not committed (of a WIM image) and releases the writer's lock. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            session.log().warning(COMPONENT, "The scratch folder " + session.scratch().path() + " cannot be removed: "
                    + e.getMessage());
        }
        if (image.isStaged() && access == Access.WRITE && !committed) {
            session.log().info(COMPONENT, "Discarding the changes staged for " + image.description()
                    + "; it is left as it was");
        }
        release(image, lock, session.log());
    }

    private static void release(OfflineImage image, WriterLock lock, ServicingLog log) {
        try {
            if (image != null) {
                image.close();
            }
        } catch (IOException e) {
            log.warning(COMPONENT, "The staging folder of " + image.description() + " cannot be removed: "
                    + e.getMessage());
        } finally {
            if (lock != null) {
                try {
                    lock.close();
                } catch (IOException e) {
                    log.warning(COMPONENT, "The writer's lock of " + lock.target() + " cannot be released: "
                            + e.getMessage() + "; it is released when this process ends");
                }
            }
        }
    }

    /** A file of the image that could not be read or extracted, as one DISM error. */
    private static ServicingException unreadable(UncheckedIOException e, boolean staged) {
        String message = e.getMessage() == null || e.getMessage().isEmpty() ? "The image cannot be read"
                : Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1);
        int code = e.getCause() instanceof WimFormatException format
                ? (format.isNotWimFile() ? ServicingException.BAD_FORMAT : ServicingException.INVALID_DATA)
                : ServicingException.ACCESS_DENIED;
        return new ServicingException(code, message + (staged ? ". Nothing was written to the image." : "."), e);
    }
}
