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
import java.util.List;
import java.util.Map;

/**
 * Captures a directory tree of the local file system as a new image of a WIM file being written: directories,
 * regular files (their data stored once per content), empty files, hard links (names of one inode become one hard
 * link group) and symbolic links (stored as symbolic-link reparse points, as wimlib stores them). Last write and
 * access times come from the file system; the creation time is the last write time, as POSIX keeps no creation
 * time. Files get FILE_ATTRIBUTE_NORMAL, directories FILE_ATTRIBUTE_DIRECTORY, and no entry has a security
 * descriptor. Other kinds of files (sockets, pipes, devices) and names Windows cannot hold are left out with a
 * warning.
 */
public final class DirectoryCapture {
    static final int FILE_ATTRIBUTE_NORMAL = 0x80;
    /** SYMLINK_FLAG_RELATIVE of a symbolic link's reparse data. */
    private static final int SYMLINK_FLAG_RELATIVE = 1;
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final WimWriter writer;
    private final WriteProgress progress;
    private final List<String> warnings = new ArrayList<>();
    private final Map<Object, Integer> linkCounts = new HashMap<>();
    private final Map<Object, Long> groupIds = new HashMap<>();
    private final Map<Object, Sha1Digest> inodeData = new HashMap<>();
    private long totalBytes;
    private long bytesDone;
    private long directories;
    private long files;

    /** A file found by the scan, before its data is stored. */
    private record Node(Path path, String name, BasicFileAttributes attributes, Object inode, List<Node> children) {
    }

    private DirectoryCapture(WimWriter writer, WriteProgress progress) {
        this.writer = writer;
        this.progress = progress;
    }

    /**
     * Captures {@code directory} as a new image of the file being written.
     *
     * @throws NotDirectoryException when {@code directory} is not a directory
     * @throws IllegalArgumentException when the file already has an image of this name
     * @throws IOException when a file cannot be read
     */
    public static CaptureResult capture(WimWriter writer, Path directory, String name, String description,
            WriteProgress progress) throws IOException {
        writer.checkNewName(name);
        Tree tree = captureTree(writer, directory, progress);
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
        BasicFileAttributes rootAttributes = Files.readAttributes(directory, BasicFileAttributes.class);
        if (!rootAttributes.isDirectory()) {
            throw new NotDirectoryException(directory.toString());
        }
        DirectoryCapture capture = new DirectoryCapture(writer, progress);
        Node root = new Node(directory, "", rootAttributes, null, new ArrayList<>());
        capture.scan(root, 1);
        Dentry rootEntry = capture.store(root);
        return new Tree(rootEntry, new CaptureResult(capture.directories, capture.files, capture.bytesDone,
                capture.warnings));
    }

    /**
     * Stores one file, symbolic link or directory (with its tree) and returns its entry, as {@link #captureTree}
     * gives them; hard link groups are counted within this entry only.
     */
    static Dentry captureEntry(WimWriter writer, Path path) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        DirectoryCapture capture = new DirectoryCapture(writer, (done, total) -> { });
        Node node = new Node(path, path.getFileName().toString(), attributes,
                attributes.isRegularFile() ? inodeOf(path, attributes) : null, new ArrayList<>());
        if (attributes.isDirectory()) {
            capture.scan(node, 1);
        } else if (attributes.isRegularFile()) {
            capture.linkCounts.put(node.inode(), 1);
        } else if (!attributes.isSymbolicLink()) {
            throw new IOException(path + ": not a file, directory or symbolic link (a socket, pipe or device)");
        }
        return capture.store(node);
    }

    /** Lists the tree below a directory, in the order Windows lists directories, counting the names of inodes. */
    private void scan(Node directory, int depth) throws IOException {
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
            if (name.indexOf('\\') >= 0 || name.indexOf(':') >= 0 || name.indexOf('\uFFFD') >= 0) {
                warnings.add(path + ": the name holds a character a WIM image cannot hold (\\, : or bytes that"
                        + " are not UTF-8); not captured");
                continue;
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
            if (attributes.isOther()) {
                warnings.add(path + ": not a file, directory or symbolic link (a socket, pipe or device); not captured");
                continue;
            }
            Node node = new Node(path, name, attributes, attributes.isRegularFile() ? inodeOf(path, attributes) : null,
                    new ArrayList<>());
            directory.children().add(node);
            if (attributes.isDirectory()) {
                scan(node, depth + 1);
            } else if (attributes.isRegularFile()) {
                if (linkCounts.merge(node.inode(), 1, Integer::sum) == 1) {
                    totalBytes += attributes.size();
                }
            }
        }
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
            Sha1Digest reparse = writer.storeBytes(symlinkReparseData(target.toString()));
            int attributes = Dentry.FILE_ATTRIBUTE_REPARSE_POINT
                    | (Files.isDirectory(node.path()) ? Dentry.FILE_ATTRIBUTE_DIRECTORY : 0);
            return dentry(node, attributes, lastWrite, lastAccess, Sha1Digest.ZERO, Dentry.IO_REPARSE_TAG_SYMLINK, 0,
                    List.of(new StreamEntry("", reparse), new StreamEntry("", Sha1Digest.ZERO)), List.of());
        }
        Sha1Digest data = inodeData.get(node.inode());
        if (data == null) {
            data = writer.storeFile(node.path(), a.size());
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

    private static Dentry dentry(Node node, int attributes, Instant lastWrite, Instant lastAccess, Sha1Digest hash,
            int reparseTag, long group, List<StreamEntry> streams, List<Dentry> children) {
        return new Dentry(0, node.name().isEmpty() ? "\\" : node.name(), node.name(), "", attributes, -1, 0, lastWrite,
                lastAccess, lastWrite, hash, reparseTag, group, streams, children);
    }

    /**
     * The reparse data (without its 8-byte tag and length header, as WIM files store it) of a symbolic link to this
     * POSIX target: a relative link keeps its path with backslashes; an absolute one becomes "\??\C:\path" (print
     * name "C:\path"), as wimlib writes them.
     */
    static byte[] symlinkReparseData(String target) {
        String windows = target.replace('/', '\\');
        boolean relative = !target.startsWith("/");
        String substitute = relative ? windows : "\\??\\C:" + windows;
        String print = relative ? windows : "C:" + windows;
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
