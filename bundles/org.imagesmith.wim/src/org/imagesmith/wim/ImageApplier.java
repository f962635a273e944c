package org.imagesmith.wim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies (extracts) an image of a WIM file to a directory: its directories, files with the data of their unnamed
 * streams, hard links and last write and access times. What a POSIX file system cannot hold (reparse points,
 * alternate data streams, encrypted files) is left out and listed in the result. Every name is checked before
 * anything is written, each stream's SHA-1 digest while it is written, and no symbolic link in the target is
 * followed. Files are written on one thread per processor; hard links and directory times follow them.
 */
public final class ImageApplier {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** More threads than this gain nothing: the file system's work on one directory tree does not spread further. */
    private static final int MAX_WRITER_THREADS = 8;

    private final WimFile wim;
    private final ApplyOptions options;
    private final ImageMetadata metadata;
    private final Map<Dentry, LookupEntry> data = new IdentityHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final Map<Long, Path> linkTargets = new HashMap<>();
    private final Map<Long, Sha1Digest> linkData = new HashMap<>();
    /** Hard links to make once every file is written. */
    private final List<HardLink> pendingLinks = new ArrayList<>();
    /** Directories in the order their times are set: children before their parent. */
    private final List<DirectoryTimes> directoryTimes = new ArrayList<>();
    private final Object progressLock = new Object();
    private ResourceReaderPool writers;
    private long totalBytes;
    private long bytesDone;
    private long directories;
    private long files;
    private long hardLinks;

    private ImageApplier(WimFile wim, ImageMetadata metadata, ApplyOptions options) {
        this.wim = wim;
        this.metadata = metadata;
        this.options = options;
    }

    /**
     * Applies the image with this 1-based index to {@code target}, creating it when missing.
     *
     * @throws IllegalArgumentException when the file has no such image
     * @throws WimFormatException when the image's metadata is damaged or hostile (then nothing is written), or a
     *             stream's data is damaged
     * @throws DirectoryNotEmptyException when the target holds files and {@link ApplyOptions#overwrite()} is off
     * @throws FileSystemException when the target holds a symbolic link, or a file where the image has a directory
     *             (or the reverse), at a path the image uses
     */
    public static ApplyResult apply(WimFile wim, int imageIndex, Path target, ApplyOptions options) throws IOException {
        ImageMetadata metadata = ImageMetadata.parse(wim.readMetadataResource(imageIndex));
        ImageApplier applier = new ImageApplier(wim, metadata, options);
        applier.plan();
        Path root = prepareTarget(target, options.overwrite());
        int threads = Math.min(MAX_WRITER_THREADS, Runtime.getRuntime().availableProcessors());
        try (ResourceReaderPool writers = new ResourceReaderPool(wim, threads)) {
            applier.writers = writers;
            applier.applyDirectory(metadata.root(), root);
            writers.finish();
        }
        for (HardLink link : applier.pendingLinks) {
            Files.createLink(link.path(), link.existing());
        }
        for (DirectoryTimes directory : applier.directoryTimes) {
            setTimes(directory.path(), directory.dentry());
        }
        return new ApplyResult(applier.directories, applier.files, applier.hardLinks, applier.bytesDone,
                applier.skipped);
    }

    /** Finds every stream the image needs in the lookup table and lists what will be left out, writing nothing. */
    private void plan() throws IOException {
        LookupTable table = wim.lookupTable();
        Map<Long, Boolean> countedGroups = new HashMap<>();
        for (Dentry dentry : metadata.entries()) {
            if (dentry.isReparsePoint()) {
                skipped.add(dentry.path() + ": reparse point (" + reparseKind(dentry.reparseTag())
                        + "), which this file system cannot hold; not created");
                continue;
            }
            if (dentry.isEncrypted() && !dentry.isDirectory()) {
                skipped.add(dentry.path() + ": encrypted file (EFS), whose raw data only Windows can restore;"
                        + " not created");
                continue;
            }
            for (StreamEntry stream : dentry.namedStreams()) {
                skipped.add(dentry.path() + ":" + stream.name() + ": alternate data stream, which this file system"
                        + " cannot hold; not written");
            }
            if (dentry.isDirectory() || dentry.unnamedData().isZero()) {
                continue;
            }
            Sha1Digest hash = dentry.unnamedData();
            LookupEntry entry = table.find(hash).orElseThrow(() -> new WimFormatException("the file " + dentry.path()
                    + " of the image has data with SHA-1 " + hash + ", which the lookup table of " + wim.path()
                    + " does not list; " + (wim.hasAllParts() ? "the WIM file is damaged"
                            : "the file is part 1 of a split WIM of " + wim.header().totalParts() + " parts, and the"
                                    + " data lies in another part: open it with its other parts")));
            data.put(dentry, entry);
            if (dentry.hardLinkGroupId() == 0 || countedGroups.putIfAbsent(dentry.hardLinkGroupId(), true) == null) {
                totalBytes += entry.size();
            }
        }
    }

