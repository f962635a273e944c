package org.imagesmith.wim;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An image of a WIM file serviced in place without applying all of it: each file or folder is extracted into a
 * staging folder when it is first looked up, so servicing reads and changes only what it touches; the rest of the
 * image stays in the WIM file. {@link #commit} writes back what changed (changed and new files, deleted entries) as
 * a new version of the same image, appended to the file in place: unchanged files keep their streams, only new data
 * is compressed, and the header, written last, switches the file over, so a failure before it leaves the file
 * opening with its old content. Entries the staging folder cannot hold (reparse points, encrypted files) are never
 * extracted and stay as they are.
 *
 * <p>Look entries up through {@link #find}, {@link #list} and {@link #pathForWrite} only: a folder found here holds
 * just the entries looked up in it so far.
 */
public final class StagedImage implements Closeable {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** The size and modification time of a file as extracted, to tell that it did not change. */
    private record ExtractedFile(long size, FileTime modified) {
    }

    private final WimFile wim;
    private final int index;
    private final ImageMetadata original;
    private final Path staging;
    /** The original entry that each extracted path (file or folder) was extracted from. */
    private final Map<Path, Dentry> originals = new HashMap<>();
    /** Where each extracted original entry was put. */
    private final Map<Dentry, Path> extracted = new IdentityHashMap<>();
    private final Map<Path, ExtractedFile> extractedFiles = new HashMap<>();
    private final FileChannel lockChannel;
    /** The bytes of changed and new files read by the commit under way. */
    private long bytesRead;
    private boolean committed;
    private boolean closed;

    private StagedImage(WimFile wim, int index, ImageMetadata original, Path staging, FileChannel lockChannel) {
        this.wim = wim;
        this.lockChannel = lockChannel;
        this.index = index;
        this.original = original;
        this.staging = staging;
        originals.put(staging, original.root());
        extracted.put(original.root(), staging);
    }

    /**
     * Opens image {@code index} of a WIM file, staging into {@code stagingFolder}, which must be an empty folder
     * (it is deleted with everything in it on {@link #close}).
     *
     * @throws IllegalArgumentException when the file has no such image or the staging folder is not empty
     * @throws WimFormatException when the file is damaged or not one that can be changed in place (split, solid,
     *         LZMS)
     */
    public static StagedImage open(Path wimFile, int index, Path stagingFolder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stagingFolder)) {
            if (entries.iterator().hasNext()) {
                throw new IllegalArgumentException("the staging folder " + stagingFolder + " is not empty");
            }
        }
        FileChannel lockChannel = lock(wimFile);
        WimFile wim = null;
        try {
            wim = WimFile.open(wimFile);
            if (index < 1 || index > wim.imageCount()) {
                throw new IllegalArgumentException(wim.noSuchImage("index " + index));
            }
            WimWriter.checkWritable(wim, "change an image in place in");
            ImageMetadata metadata = ImageMetadata.parse(wim.readMetadataResource(index));
            return new StagedImage(wim, index, metadata, stagingFolder.toAbsolutePath().normalize(), lockChannel);
        } catch (IOException | RuntimeException e) {
            if (wim != null) {
                wim.close();
            }
            lockChannel.close();
            throw e;
        }
    }

    /**
     * Locks the whole WIM file for this process (an advisory lock, which other Imagesmith processes and staged images
     * respect), so that two in-place changes never write at the same offset.
     */
    private static FileChannel lock(Path wimFile) throws IOException {
        FileChannel channel = FileChannel.open(wimFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held in this process
        }
        channel.close();
        throw new FileInUseException("the WIM file " + wimFile + " is being changed by another Imagesmith command;"
                + " wait until it finishes");
    }

    /** Raised when another command holds the WIM file. */
    public static final class FileInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        FileInUseException(String message) {
            super(message);
        }
    }

    /** The WIM file and image, for messages ("install.wim, image 1"). */
    public String description() {
        return wim.path() + ", image " + index;
    }

    public Path wimFile() {
        return wim.path();
    }

    public int index() {
        return index;
    }

    /** The image's name in the WIM file. */
    public String imageName() {
        return wim.image(index).name();
    }

    /**
     * The staged file or folder at this path of the image (names compared ignoring case, an exact match first),
     * extracting it (a file with its data, a folder empty) when it was not looked up before; empty when the image
     * has no such entry or it was deleted.
     */
    public Optional<Path> find(List<String> names) throws IOException {
        return walk(names, false);
    }

    /**
     * The staged path to write for this path of the image: its folders are extracted, or created when the image
     * has none; the last entry is extracted when the image has it, so that it can be replaced.
     */
    public Path pathForWrite(List<String> names) throws IOException {
        return walk(names, true).orElseThrow();
    }

    /**
     * The names in a folder of the image: those staged there and those of the image not extracted yet; empty when
     * there is no such folder. Nothing but the folder itself is extracted.
     */
    public List<String> list(List<String> names) throws IOException {
        Optional<Path> folder = find(names);
        List<String> result = new ArrayList<>();
        if (folder.isEmpty() || !Files.isDirectory(folder.get(), NOFOLLOW)) {
            return result;
        }
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.get())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (seen.add(name.toLowerCase(Locale.ROOT))) {
                    result.add(name);
                }
            }
        }
        Dentry directory = originals.get(folder.get());
        if (directory != null) {
            for (Dentry child : directory.children()) {
                if (!extracted.containsKey(child) && stageable(child) && seen.add(child.name().toLowerCase(Locale.ROOT))) {
                    result.add(child.name());
                }
            }
        }
        result.sort((a, b) -> MetadataResourceWriter.compareNames(a, b));
        return result;
    }

    private Optional<Path> walk(List<String> names, boolean forWrite) throws IOException {
        checkOpen();
        Path current = staging;
        Dentry directory = original.root();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            checkName(name);
            boolean last = i == names.size() - 1;
            Optional<Path> staged = stagedChild(current, name);
            if (staged.isPresent()) {
                current = staged.get();
                directory = originals.get(current);
                continue;
            }
            Dentry child = directory == null ? null : originalChild(directory, name);
            if (child != null) {
                current = extract(child, current);
                directory = child;
            } else if (!forWrite) {
                return Optional.empty();
            } else {
                current = current.resolve(name);
                directory = null;
                if (!last) {
                    Files.createDirectory(current);
                }
            }
        }
        return Optional.of(current);
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("\"" + Dentry.printable(name) + "\" is not a name inside the image");
        }
    }

    /** The entry of a staging folder with this name (the exact name first, then ignoring case); never a link. */
    private static Optional<Path> stagedChild(Path folder, String name) throws IOException {
        Path exact = folder.resolve(name);
        if (Files.exists(exact, NOFOLLOW)) {
            return Files.isSymbolicLink(exact) ? Optional.empty() : Optional.of(exact);
        }
        if (!Files.isDirectory(folder, NOFOLLOW)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equalsIgnoreCase(name) && !Files.isSymbolicLink(entry)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    /** The not yet extracted entry of an original folder with this name, or null (none, or extracted and deleted). */
    private Dentry originalChild(Dentry directory, String name) {
        Dentry folded = null;
        for (Dentry child : directory.children()) {
            if (child.name().equals(name)) {
                return extracted.containsKey(child) || !stageable(child) ? null : child;
            }
            if (folded == null && child.name().equalsIgnoreCase(name)) {
                folded = child;
            }
        }
        return folded == null || extracted.containsKey(folded) || !stageable(folded) ? null : folded;
    }

    /** Reparse points and encrypted files cannot be staged; they stay in the image as they are. */
    private static boolean stageable(Dentry dentry) {
        return !dentry.isReparsePoint() && !(dentry.isEncrypted() && !dentry.isDirectory());
    }

    private Path extract(Dentry entry, Path folder) throws IOException {
        Path target = folder.resolve(entry.name());
        if (entry.isDirectory()) {
            Files.createDirectory(target);
        } else {
            Sha1Digest data = entry.unnamedData();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                if (!data.isZero()) {
                    LookupEntry stream = wim.lookupTable().find(data).orElseThrow(() -> new WimFormatException(
                            "the file " + entry.path() + " of image " + index + " has data with SHA-1 " + data
                                    + ", which the lookup table of " + wim.path() + " does not list; the WIM file is damaged"));
                    wim.resourceReader().transferTo(stream, out);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            FileTime modified = FileTime.from(entry.lastWriteTime());
            Files.setLastModifiedTime(target, modified);
            extractedFiles.put(target, new ExtractedFile(Files.size(target), Files.getLastModifiedTime(target, NOFOLLOW)));
        }
        originals.put(target, entry);
        extracted.put(entry, target);
        return target;
    }

    /** True when a staged file was changed, added or deleted since it was extracted. */
    public boolean hasChanges() throws IOException {
        checkOpen();
        return changed(original.root(), staging);
    }

    private boolean changed(Dentry directory, Path folder) throws IOException {
        Set<Path> known = new HashSet<>();
        for (Dentry child : directory.children()) {
            Path path = extracted.get(child);
            if (path == null) {
                continue;
            }
            known.add(path);
            if (!Files.exists(path, NOFOLLOW) || (child.isDirectory() ? changed(child, path) : fileChanged(path))) {
                return true;
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!known.contains(entry)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean fileChanged(Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        ExtractedFile before = extractedFiles.get(path);
        return !attributes.isRegularFile() || attributes.size() != before.size()
                || !attributes.lastModifiedTime().equals(before.modified());
    }

    /**
     * Writes what changed back into the WIM file as the same image, in place (see the class comment); does nothing
     * when nothing changed. The staging folder stays as it is, so servicing can go on and commit again.
     *
     * @param integrity whether the file gets an integrity table (it keeps one it has either way)
     */
    public CommitResult commit(boolean integrity, WriteProgress progress) throws IOException {
        return commit(integrity, progress, stage -> { });
    }

    CommitResult commit(boolean integrity, WriteProgress progress, WimWriter.Checkpoint checkpoint)
            throws IOException {
        checkOpen();
        if (!hasChanges()) {
            return new CommitResult(original.directoryCount(), original.fileCount(), 0, 0, 0, 0, List.of());
        }
        try (WimWriter writer = WimWriter.replaceInPlace(wim.path(), index,
                integrity || WimWriter.hasIntegrityTable(wim))) {
            writer.checkpoint(checkpoint);
            MetadataCarryOver carryOver = new MetadataCarryOver(writer, original, true);
            bytesRead = 0;
            Dentry root = merge(original.root(), staging, carryOver, writer);
            progress.bytesWritten(bytesRead, bytesRead);
            carryOver.keepStreams(root);
            List<byte[]> descriptors = new ArrayList<>();
            for (int i = 0; i < original.securityData().count(); i++) {
                descriptors.add(original.securityData().descriptor(i));
            }
            writer.replaceImage(index, root, descriptors);
            ImageStatistics statistics = ImageStatistics.of(root, writer::streamSize);
            CommitResult result = new CommitResult(statistics.directories(), statistics.files(), bytesRead,
                    writer.encodedStreams(), writer.encodedBytes(), 0, List.of());
            writer.commit();
            committed = true;
            return result;
        }
    }

    /**
     * The new tree of a folder: entries never extracted stay as they are, extracted ones that were deleted go,
     * changed files get their new data (through the carry-over rules of a commit), new entries are captured.
     */
    private Dentry merge(Dentry directory, Path folder, MetadataCarryOver carryOver, WimWriter writer)
            throws IOException {
        List<Dentry> children = new ArrayList<>();
        Set<Path> claimed = new HashSet<>();
        for (Dentry child : directory.children()) {
            Path path = extracted.get(child);
            if (path == null) {
                children.add(child);
                continue;
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
            } catch (NoSuchFileException e) {
                continue; // deleted
            }
            if (child.isDirectory() && attributes.isDirectory()) {
                claimed.add(path);
                children.add(merge(child, path, carryOver, writer));
            } else if (!child.isDirectory() && attributes.isRegularFile()) {
                claimed.add(path);
                if (!fileChanged(path)) {
                    children.add(child);
                } else {
                    bytesRead += attributes.size();
                    children.add(carryOver.entry(DirectoryCapture.captureEntry(writer, path), child,
                            directory.attributes()));
                }
            }
        }
        List<Path> added = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!claimed.contains(entry)) {
                    added.add(entry);
                }
            }
        }
        for (Path entry : added) {
            Dentry fresh = DirectoryCapture.captureEntry(writer, entry);
            bytesRead += Files.isRegularFile(entry, NOFOLLOW) ? Files.size(entry) : 0;
            children.add(carryOver.entry(fresh, null, directory.attributes()));
        }
        children.sort((a, b) -> MetadataResourceWriter.compareNames(a.name(), b.name()));
        return directory.withChildren(children);
    }

    private void checkOpen() {
        if (closed || committed) {
            throw new IllegalStateException("the staged image " + description() + " is "
                    + (closed ? "closed" : "committed; open it again to go on"));
        }
    }

    /** Closes the WIM file and deletes the staging folder with everything in it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (FileChannel lock = lockChannel; WimFile file = wim) {
            LocalTrees.deleteTree(staging);
            TemporaryFiles.done(staging);
        }
    }
}
