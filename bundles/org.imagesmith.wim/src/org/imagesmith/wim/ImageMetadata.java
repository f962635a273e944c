package org.imagesmith.wim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The metadata resource of one image: its {@link SecurityData} and its directory tree of {@link Dentry directory
 * entries}, with lookups by path that ignore case as Windows does. Immutable.
 */
public final class ImageMetadata {
    /** Directories nested deeper than this are refused (Windows paths hold at most 32,767 characters). */
    public static final int MAX_DEPTH = 1024;

    private final SecurityData securityData;
    private final Dentry root;
    private final List<Dentry> entries;
    private final Map<Long, List<Dentry>> hardLinkGroups;

    private ImageMetadata(SecurityData securityData, Dentry root) {
        this.securityData = securityData;
        this.root = root;
        List<Dentry> all = new ArrayList<>();
        Deque<Dentry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Dentry dentry = pending.pop();
            all.add(dentry);
            for (int i = dentry.children().size() - 1; i >= 0; i--) {
                pending.push(dentry.children().get(i));
            }
        }
        this.entries = Collections.unmodifiableList(all);
        Map<Long, List<Dentry>> groups = new LinkedHashMap<>();
        for (Dentry dentry : all) {
            if (dentry.hardLinkGroupId() != 0 && !dentry.isDirectory() && !dentry.isReparsePoint()) {
                groups.computeIfAbsent(dentry.hardLinkGroupId(), id -> new ArrayList<>()).add(dentry);
            }
        }
        groups.replaceAll((id, list) -> List.copyOf(list));
        this.hardLinkGroups = Collections.unmodifiableMap(groups);
    }

    /**
     * Parses an uncompressed metadata resource: the security data, then the root directory entry at the next
     * multiple of 8 bytes, then each directory's entries where its subdirectory offset points.
     *
     * @throws WimFormatException when a length or offset lies outside the resource, directories form a cycle or
     *             share entries, nesting is deeper than {@link #MAX_DEPTH}, or a name cannot be a file name
     */
    public static ImageMetadata parse(byte[] metadata) throws WimFormatException {
        SecurityData securityData = SecurityData.parse(metadata);
        Dentry rootEntry = Dentry.read(metadata, securityData.alignedLength(), "\\").orElseThrow(
                () -> new WimFormatException("the metadata resource has no root directory entry at offset "
                        + securityData.alignedLength() + ", after its security data")).dentry();
        if (!rootEntry.isDirectory()) {
            throw new WimFormatException("the root directory entry of the image (offset " + rootEntry.offset()
                    + ") is not a directory (attributes 0x" + Integer.toHexString(rootEntry.attributes()) + ")");
        }
        rootEntry = new Dentry(rootEntry.offset(), "\\", "", rootEntry.shortName(), rootEntry.attributes(),
                rootEntry.securityId(), rootEntry.subdirOffset(), rootEntry.creationTime(), rootEntry.lastAccessTime(),
                rootEntry.lastWriteTime(), rootEntry.defaultHash(), rootEntry.reparseTag(), rootEntry.reparseFlags(),
                rootEntry.hardLinkGroupId(), rootEntry.streams(), List.of());
        TreeReader reader = new TreeReader(metadata, securityData);
        reader.checkSecurityId(rootEntry);
        reader.seen.add(rootEntry.offset());
        return new ImageMetadata(securityData, reader.readChildren(rootEntry, 1));
    }

    /** Reads directories depth first, refusing shared entries, cycles and names that cannot be file names. */
    private static final class TreeReader {
        private final byte[] metadata;
        private final SecurityData securityData;
        private final Set<Long> seen = new HashSet<>();
        private final Map<Long, String> listOwners = new HashMap<>();
        private final Deque<Long> ancestorLists = new ArrayDeque<>();

        TreeReader(byte[] metadata, SecurityData securityData) {
            this.metadata = metadata;
            this.securityData = securityData;
        }

        Dentry readChildren(Dentry directory, int depth) throws WimFormatException {
            long listOffset = directory.subdirOffset();
            if (listOffset == 0) {
                return directory;
            }
            if (depth > MAX_DEPTH) {
                throw new WimFormatException("the directory " + directory.path() + " is nested more than " + MAX_DEPTH
                        + " levels deep; the metadata resource is damaged");
            }
            if (ancestorLists.contains(listOffset)) {
                throw new WimFormatException("the directory " + directory.path() + " contains itself: its"
                        + " subdirectory offset " + listOffset + " is that of " + listOwners.get(listOffset)
                        + "; the metadata resource is damaged");
            }
            String owner = listOwners.putIfAbsent(listOffset, directory.path());
            if (owner != null) {
                throw new WimFormatException("the directories " + owner + " and " + directory.path() + " share the"
                        + " subdirectory offset " + listOffset + "; the metadata resource is damaged");
            }
            ancestorLists.push(listOffset);
            List<Dentry> children = new ArrayList<>();
            Map<String, Dentry> names = new HashMap<>();
            long offset = listOffset;
            while (true) {
                Optional<Dentry.Read> read = Dentry.read(metadata, offset, directory.path());
                if (read.isEmpty()) {
                    break;
                }
                Dentry child = read.get().dentry();
                if (!seen.add(offset)) {
                    throw new WimFormatException("the directory entry at offset " + offset + " (" + child.path()
                            + ") is listed twice; the metadata resource is damaged");
                }
                checkName(child, directory);
                checkSecurityId(child);
                Dentry previous = names.putIfAbsent(child.name(), child);
                if (previous != null) {
                    throw new WimFormatException("the directory " + directory.path() + " lists \""
                            + Dentry.printable(child.name()) + "\" twice (offsets " + previous.offset() + " and "
                            + offset + "); the metadata resource is damaged");
                }
                children.add(child.isDirectory() ? readChildren(child, depth + 1) : child);
                offset = read.get().nextOffset();
            }
            ancestorLists.pop();
            return directory.withChildren(children);
        }

        private static void checkName(Dentry child, Dentry directory) throws WimFormatException {
            String name = child.name();
            String problem = null;
            if (name.isEmpty()) {
                problem = "has no name";
            } else if (name.equals(".") || name.equals("..")) {
                problem = "is named \"" + name + "\", which would name a directory outside its own";
            } else if (name.indexOf('\0') >= 0 || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                    || name.indexOf(':') >= 0) {
                problem = "is named \"" + Dentry.printable(name) + "\", which holds a character file names cannot"
                        + " hold (NUL, /, \\ or :)";
            }
            if (problem != null) {
                throw new WimFormatException("the directory entry at offset " + child.offset() + " in "
                        + directory.path() + " " + problem + "; the metadata resource is damaged or hostile");
            }
        }

        void checkSecurityId(Dentry dentry) throws WimFormatException {
            if (dentry.securityId() < -1 || dentry.securityId() >= securityData.count()) {
                throw new WimFormatException("the directory entry " + dentry.path() + " (offset " + dentry.offset()
                        + ") has security id " + dentry.securityId() + ", but the security data holds "
                        + securityData.count() + " descriptors");
            }
        }
    }

    public SecurityData securityData() {
        return securityData;
    }

    public Dentry root() {
        return root;
    }

    /** Every entry, the root first, each directory before its children (in file order). */
    public List<Dentry> entries() {
        return entries;
    }

    public Stream<Dentry> stream() {
        return entries.stream();
    }

    /**
     * The entry at this path ("\Windows\System32" or "Windows/System32"), ignoring case as Windows does; an
     * exact match wins over one that differs in case.
     */
    public Optional<Dentry> find(String path) {
        Dentry current = root;
        for (String component : path.split("[\\\\/]+")) {
            if (component.isEmpty()) {
                continue;
            }
            Dentry exact = null;
            Dentry folded = null;
            for (Dentry child : current.children()) {
                if (child.name().equals(component)) {
                    exact = child;
                    break;
                }
                if (folded == null && child.name().equalsIgnoreCase(component)) {
                    folded = child;
                }
            }
            current = exact != null ? exact : folded;
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The hard link groups of files: entries sharing a nonzero group id, in tree order, by group id. */
    public Map<Long, List<Dentry>> hardLinkGroups() {
        return hardLinkGroups;
    }

    /** The number of directories, the root included, as the XML data's DIRCOUNT counts them. */
    public long directoryCount() {
        return entries.stream().filter(Dentry::isDirectory).count();
    }

    /**
     * The number of entries that are not directories, as the XML data's FILECOUNT counts them: each name of a
     * hard-linked file counts, and so does a reparse point.
     */
    public long fileCount() {
        return entries.size() - directoryCount();
    }
}
