package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Captures a directory tree of the local file system as a new image of a WIM file being written: directories,
 * regular files (their data stored once per content), empty files, hard links (names of one inode become one hard
 * link group) and symbolic links (stored as symbolic-link reparse points, as wimlib stores them). Last write and
 * access times come from the file system; the creation time is the last write time, as POSIX keeps no creation
 * time. Files get FILE_ATTRIBUTE_NORMAL, directories FILE_ATTRIBUTE_DIRECTORY, and no entry has a security
 * descriptor. Other kinds of files (sockets, pipes, devices) and names Windows cannot hold are left out with a
 * warning. A {@link CaptureConfiguration} leaves out what its exclusion list matches (without a warning: the result
 * lists them) and stores the files its compression exclusion list matches as uncompressed resources.
 */
public final class DirectoryCapture {
    static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    /** SYMLINK_FLAG_RELATIVE of a symbolic link's reparse data. */
    private static final int SYMLINK_FLAG_RELATIVE = 1;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final WimWriter writer;
    private final CaptureConfiguration configuration;
    private final WriteProgress progress;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private final Map<Object, Integer> linkCounts = new HashMap<>();
    private final Map<Object, Long> groupIds = new HashMap<>();
    private final Map<Object, Sha1Digest> inodeData = new HashMap<>();
    /** The captured directory (as given and as resolved) when absolute link targets inside it are fixed up. */
    private List<Path> fixupRoots = List.of();
    /** Small files read, hashed and compressed ahead of {@link #store}, on the writer's worker threads. */
    private Prefetch prefetch = Prefetch.NONE;
    private long totalBytes;
    private long bytesDone;
    private long directories;
    private long files;

    /**
     * A file found by the scan, before its data is stored.
     *
     * @param compress false when the configuration stores the file's data uncompressed
     */
    private record Node(Path path, String name, BasicFileAttributes attributes, Object inode, boolean compress,
            List<Node> children) {
    }

    private DirectoryCapture(WimWriter writer, CaptureConfiguration configuration, WriteProgress progress) {
        this.writer = writer;
        this.configuration = configuration;
        this.progress = progress;
    }

    /**
     * Captures {@code directory}, all of it, as a new image of the file being written.
     *
     * @throws NotDirectoryException when {@code directory} is not a directory
     * @throws IllegalArgumentException when the file already has an image of this name
     * @throws IOException when a file cannot be read
     */
    public static CaptureResult capture(WimWriter writer, Path directory, String name, String description,
            WriteProgress progress) throws IOException {
        return capture(writer, directory, name, description, CaptureConfiguration.NONE, progress);
    }

    /**
     * Captures {@code directory} as a new image of the file being written, leaving out and storing uncompressed
     * what {@code configuration} says (DISM uses {@link CaptureConfiguration#DISM_DEFAULT} when given no list).
     *
     * @throws NotDirectoryException when {@code directory} is not a directory
     * @throws IllegalArgumentException when the file already has an image of this name
     * @throws IOException when a file cannot be read
     */
    public static CaptureResult capture(WimWriter writer, Path directory, String name, String description,
            CaptureConfiguration configuration, WriteProgress progress) throws IOException {
        return capture(writer, directory, name, description, configuration, false, progress);
    }

    /**
     * Captures {@code directory} like {@link #capture(WimWriter, Path, String, String, CaptureConfiguration,
     * WriteProgress)}; with {@code reparsePointFixup} (DISM's and wimlib's default, off with DISM's /NoRpFix) a
     * symbolic link with an absolute target inside {@code directory} is stored relative to the image's root
     * ("\??\C:\Windows\System32") and marked fixed, so that it points into wherever the image is applied.
     */
    public static CaptureResult capture(WimWriter writer, Path directory, String name, String description,
            CaptureConfiguration configuration, boolean reparsePointFixup, WriteProgress progress)
            throws IOException {
        writer.checkNewName(name);
        if (reparsePointFixup) {
            writer.markReparsePointFixup();
        }
        Tree tree = captureTree(writer, directory, configuration, reparsePointFixup, progress);
        writer.addImage(tree.root(), List.of(), name, description);
        return tree.result();
    }

    /** A captured directory tree whose data is stored, not yet an image, and what capturing it found. */
    record Tree(Dentry root, CaptureResult result) {
    }

