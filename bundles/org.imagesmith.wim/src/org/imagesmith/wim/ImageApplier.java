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
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies (extracts) an image of a WIM file to a directory: its directories, files with the data of their unnamed
 * streams, hard links, symbolic links and junctions (as symbolic links, made last, so nothing is written through
 * them) and last write and access times. What a POSIX file system cannot hold (other reparse points, alternate data
 * streams, encrypted files) is left out and listed in the result. Every name is checked before
 * anything is written, each stream's SHA-1 digest while it is written, and no symbolic link in the target is
 * followed. Files are written on one thread per processor in the order their data lies in the WIM file, each stream
 * decompressed once for all the files that hold it; hard links and directory times follow them.
 */
public final class ImageApplier {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** More threads than this gain nothing: the file system's work on one directory tree does not spread further. */
    private static final int MAX_WRITER_THREADS = 8;
    /** A worker's share of the work: streams until this many bytes of files, or this many streams. */
    private static final long BATCH_BYTES = 1 << 20;
    private static final int BATCH_STREAMS = 128;
    /** Files that hold the same data are written at once, this many at a time. */
    private static final int MAX_OPEN_FILES = 64;

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
    /** The files to write, by the stream that holds their data. */
    private final Map<LookupEntry, List<FileTarget>> targets = new IdentityHashMap<>();
    private final List<FileTarget> emptyFiles = new ArrayList<>();
    /** Symbolic links to make once everything else is written. */
    private final List<FileTarget> links = new ArrayList<>();
    private final Object progressLock = new Object();
    /** False when the target was empty, so that nothing the apply meets there needs checking. */
    private boolean checkExisting = true;
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
     * @throws ProtectedFolderException when the target is the root folder or the user's home folder
     * @throws DirectoryNotEmptyException when the target holds files and {@link ApplyOptions#overwrite()} is off
     * @throws FileSystemException when the target holds a symbolic link, or a file where the image has a directory
     *             (or the reverse), at a path the image uses
     */
    public static ApplyResult apply(WimFile wim, int imageIndex, Path target, ApplyOptions options) throws IOException {
        ProtectedFolderException.refuse(target, "the target directory");
        ImageMetadata metadata = ImageMetadata.parse(wim.readMetadataResource(imageIndex));
        ImageApplier applier = new ImageApplier(wim, metadata, options);
        applier.plan();
        Path root = prepareTarget(target, options.overwrite());
        // without overwrite the target was empty: everything in it is what this apply creates, checked no further
        applier.checkExisting = options.overwrite();
        applier.applyDirectory(metadata.root(), root);
        int threads = Math.min(MAX_WRITER_THREADS, Runtime.getRuntime().availableProcessors());
        try (ResourceReaderPool writers = new ResourceReaderPool(wim, threads)) {
            applier.writeFiles(writers);
            writers.finish();
        }
        for (HardLink link : applier.pendingLinks) {
            Files.createLink(link.path(), link.existing());
        }
        applier.createSymbolicLinks(root);
        for (DirectoryTimes directory : applier.directoryTimes) {
            setTimes(directory.path(), directory.dentry());
        }
        return new ApplyResult(applier.directories, applier.files, applier.hardLinks, applier.bytesDone,
                applier.skipped);
    }

    /** Whether a reparse point becomes a symbolic link: a symbolic link or junction, when the options say so. */
    private boolean createsLink(Dentry dentry) {
        return options.symbolicLinks() && (dentry.reparseTag() == Dentry.IO_REPARSE_TAG_SYMLINK
                || dentry.reparseTag() == Dentry.IO_REPARSE_TAG_MOUNT_POINT);
    }

    /**
     * Creates the symbolic links, last, so that nothing is written through them: a relative target as it is, an
     * absolute one below the target directory when capture fixed it to the captured directory (as wimlib's
     * default "rpfix" does), else as it is; targets no POSIX path can name are left out and listed.
     */
    private void createSymbolicLinks(Path root) throws IOException {
        Map<Sha1Digest, LookupEntry> entries = new HashMap<>();
        for (FileTarget link : links) {
            Sha1Digest hash = link.dentry().reparseData().orElse(Sha1Digest.ZERO);
            if (!hash.isZero()) {
                entries.put(hash, wim.lookupTable().find(hash).orElseThrow(() -> new WimFormatException("the"
                        + " reparse data of " + link.dentry().path() + " has SHA-1 " + hash + ", which the lookup table"
                        + " of " + wim.path() + " does not list; the WIM file is damaged")));
            }
        }
        ResourceReader reader = wim.resourceReader();
        Map<Sha1Digest, byte[]> data = new HashMap<>();
        for (LookupEntry entry : reader.inReadOrder(entries.values())) {
            data.put(entry.hash(), reader.readStream(entry));
        }
        boolean rpFix = (wim.header().flags() & WimHeader.FLAG_RP_FIX) != 0;
        for (FileTarget link : links) {
            Dentry dentry = link.dentry();
            byte[] reparse = data.getOrDefault(dentry.reparseData().orElse(Sha1Digest.ZERO), new byte[0]);
            ReparseData parsed = ReparseData.parse(dentry.reparseTag(), reparse, dentry.path());
            Optional<String> target = parsed.posixTarget(root.toString(),
                    rpFix && (dentry.reparseFlags() & Dentry.RP_FLAG_NOT_FIXED) == 0);
            if (target.isEmpty()) {
                skipped.add(dentry.path() + ": " + reparseKind(dentry.reparseTag()) + " to \"" + parsed.substituteName()
                        + "\", which no path of this system can name; not created");
                files--;
                continue;
            }
            Files.createSymbolicLink(link.path(), Path.of(target.get()));
            setTimes(link.path(), dentry);
        }
    }

    /** Finds every stream the image needs in the lookup table and lists what will be left out, writing nothing. */
    private void plan() throws IOException {
        LookupTable table = wim.lookupTable();
        Map<Long, Boolean> countedGroups = new HashMap<>();
        for (Dentry dentry : metadata.entries()) {
            if (dentry.isReparsePoint()) {
                if (!createsLink(dentry)) {
                    skipped.add(dentry.path() + ": reparse point (" + reparseKind(dentry.reparseTag())
                            + "), which this file system cannot hold; not created");
                }
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
            if (child.isReparsePoint() && createsLink(child)) {
                Path childPath = resolve(path, child);
                clearSlot(childPath, true);
                links.add(new FileTarget(childPath, child));
                files++;
                continue;
            }
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
        if (checkExisting && Files.exists(path, NOFOLLOW)) {
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
        clearSlot(path, false);
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
        FileTarget file = new FileTarget(path, dentry);
        if (entry == null) {
            emptyFiles.add(file);
        } else {
            targets.computeIfAbsent(entry, e -> new ArrayList<>(1)).add(file);
        }
        files++;
        if (group != 0 && linkTarget == null) {
            linkTargets.put(group, path);
            linkData.put(group, dentry.unnamedData());
        }
    }

    /**
     * With overwrite on, removes a file that is in the way (a symbolic link too, where the image has one: removing
     * it does not follow it); never a directory or through a symbolic link.
     */
    private void clearSlot(Path path, boolean forLink) throws IOException {
        if (!checkExisting || !Files.exists(path, NOFOLLOW)) {
            return;
        }
        BasicFileAttributes existing = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        if (existing.isSymbolicLink() && !forLink) {
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

    /**
     * Writes the files in the order their data lies in the WIM file, each stream decompressed once for every file
     * that holds it, in batches of streams that share no chunk with other batches (so that a chunk of a solid
     * resource is decompressed by one worker, once), then the empty files.
     */
    private void writeFiles(ResourceReaderPool writers) throws IOException {
        ResourceReader planner = wim.newResourceReader();
        List<StreamTargets> streams = new ArrayList<>(targets.size());
        for (Map.Entry<LookupEntry, List<FileTarget>> stream : targets.entrySet()) {
            streams.add(new StreamTargets(stream.getKey(), stream.getValue(),
                    planner.readPosition(stream.getKey())));
        }
        streams.sort(Comparator.comparing(StreamTargets::position));
        List<StreamTargets> batch = new ArrayList<>();
        long batchBytes = 0;
        for (StreamTargets stream : streams) {
            if ((batchBytes >= BATCH_BYTES || batch.size() >= BATCH_STREAMS)
                    && !batch.get(batch.size() - 1).position().sharesChunkWith(stream.position())) {
                submitBatch(writers, batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(stream);
            batchBytes += stream.entry().size() * stream.files().size();
        }
        if (!batch.isEmpty()) {
            submitBatch(writers, batch);
        }
        for (int from = 0; from < emptyFiles.size(); from += BATCH_STREAMS) {
            List<FileTarget> empty = emptyFiles.subList(from, Math.min(emptyFiles.size(), from + BATCH_STREAMS));
            writers.submit(reader -> {
                for (FileTarget file : empty) {
                    writeFiles(reader, null, List.of(file));
                }
            });
        }
    }

    private void submitBatch(ResourceReaderPool writers, List<StreamTargets> batch) throws IOException {
        writers.submit(reader -> {
            for (StreamTargets stream : batch) {
                List<FileTarget> files = stream.files();
                for (int from = 0; from < files.size(); from += MAX_OPEN_FILES) {
                    int to = Math.min(files.size(), from + MAX_OPEN_FILES);
                    writeFiles(reader, stream.entry(), files.subList(from, to));
                }
            }
        });
    }

    /**
     * Creates the files and writes the stream's data into all of them at once (none for empty files), then sets
     * their times; on a failure the files are removed. Runs on a worker thread.
     */
    private void writeFiles(ResourceReader reader, LookupEntry entry, List<FileTarget> files) throws IOException {
        FileChannel[] channels = new FileChannel[files.size()];
        boolean done = false;
        try {
            for (int i = 0; i < channels.length; i++) {
                channels[i] = FileChannel.open(files.get(i).path(), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            }
            if (entry != null) {
                reader.transferTo(entry, new ChannelOutput(channels));
            }
            done = true;
        } finally {
            IOException closeFailure = null;
            for (FileChannel channel : channels) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException e) {
                    done = false;
                    closeFailure = closeFailure == null ? e : closeFailure;
                }
            }
            if (!done) {
                for (int i = 0; i < channels.length && channels[i] != null; i++) {
                    Files.deleteIfExists(files.get(i).path());
                }
            }
            if (closeFailure != null) {
                throw closeFailure;
            }
        }
        for (FileTarget file : files) {
            setTimes(file.path(), file.dentry());
        }
    }

    private static void setTimes(Path path, Dentry dentry) throws IOException {
        Files.getFileAttributeView(path, BasicFileAttributeView.class, NOFOLLOW).setTimes(
                FileTime.from(dentry.lastWriteTime()), FileTime.from(dentry.lastAccessTime()), null);
    }

    /** A file to write: where, and the dentry that gives its times. */
    private record FileTarget(Path path, Dentry dentry) {
    }

    /** A stream, the files that hold its data and where it lies in the WIM file. */
    private record StreamTargets(LookupEntry entry, List<FileTarget> files, ResourceReader.ReadPosition position) {
    }

    /** A hard link to make at {@code path} to the file written at {@code existing}. */
    private record HardLink(Path path, Path existing) {
    }

    /** A directory whose times are set once everything inside it is written. */
    private record DirectoryTimes(Path path, Dentry dentry) {
    }

    /** Writes into files' channels and reports the progress (one report at a time, from any thread). */
    private final class ChannelOutput extends OutputStream {
        private final FileChannel[] channels;

        ChannelOutput(FileChannel[] channels) {
            this.channels = channels;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (FileChannel channel : channels) {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            synchronized (progressLock) {
                bytesDone += (long) len * channels.length;
                options.progress().bytesApplied(bytesDone, totalBytes);
            }
        }
    }
}