    private static String reparseKind(int tag) {
        return switch (tag) {
            case Dentry.IO_REPARSE_TAG_SYMLINK -> "symbolic link";
            case Dentry.IO_REPARSE_TAG_MOUNT_POINT -> "junction";
            default -> "reparse tag 0x" + Integer.toHexString(tag).toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static Path prepareTarget(Path target, boolean overwrite) throws IOException {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new FileSystemException(target.toString(), null, "the target is a file, not a directory");
            }
            if (!overwrite) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                    if (entries.iterator().hasNext()) {
                        throw new DirectoryNotEmptyException(target.toString());
                    }
                }
            }
        } else {
            Files.createDirectories(target);
        }
        return target.toRealPath();
    }

    private void applyDirectory(Dentry directory, Path path) throws IOException {
        for (Dentry child : directory.children()) {
            if (child.isReparsePoint() || (child.isEncrypted() && !child.isDirectory())) {
                continue;
            }
            Path childPath = resolve(path, child);
            if (child.isDirectory()) {
                makeDirectory(childPath);
                applyDirectory(child, childPath);
            } else {
                applyFile(child, childPath);
            }
        }
        directoryTimes.add(new DirectoryTimes(path, directory));
    }

    /** The child's path below {@code directory}, checking once more that its name stays inside it. */
    private static Path resolve(Path directory, Dentry child) throws WimFormatException {
        Path path = directory.resolve(child.name());
        if (!directory.equals(path.getParent()) || !path.getFileName().toString().equals(child.name())) {
            throw new WimFormatException("the name of " + child.path() + " would place it outside its directory");
        }
        return path;
    }

    private void makeDirectory(Path path) throws IOException {
        if (Files.exists(path, NOFOLLOW)) {
            BasicFileAttributes existing = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
            if (existing.isSymbolicLink()) {
                throw symbolicLink(path);
            }
            if (existing.isDirectory()) {
                directories++;
                return;
            }
            throw new FileSystemException(path.toString(), null, "the target holds a file where the image has a"
                    + " directory; remove it or apply into an empty directory");
        }
        Files.createDirectory(path);
        directories++;
    }

    private void applyFile(Dentry dentry, Path path) throws IOException {
        clearSlot(path);
        long group = dentry.hardLinkGroupId();
        Path linkTarget = group == 0 ? null : linkTargets.get(group);
        if (linkTarget != null && linkData.get(group).equals(dentry.unnamedData())) {
            pendingLinks.add(new HardLink(path, linkTarget));
            hardLinks++;
            return;
        }
        if (linkTarget != null) {
            skipped.add(dentry.path() + ": hard link group " + group + " holds files of different data; written as"
                    + " a separate file");
        }
        LookupEntry entry = data.get(dentry);
        writers.submit(reader -> {
            writeFile(reader, entry, path);
            setTimes(path, dentry);
        });
        files++;
        if (group != 0 && linkTarget == null) {
            linkTargets.put(group, path);
            linkData.put(group, dentry.unnamedData());
        }
    }

    /** With overwrite on, removes a file that is in the way; never a directory or through a symbolic link. */
    private void clearSlot(Path path) throws IOException {
        if (!Files.exists(path, NOFOLLOW)) {
            return;
        }
        BasicFileAttributes existing = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        if (existing.isSymbolicLink()) {
            throw symbolicLink(path);
        }
        if (existing.isDirectory()) {
            throw new FileSystemException(path.toString(), null, "the target holds a directory where the image has"
                    + " a file; remove it or apply into an empty directory");
        }
        // a new file, not the old one truncated: the old one may be a hard link to a file outside the target
        Files.delete(path);
    }

    private static FileSystemException symbolicLink(Path path) {
        return new FileSystemException(path.toString(), null, "the target holds a symbolic link where the image has"
                + " a file or directory; links in the target are not followed; remove it or apply into an empty"
                + " directory");
    }

    /** Creates the file and writes the stream's data into it (none for an empty file); runs on a worker thread. */
    private void writeFile(ResourceReader reader, LookupEntry entry, Path path) throws IOException {
        boolean done = false;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            if (entry != null) {
                reader.transferTo(entry, new ChannelOutput(channel));
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void setTimes(Path path, Dentry dentry) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW).setTimes(
                FileTime.from(dentry.lastWriteTime()), FileTime.from(dentry.lastAccessTime()), null);
    }

    /** A hard link to make at {@code path} to the file written at {@code existing}. */
    private record HardLink(Path path, Path existing) {
    }

    /** A directory whose times are set once everything inside it is written. */
    private record DirectoryTimes(Path path, Dentry dentry) {
    }

    /** Writes into a file's channel and reports the progress (one report at a time, from any thread). */
    private final class ChannelOutput extends OutputStream {
        private final FileChannel channel;

        ChannelOutput(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            synchronized (progressLock) {
                bytesDone += len;
                options.progress().bytesApplied(bytesDone, totalBytes);
            }
        }
    }
}