    /**
     * Stores the data of {@code directory}'s files and returns its tree as directory entries, with the attributes,
     * times and hard link groups this class gives (hard link group ids are 1, 2, ... by first name in tree order).
     *
     * @throws NotDirectoryException when {@code directory} is not a directory
     */
    static Tree captureTree(WimWriter writer, Path directory, WriteProgress progress) throws IOException {
        return captureTree(writer, directory, CaptureConfiguration.NONE, progress);
    }

    /** Like {@link #captureTree(WimWriter, Path, WriteProgress)}, leaving out what the configuration excludes. */
    static Tree captureTree(WimWriter writer, Path directory, CaptureConfiguration configuration,
            WriteProgress progress) throws IOException {
        return captureTree(writer, directory, configuration, false, progress);
    }

    private static Tree captureTree(WimWriter writer, Path directory, CaptureConfiguration configuration,
            boolean reparsePointFixup, WriteProgress progress) throws IOException {
        BasicFileAttributes rootAttributes = Files.readAttributes(directory, BasicFileAttributes.class);
        if (!rootAttributes.isDirectory()) {
            throw new NotDirectoryException(directory.toString());
        }
        DirectoryCapture capture = new DirectoryCapture(writer, configuration, progress);
        if (reparsePointFixup) {
            capture.fixupRoots = List.of(directory.toAbsolutePath().normalize(), directory.toRealPath());
        }
        Node root = new Node(directory, "", rootAttributes, null, true, new ArrayList<>());
        capture.scan(root, 1, new ArrayList<>(), false, false);
        capture.prefetch = new Prefetch(writer, root);
        Dentry rootEntry = capture.store(root);
        return new Tree(rootEntry, new CaptureResult(capture.directories, capture.files, capture.bytesDone,
                capture.warnings, capture.excluded));
    }

    /**
     * Stores one file, symbolic link or directory (with its tree) and returns its entry, as {@link #captureTree}
     * gives them; hard link groups are counted within this entry only.
     */
    static Dentry captureEntry(WimWriter writer, Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        DirectoryCapture capture = new DirectoryCapture(writer, CaptureConfiguration.NONE, (done, total) -> { });
        Node node = new Node(path, path.getFileName().toString(), attributes,
                attributes.isRegularFile() ? inodeOf(path, attributes) : null, true, new ArrayList<>());
        if (attributes.isDirectory()) {
            capture.scan(node, 1, new ArrayList<>(), false, false);
        } else if (attributes.isRegularFile()) {
            capture.linkCounts.put(node.inode(), 1);
        } else if (!attributes.isSymbolicLink()) {
            throw new IOException(path + ": not a file, directory or symbolic link (a socket, pipe or device)");
        }
        capture.prefetch = new Prefetch(writer, node);
        return capture.store(node);
    }

