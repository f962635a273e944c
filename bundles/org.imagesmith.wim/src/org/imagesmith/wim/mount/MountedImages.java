package org.imagesmith.wim.mount;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.wim.ApplyOptions;
import org.imagesmith.wim.ApplyProgress;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.ImageCommit;
import org.imagesmith.wim.ImageMetadata;
import org.imagesmith.wim.IntegrityTable;
import org.imagesmith.wim.LocalTrees;
import org.imagesmith.wim.LookupEntry;
import org.imagesmith.wim.PausePoints;
import org.imagesmith.wim.ProtectedFolderException;
import org.imagesmith.wim.WriteProgress;
import org.imagesmith.wim.ImageApplier;
import org.imagesmith.wim.SplitWimSet;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimFormatException;
import org.imagesmith.wim.WimWriter;
import org.imagesmith.wim.WriterLock;

/**
 * Mounting WIM images on a system without a WIM filter driver: a mount applies the image into the mount directory
 * and records it in a {@link MountStore}, so that it survives the process and a reboot; the original metadata is
 * kept aside for the commit.
 */
public final class MountedImages {
    private final MountStore store;
    private final Clock clock;

    public MountedImages(MountStore store) {
        this(store, Clock.systemUTC());
    }

    MountedImages(MountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public MountStore store() {
        return store;
    }

    /**
     * Mounts an image into an existing empty directory.
     *
     * @throws MountException when the directory is already a mount point, is not empty or does not exist, the
     *         image is already mounted read/write and this mount is read/write too, or a read/write mount could not
     *         be committed (a split, solid or LZMS file)
     * @throws WriterLock.TargetLockedException when another command is changing the WIM file (read/write mounts)
     *         or the directory
     */
    public MountRecord mount(Path wimFile, int index, Path mountDir, boolean readOnly, ApplyProgress progress)
            throws IOException {
        return mount(wimFile, List.of(), index, mountDir, readOnly, progress);
    }

    /**
     * Mounts an image of a split WIM, whose part 1 is {@code wimFile}, read from it and the other parts among
     * {@code splitParts} (see {@link SplitWimSet#open(Path, List)}); with no such files, as
     * {@link #mount(Path, int, Path, boolean, ApplyProgress)}. A split WIM is read-only: it mounts with
     * {@code readOnly} only, as DISM does.
     *
     * @throws MountException as the other method does, and when a split WIM is to be mounted read/write
     * @throws org.imagesmith.wim.SplitWimException when the files do not make the split WIM's complete set
     */
    public MountRecord mount(Path wimFile, List<Path> splitParts, int index, Path mountDir, boolean readOnly,
            ApplyProgress progress) throws IOException {
        try {
            ProtectedFolderException.refuse(mountDir, "the mount directory");
        } catch (ProtectedFolderException e) {
            throw new MountException(MountException.ACCESS_DENIED, e.getMessage());
        }
        Path dir = MountStore.canonical(mountDir);
        Path image = MountStore.canonical(wimFile);
        // a read/write mount is a writer of the WIM file: the check below and the record are atomic under its lock
        try (WriterLock fileLock = readOnly ? null : WriterLock.acquire(image, "mounting image " + index
                + " read/write at " + dir);
                WriterLock dirLock = WriterLock.acquire(dir, "mounting image " + index + " of " + image)) {
            return mountLocked(image, splitParts, index, dir, readOnly, progress);
        }
    }

    private MountRecord mountLocked(Path image, List<Path> splitParts, int index, Path dir, boolean readOnly,
            ApplyProgress progress) throws IOException {
        if (store.find(dir).isPresent()) {
            throw new MountException(MountException.ALREADY_MOUNTED, "The directory " + dir + " is already the mount point of an image. Unmount it"
                    + " (/Unmount-Wim /MountDir:" + dir + " /Commit or /Discard) or choose another directory.");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new MountException(MountException.PATH_NOT_FOUND, "The mount directory " + dir + " does not exist. Create an empty directory first.");
        }
        if (!isEmpty(dir)) {
            throw new MountException(MountException.DIR_NOT_EMPTY, "The mount directory " + dir + " is not empty. Mount into an empty directory.");
        }
        if (!readOnly) {
            for (MountRecord other : store.records()) {
                if (other.readWrite() && other.imageIndex() == index && other.imageFile().equals(image)) {
                    throw new MountException(MountException.MOUNTED_READ_WRITE, "Image " + index + " of " + image + " is already mounted read/write at "
                            + other.mountDir() + ". Two read/write mounts of one image would overwrite each other's"
                            + " commits: unmount it first, or mount this one with /ReadOnly.");
                }
            }
        }
        try (WimFile wim = open(image, splitParts)) {
            if (!readOnly && wim.isSplit()) {
                throw new MountException(MountException.NOT_SUPPORTED, "Image " + index + " of " + image + " cannot be"
                        + " mounted read/write: it is part of a split WIM (" + wim.header().totalParts() + " parts),"
                        + " which is read-only. Mount it with /ReadOnly, or export the image to a .wim file"
                        + " (/Export-Image with /SWMFile) and mount that.");
            }
            if (!readOnly) {
                try {
                    WimWriter.checkWritable(wim, "mount an image of");
                } catch (WimFormatException e) {
                    throw new MountException(MountException.NOT_SUPPORTED, "Image " + index + " cannot be mounted"
                            + " read/write, as its changes could not be saved: " + e.getMessage() + ". Or mount it"
                            + " with /ReadOnly.");
                }
            }
            byte[] metadata = wim.readMetadataResource(index);
            List<Path> otherParts = new ArrayList<>();
            for (Path part : wim.partPaths().subList(1, wim.partPaths().size())) {
                otherParts.add(MountStore.canonical(part));
            }
            MountRecord record = new MountRecord(dir, image, index, !readOnly, clock.instant(), Files.size(image),
                    Files.getLastModifiedTime(image).toInstant(), otherParts,
                    wim.lookupTable().metadataResources().get(index - 1).hash().toString(), MountPhase.MOUNTING, "");
            store.save(record, metadata);
            try {
                ImageApplier.apply(wim, index, dir, new ApplyOptions(false, progress, false));
            } catch (IOException | RuntimeException e) {
                LocalTrees.deleteContents(dir);
                store.remove(dir);
                throw e;
            }
            PausePoints.reached("mount applied");
            record = record.inPhase(MountPhase.MOUNTED, "");
            store.update(record);
            return record;
        }
    }

    /** The WIM file, with the other parts of its split WIM when it has some. */
    private static WimFile open(Path image, List<Path> splitParts) throws IOException {
        return splitParts.isEmpty() ? WimFile.open(image) : SplitWimSet.open(image, splitParts);
    }

    /**
     * Ok, Needs Remount or Invalid, as DISM reports mounts, or Unmount Pending for an unmount that was interrupted.
     * A commit interrupted after its new file was put in place counts as done: the file holds the image the record
     * says was being committed.
     */
    public MountStatus status(MountRecord record) throws IOException {
        switch (record.phase()) {
            case MOUNTING:
                return fileIsUnchanged(record) ? MountStatus.NEEDS_REMOUNT : MountStatus.INVALID;
            case UNMOUNT_COMMITTED, UNMOUNT_DISCARDING:
                return MountStatus.UNMOUNT_PENDING;
            case UNMOUNT_COMMITTING:
                if (commitIsDone(record)) {
                    return MountStatus.UNMOUNT_PENDING;
                }
                break;
            case COMMITTING:
                if (commitIsDone(record)) {
                    return directoryStatus(record);
                }
                break;
            default:
                break;
        }
        return fileIsUnchanged(record) ? directoryStatus(record) : MountStatus.INVALID;
    }

    private static MountStatus directoryStatus(MountRecord record) throws IOException {
        if (!Files.isDirectory(record.mountDir(), LinkOption.NOFOLLOW_LINKS) || isEmpty(record.mountDir())) {
            return MountStatus.NEEDS_REMOUNT;
        }
        return MountStatus.OK;
    }

    /** True when the WIM file (and every part) is there and still holds the mounted image, as it was mounted. */
    private static boolean fileIsUnchanged(MountRecord record) throws IOException {
        Path image = record.imageFile();
        if (!Files.isRegularFile(image)) {
            return false;
        }
        for (Path part : record.splitParts()) {
            if (!Files.isRegularFile(part)) {
                return false;
            }
        }
        if (Files.size(image) == record.imageFileSize()
                && Files.getLastModifiedTime(image).toInstant().equals(record.imageFileModified())) {
            return true;
        }
        return !record.imageHash().isEmpty() && record.imageHash().equals(imageHash(image, record.imageIndex()));
    }

    /** True when an interrupted commit's new file is in place: the file holds the image the record was committing. */
    private static boolean commitIsDone(MountRecord record) {
        return !record.pendingHash().isEmpty() && record.pendingHash().equals(imageHash(record.imageFile(),
                record.imageIndex()));
    }

    /** The digest of an image's metadata resource in a WIM file, or "" when the file or image cannot be read. */
    private static String imageHash(Path wimFile, int index) {
        try (WimFile wim = WimFile.open(wimFile)) {
            List<LookupEntry> metadata = wim.lookupTable().metadataResources();
            return index >= 1 && index <= metadata.size() ? metadata.get(index - 1).hash().toString() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The record of a mount directory, or an error saying it is not one. */
    public MountRecord record(Path mountDir) throws IOException {
        Path dir = MountStore.canonical(mountDir);
        Optional<MountRecord> record = store.find(dir);
        if (record.isEmpty()) {
            throw new MountException(MountException.PATH_NOT_FOUND, "The directory " + dir + " is not the mount point of an image."
                    + " /Get-MountedWimInfo lists the mounted images.");
        }
        return record.get();
    }

    /**
     * Applies the image again into a mount directory that lost its contents (status Needs Remount), or completes a
     * mount that was killed while it applied the image.
     */
    public MountRecord remount(Path mountDir, ApplyProgress progress) throws IOException {
        MountRecord record = settled(record(mountDir));
        MountStatus status = status(record);
        if (status == MountStatus.OK) {
            return record;
        }
        if (status == MountStatus.INVALID) {
            throw new MountException(MountException.IMAGE_CHANGED, "The WIM file " + record.imageFile() + " is missing or was changed since the image"
                    + " was mounted, so the mount cannot be restored. Discard it with /Unmount-Wim /Discard or /Cleanup-Wim.");
        }
        if (status == MountStatus.UNMOUNT_PENDING) {
            throw unmountPending(record);
        }
        Files.createDirectories(record.mountDir());
        try (WriterLock dirLock = WriterLock.acquire(record.mountDir(), "remounting it");
                WimFile wim = open(record.imageFile(), record.splitParts())) {
            ImageApplier.apply(wim, record.imageIndex(), record.mountDir(), new ApplyOptions(true, progress, false));
        }
        if (record.phase() == MountPhase.MOUNTING) {
            record = record.inPhase(MountPhase.MOUNTED, "");
            store.update(record);
        }
        return record;
    }

    /**
     * Commits a read/write mount: writes the mount directory's tree back as the same image of its WIM file (see
     * {@link ImageCommit}), keeping what the directory could not hold from the image's metadata as it was mounted.
     * The mount stays, now of the committed image; mounts of other images of the same file stay Ok. A commit that
     * was interrupted after its new file was put in place is recognised as done, and its record brought up to date.
     *
     * <p>The commit holds the WIM file's lock and the mount directory's lock throughout: no other writer changes
     * the file, and no {@code /Image} command changes the directory, while it is saved.
     *
     * @param checkIntegrity check the WIM file's integrity table first, and write one (a file that has one keeps it)
     * @throws MountException when the mount is read-only or its status is not Ok
     * @throws WriterLock.TargetLockedException when another command is changing the WIM file or the directory
     */
    public CommitResult commit(Path mountDir, boolean checkIntegrity, WriteProgress progress) throws IOException {
        MountRecord mounted = record(mountDir);
        try (WriterLock fileLock = WriterLock.acquire(mounted.imageFile(), "committing " + mounted.mountDir());
                WriterLock dirLock = WriterLock.acquire(mounted.mountDir(), "committing it into "
                        + mounted.imageFile())) {
            MountRecord record = settled(record(mountDir));
            CommitResult result = commit(record, fileLock, MountPhase.COMMITTING, checkIntegrity, progress);
            byte[] committed;
            try (WimFile wim = WimFile.open(record.imageFile())) {
                committed = wim.readMetadataResource(record.imageIndex());
            }
            store.save(withFileState(record), committed);
            return result;
        }
    }

    /**
     * Unmounts a read/write mount saving its changes: commits it as {@link #commit} does, records that the commit is
     * durable, then deletes the directory's contents and forgets the mount. A retry after a kill finishes what was
     * left: after the commit, it only deletes the directory (whatever is left of it is never committed); before, it
     * commits. Returns the commit's result, or nothing when the commit had been done by the interrupted unmount.
     *
     * @throws MountException when the mount is read-only or its status is not Ok, or it was being discarded
     */
    public Optional<CommitResult> unmountCommitting(Path mountDir, boolean checkIntegrity, WriteProgress progress)
            throws IOException {
        MountRecord mounted = record(mountDir);
        try (WriterLock fileLock = WriterLock.acquire(mounted.imageFile(), "unmounting " + mounted.mountDir());
                WriterLock dirLock = WriterLock.acquire(mounted.mountDir(), "unmounting it into "
                        + mounted.imageFile())) {
            return unmountCommittingLocked(mountDir, fileLock, checkIntegrity, progress);
        }
    }

    private Optional<CommitResult> unmountCommittingLocked(Path mountDir, WriterLock fileLock, boolean checkIntegrity,
            WriteProgress progress) throws IOException {
        MountRecord record = settled(record(mountDir));
        if (record.phase() == MountPhase.UNMOUNT_DISCARDING) {
            throw new MountException(MountException.UNMOUNT_PENDING, "The mount at " + record.mountDir() + " was being"
                    + " discarded when it was interrupted; its directory may hold only part of the image, so it cannot"
                    + " be committed. Finish with /Unmount-Wim /MountDir:" + record.mountDir() + " /Discard.");
        }
        Optional<CommitResult> result = Optional.empty();
        if (record.phase() != MountPhase.UNMOUNT_COMMITTED) {
            result = Optional.of(commit(record, fileLock, MountPhase.UNMOUNT_COMMITTING, checkIntegrity,
                    progress));
            record = withFileState(record).inPhase(MountPhase.UNMOUNT_COMMITTED, "");
            store.update(record);
        }
        PausePoints.reached("unmount committed");
        removeDirectory(record);
        return result;
    }

    /**
     * Brings the record of an interrupted commit up to date: a commit whose new file is in place becomes Mounted (of
     * the committed image) or, for an unmount, Unmount Committed; one whose file did not replace the old one goes back
     * to Mounted, as nothing of it was saved.
     */
    private MountRecord settled(MountRecord record) throws IOException {
        if (record.phase() != MountPhase.COMMITTING && record.phase() != MountPhase.UNMOUNT_COMMITTING) {
            return record;
        }
        MountRecord settled;
        if (!commitIsDone(record)) {
            settled = record.inPhase(MountPhase.MOUNTED, "");
        } else if (record.phase() == MountPhase.UNMOUNT_COMMITTING) {
            settled = withFileState(record).inPhase(MountPhase.UNMOUNT_COMMITTED, "");
        } else {
            byte[] committed;
            try (WimFile wim = WimFile.open(record.imageFile())) {
                committed = wim.readMetadataResource(record.imageIndex());
            }
            settled = withFileState(record);
            store.save(settled, committed);
            return settled;
        }
        store.update(settled);
        return settled;
    }

    /**
     * Writes the mount directory into its image, recording in the given phase, before the new file replaces the old
     * one, the digest of the image it holds. Leaves the record in that phase: the caller records what follows.
     */
    private CommitResult commit(MountRecord record, WriterLock fileLock, MountPhase phase, boolean checkIntegrity,
            WriteProgress progress) throws IOException {
        if (!record.readWrite()) {
            throw new MountException(MountException.ACCESS_DENIED, "The image at " + record.mountDir() + " is mounted"
                    + " read-only, so its changes cannot be saved. Unmount it with /Discard; to change the image, mount"
                    + " it without /ReadOnly.");
        }
        MountStatus status = status(record);
        if (status == MountStatus.UNMOUNT_PENDING) {
            throw unmountPending(record);
        }
        if (status == MountStatus.INVALID) {
            throw new MountException(MountException.IMAGE_CHANGED, "The WIM file " + record.imageFile() + " is"
                    + " missing or was changed since image " + record.imageIndex() + " was mounted at "
                    + record.mountDir() + ", so the changes cannot be saved into it. Capture the directory into a new"
                    + " image (/Capture-Image or /Append-Image), then discard the mount.");
        }
        if (status == MountStatus.NEEDS_REMOUNT) {
            throw new MountException(MountException.PATH_NOT_FOUND, "The mount directory " + record.mountDir()
                    + " is missing or empty (status Needs Remount); committing it would empty the image. Restore it"
                    + " with /Remount-Wim, or discard the mount.");
        }
        List<MountRecord> others = new ArrayList<>();
        for (MountRecord other : store.records()) {
            if (!other.mountDir().equals(record.mountDir()) && other.imageFile().equals(record.imageFile())
                    && status(other) == MountStatus.OK) {
                others.add(other);
            }
        }
        ImageMetadata original = ImageMetadata.parse(store.metadata(record.mountDir()));
        boolean integrity;
        try (WimFile wim = WimFile.open(record.imageFile())) {
            if (checkIntegrity) {
                IntegrityTable.verify(wim);
            }
            integrity = checkIntegrity || wim.header().hasIntegrityTable();
        }
        CommitResult result;
        String[] pending = {""};
        try {
            result = ImageCommit.commitAndReport(fileLock, record.imageIndex(), record.mountDir(), original,
                    integrity, progress, hash -> {
                        pending[0] = hash.toString();
                        store.update(record.inPhase(phase, pending[0]));
                    });
        } catch (IOException | RuntimeException e) {
            if (!commitIsDone(record.inPhase(phase, pending[0]))) {
                store.update(record);
            }
            throw e;
        }
        for (MountRecord other : others) {
            store.update(withFileState(other));
        }
        return result;
    }

    private static MountException unmountPending(MountRecord record) {
        return new MountException(MountException.UNMOUNT_PENDING, "The unmount of " + record.mountDir() + " was"
                + " interrupted (status Unmount Pending): "
                + (record.phase() == MountPhase.UNMOUNT_DISCARDING ? "its changes were being discarded"
                        : "its changes are saved in " + record.imageFile())
                + " and its directory may hold only part of the image. Finish it with /Unmount-Wim /MountDir:"
                + record.mountDir() + (record.phase() == MountPhase.UNMOUNT_DISCARDING ? " /Discard" : " /Commit")
                + " or /Cleanup-Wim.");
    }

    /**
     * The mounts of a WIM file whose status is Ok, so that {@link #followChange} can keep them Ok after the file is
     * changed in place by other means than their commit (an image serviced straight in the file).
     */
    public List<MountRecord> okMountsOf(Path wimFile) throws IOException {
        Path file = wimFile.toAbsolutePath().normalize();
        List<MountRecord> result = new ArrayList<>();
        for (MountRecord record : store.records()) {
            if (record.imageFile().toAbsolutePath().normalize().equals(file) && status(record) == MountStatus.OK) {
                result.add(record);
            }
        }
        return result;
    }

    /**
     * Records the WIM file's new size and time for mounts of its other images after the file was changed in place
     * (their images, and the metadata kept aside for them, did not change), as a commit does for them.
     */
    public void followChange(List<MountRecord> mounts) throws IOException {
        for (MountRecord record : mounts) {
            store.update(withFileState(record));
        }
    }

    /** The record of the WIM file as it is now (size, time, the image's digest), mounted. */
    private static MountRecord withFileState(MountRecord record) throws IOException {
        return record.ofFile(Files.size(record.imageFile()), Files.getLastModifiedTime(record.imageFile()).toInstant(),
                imageHash(record.imageFile(), record.imageIndex()));
    }

    /**
     * Unmounts without saving: records that the mount is being discarded, empties the mount directory (leaving it in
     * place) and forgets the mount. An unmount interrupted after its commit is finished the same way (its changes are
     * saved already).
     */
    public void discard(Path mountDir) throws IOException {
        MountRecord mounted = record(mountDir);
        try (WriterLock dirLock = WriterLock.acquire(mounted.mountDir(), "unmounting it")) {
            MountRecord record = settled(record(mountDir));
            if (record.phase() != MountPhase.UNMOUNT_COMMITTED) {
                record = record.inPhase(MountPhase.UNMOUNT_DISCARDING, "");
                store.update(record);
            }
            removeDirectory(record);
        }
    }

    /** Empties the directory of a mount whose record says it is being unmounted, then forgets the mount. */
    private void removeDirectory(MountRecord record) throws IOException {
        if (Files.isDirectory(record.mountDir(), LinkOption.NOFOLLOW_LINKS)) {
            LocalTrees.deleteContents(record.mountDir());
        }
        store.remove(record.mountDir());
    }

    /**
     * Removes what abandoned mounts left (status Needs Remount or Invalid) and finishes interrupted unmounts (status
     * Unmount Pending): their records and any files in their mount directories, and slots of the store without a
     * record. Mounts that are Ok are left alone. Returns the mounts cleaned up.
     *
     * @throws WriterLock.TargetLockedException after cleaning up the others, when another command holds the folder of
     *         a mount to clean up (that one is left for a later cleanup)
     */
    public List<MountRecord> cleanup() throws IOException {
        List<MountRecord> cleaned = new ArrayList<>();
        WriterLock.TargetLockedException busy = null;
        for (MountRecord record : store.records()) {
            if (status(record) != MountStatus.OK) {
                try {
                    discard(record.mountDir());
                    cleaned.add(record);
                } catch (WriterLock.TargetLockedException e) {
                    // another command is using this mount's folder: the others are still cleaned up
                    busy = busy == null ? e : busy;
                }
            }
        }
        store.removeDebris();
        if (busy != null) {
            throw busy;
        }
        return cleaned;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }


}