    /**
     * Lists the tree below a directory, in the order Windows lists directories, counting the names of inodes and
     * leaving out what the configuration excludes.
     *
     * @param imagePath the names from the capture root to the directory; a child's name is added while it is looked at
     * @param excludedAbove whether the directory is excluded and kept only for exceptions below it
     * @param keptAbove whether an exception matches the directory or one above it (nothing below is excluded)
     */
    private void scan(Node directory, int depth, List<String> imagePath, boolean excludedAbove, boolean keptAbove)
            throws IOException {
        if (depth > ImageMetadata.MAX_DEPTH) {
            throw new IOException("the directory " + directory.path() + " is nested more than "
                    + ImageMetadata.MAX_DEPTH + " levels deep");
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory.path())) {
            stream.forEach(entries::add);
        }
        entries.sort((a, b) -> MetadataResourceWriter.compareNames(a.getFileName().toString(),
                b.getFileName().toString()));
        for (Path path : entries) {
            String name = path.getFileName().toString();
            imagePath.add(name);
            try {
                scanEntry(directory, path, name, depth, imagePath, excludedAbove, keptAbove);
            } finally {
                imagePath.remove(imagePath.size() - 1);
            }
        }
    }

    /** Looks at one entry of a directory being scanned: leaves it out, or adds it (and its tree) to the directory. */
    private void scanEntry(Node directory, Path path, String name, int depth, List<String> imagePath,
            boolean excludedAbove, boolean keptAbove) throws IOException {
        boolean kept = keptAbove || configuration.matchesException(imagePath);
        boolean excludedHere = !kept && (excludedAbove || configuration.matchesExclusion(imagePath));
        if (excludedHere && !(configuration.mayMatchExceptionBelow(imagePath) && Files.isDirectory(path, NOFOLLOW))) {
            excluded.add(windowsPath(imagePath));
            return;
        }
        if (name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\uFFFD') >= 0) {
            warnings.add(path + ": the name holds a character a WIM image cannot hold (\\, : or bytes that"
                    + " are not UTF-8); not captured");
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        if (attributes.isOther()) {
            warnings.add(path + ": not a file, directory or symbolic link (a socket, pipe or device); not captured");
            return;
        }
        boolean regular = attributes.isRegularFile();
        Node node = new Node(path, name, attributes, regular ? inodeOf(path, attributes) : null,
                !regular || !configuration.storesUncompressed(imagePath), new ArrayList<>());
        if (attributes.isDirectory()) {
            int excludedBefore = excluded.size();
            scan(node, depth + 1, imagePath, excludedHere, kept);
            if (excludedHere && node.children().isEmpty()) {
                // kept for exceptions below it, but none matched: it is left out as a whole after all
                excluded.subList(excludedBefore, excluded.size()).clear();
                excluded.add(windowsPath(imagePath));
                return;
            }
        } else if (regular && linkCounts.merge(node.inode(), 1, Integer::sum) == 1) {
            totalBytes += attributes.size();
        }
        directory.children().add(node);
    }

    /** The path of an entry in the image, from its names: "\Windows\CSC". */
    private static String windowsPath(List<String> imagePath) {
        return "\\" + String.join("\\", imagePath);
    }

    private static Object inodeOf(Path path, BasicFileAttributes attributes) throws IOException {
        Object key = attributes.fileKey();
        if (key != null) {
            return key;
        }
        return path.toRealPath(NOFOLLOW); // no inode numbers on this platform: every name is its own file
    }

    /** Stores the data of a node's tree and returns its directory entry. */
    private Dentry store(Node node) throws IOException {
        BasicFileAttributes a = node.attributes();
        Instant lastWrite = a.lastModifiedTime().toInstant();
        Instant lastAccess = a.lastAccessTime().toInstant();
        if (a.isDirectory()) {
            directories++;
            List<Dentry> children = new ArrayList<>(node.children().size());
            for (Node child : node.children()) {
                children.add(store(child));
            }
            return dentry(node, Dentry.FILE_ATTRIBUTE_DIRECTORY, lastWrite, lastAccess, Sha1Digest.ZERO, 0, 0,
                    List.of(), children);
        }
        files++;
        if (a.isSymbolicLink()) {
            Path target = Files.readSymbolicLink(node.path());
            Path inside = insideCapturedTree(target);
            Sha1Digest reparse = writer.storeBytes(symlinkReparseData(inside != null
                    ? "/" + inside.toString() : target.toString()));
            int attributes = Dentry.FILE_ATTRIBUTE_REPARSE_POINT
                    | (Files.isDirectory(node.path()) ? Dentry.FILE_ATTRIBUTE_DIRECTORY : 0);
            return new Dentry(0, node.name(), node.name(), "", attributes, -1, 0, lastWrite, lastAccess, lastWrite,
                    Sha1Digest.ZERO, Dentry.IO_REPARSE_TAG_SYMLINK, inside != null ? 0 : Dentry.RP_FLAG_NOT_FIXED, 0,
                    List.of(new StreamEntry("", reparse), new StreamEntry("", Sha1Digest.ZERO)), List.of());
        }
        Sha1Digest data = inodeData.get(node.inode());
        if (data == null) {
            Future<ResourceEncoder.Prepared> prepared = prefetch.take(node);
            data = prepared != null ? writer.storePrepared(prepared, node.path(), a.size(), node.compress())
                    : writer.storeFile(node.path(), a.size(), node.compress());
            inodeData.put(node.inode(), data);
            bytesDone += a.size();
            progress.bytesWritten(bytesDone, totalBytes);
        }
        long group = 0;
        if (linkCounts.get(node.inode()) > 1) {
            group = groupIds.computeIfAbsent(node.inode(), k -> (long) groupIds.size() + 1);
        }
        return dentry(node, FILE_ATTRIBUTE_NORMAL, lastWrite, lastAccess, data, 0, group, List.of(), List.of());
    }

    /**
     * With reparse point fixups, an absolute link target inside the captured directory relative to it ("" for the
     * directory itself); else null.
     */
    private Path insideCapturedTree(Path target) {
        if (!target.isAbsolute()) {
            return null;
        }
        Path normal = target.normalize();
        for (Path root : fixupRoots) {
            if (normal.startsWith(root)) {
                return root.relativize(normal);
            }
        }
        return null;
    }

    private static Dentry dentry(Node node, int attributes, Instant lastWrite, Instant lastAccess, Sha1Digest hash,
            int reparseTag, long group, List<StreamEntry> streams, List<Dentry> children) {
        return new Dentry(0, node.name().isEmpty() ? "\\" : node.name(), node.name(), "", attributes, -1, 0, lastWrite,
                lastAccess, lastWrite, hash, reparseTag, group, streams, children);
    }

    /**
     * Starts reading, hashing and compressing the small files of a tree on the writer's worker threads, a window
     * ahead of {@link #store}, which takes them in the same order (each inode's first name, depth first), so that
     * capturing many small files uses every processor while the files are still stored in tree order.
     */
    private static final class Prefetch {
        static final Prefetch NONE = new Prefetch();
        /** Files in flight at most, and their bytes at most (but always one file). */
        private static final int WINDOW = 64;
        private static final long WINDOW_BYTES = 16 << 20;

        private final WimWriter writer;
        private final List<Node> order = new ArrayList<>();
        private final Map<Node, Future<ResourceEncoder.Prepared>> pending = new IdentityHashMap<>();
        private int submitted;
        private int taken;
        private long bytesInFlight;

        private Prefetch() {
            this.writer = null;
        }

        Prefetch(WimWriter writer, Node root) {
            this.writer = writer;
            collect(root, new HashSet<>());
        }

        private void collect(Node node, Set<Object> inodes) {
            BasicFileAttributes a = node.attributes();
            if (a.isDirectory()) {
                for (Node child : node.children()) {
                    collect(child, inodes);
                }
            } else if (a.isRegularFile() && a.size() > 0 && inodes.add(node.inode())) {
                order.add(node);
            }
        }

        /** The prepared data of this file, when it was prepared ahead; null when it is to be stored as usual. */
        Future<ResourceEncoder.Prepared> take(Node node) throws IOException {
            if (writer == null) {
                return null;
            }
            while (submitted < order.size() && submitted < taken + WINDOW && (bytesInFlight == 0
                    || bytesInFlight + order.get(submitted).attributes().size() <= WINDOW_BYTES)) {
                Node next = order.get(submitted++);
                Optional<Future<ResourceEncoder.Prepared>> future = writer.prepareFile(next.path(),
                        next.attributes().size(), next.compress());
                if (future.isPresent()) {
                    pending.put(next, future.get());
                    bytesInFlight += next.attributes().size();
                }
            }
            if (node.attributes().size() > 0) {
                taken++; // the next file of the order
            }
            Future<ResourceEncoder.Prepared> prepared = pending.remove(node);
            if (prepared != null) {
                bytesInFlight -= node.attributes().size();
            }
            return prepared;
        }
    }

    /**
     * The reparse data (without its 8-byte tag and length header, as WIM files store it) of a symbolic link to this
     * POSIX target: a relative link keeps its path with backslashes; an absolute one becomes "\??\C:\path" (print
     * name "C:\path"), as wimlib writes them.
     */
    static byte[] symlinkReparseData(String target) {
        String windows = target.replace('/', '\\');
        boolean relative = !target.startsWith("/");
        String drivePath = windows.equals("\\") ? "" : windows; // "/" is the drive itself: "C:", as wimlib writes it
        String substitute = relative ? windows : "\\??\\C:" + drivePath;
        String print = relative ? windows : "C:" + drivePath;
        byte[] sub = substitute.getBytes(StandardCharsets.UTF_16LE);
        byte[] prn = print.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer out = ByteBuffer.allocate(12 + sub.length + 2 + prn.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) sub.length);
        out.putShort((short) (sub.length + 2)).putShort((short) prn.length);
        out.putInt(relative ? SYMLINK_FLAG_RELATIVE : 0);
        out.put(sub).putShort((short) 0).put(prn).putShort((short) 0);
        return out.array();
    }
}
