package org.imagesmith.wim;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the tree captured from a directory that an image was applied to with the image's original metadata, so
 * that a commit keeps what the POSIX file system could not hold. An entry of the new tree matches the original entry
 * of the same name in the matching directory (the exact name first, then ignoring case as Windows does) when both
 * are directories, both files, or both reparse points; each original entry matches at most one new entry.
 * <ul>
 * <li>A matched entry keeps its security id, short name, creation time, alternate data streams, Windows attributes
 * and hard link group id (unless another file took that group first). A file whose data changed gets its new data
 * and FILE_ATTRIBUTE_ARCHIVE, and loses FILE_ATTRIBUTE_NORMAL; its other attributes stay. A reparse point whose
 * reparse data is the same keeps the original entry whole. An entry whose data and last write time are unchanged
 * keeps its last access time (NTFS does not update it by default; Linux updates it on a mere read).</li>
 * <li>A new entry has no security descriptor (security id -1): applied on Windows, it then gets the access control
 * entries its parent directory passes on, which is what Windows gives a file created there; the parent's own
 * descriptor would instead copy the parent's explicit entries and owner. A new file gets FILE_ATTRIBUTE_ARCHIVE, a
 * new directory FILE_ATTRIBUTE_DIRECTORY, and both FILE_ATTRIBUTE_COMPRESSED when the parent has it, as NTFS does.</li>
 * <li>Original entries that applying leaves out (reparse points, encrypted files) are put back unchanged in their
 * directory when it still exists and no entry of that name (ignoring case) was created there.</li>
 * </ul>
 * Children are ordered as Windows lists them.
 */
final class MetadataCarryOver {
    static final int FILE_ATTRIBUTE_COMPRESSED = 0x800;
    /** Attributes that follow from the kind of entry or from a change, set here rather than carried over. */
    private static final int BOOKKEEPING = Dentry.FILE_ATTRIBUTE_DIRECTORY | DirectoryCapture.FILE_ATTRIBUTE_NORMAL
            | Dentry.FILE_ATTRIBUTE_ARCHIVE | Dentry.FILE_ATTRIBUTE_REPARSE_POINT;

    private final WimWriter writer;
    /** The group id given to each hard link group of the new tree, by the id the capture gave it. */
    private final Map<Long, Long> groups = new HashMap<>();
    private final Set<Long> claimedGroups = new HashSet<>();
    private long nextGroup;

    /**
     * @param keepEveryGroup true when the entries of the image that were not extracted stay as they are (a staged
     *            image), so that no changed file may take a group id they keep; false when every entry was applied
     */
    MetadataCarryOver(WimWriter writer, ImageMetadata original, boolean keepEveryGroup) {
        this.writer = writer;
        long max = 0;
        for (Dentry dentry : original.entries()) {
            max = Math.max(max, dentry.hardLinkGroupId());
            if ((keepEveryGroup || skippedByApply(dentry)) && dentry.hardLinkGroupId() != 0) {
                claimedGroups.add(dentry.hardLinkGroupId()); // put back with its group; no new file takes it
            }
        }
        nextGroup = max + 1;
    }

    /**
     * Merges a captured tree (whose data the writer stores) with the original metadata and makes sure the writer
     * holds every stream the result refers to, copying kept streams (alternate data streams, reparse data) from the
     * file being rewritten.
     *
     * @throws WimFormatException when a kept entry refers to a stream the WIM file does not hold
     */
    static Dentry merge(Dentry captured, ImageMetadata original, WimWriter writer) throws IOException {
        MetadataCarryOver carryOver = new MetadataCarryOver(writer, original, false);
        Dentry root = carryOver.directory(captured, original.root(), original.root().attributes());
        carryOver.keepStreams(root);
        return root;
    }

    /** A directory of the new tree, matched to an original directory or (null) new, with its children merged. */
    private Dentry directory(Dentry fresh, Dentry original, int attributes) {
        List<Dentry> freshChildren = fresh.children();
        Dentry[] matches = new Dentry[freshChildren.size()];
        Set<Dentry> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (original != null) {
            Map<String, List<Dentry>> exact = new HashMap<>();
            Map<String, List<Dentry>> folded = new HashMap<>();
            for (Dentry child : original.children()) {
                exact.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(child);
                folded.computeIfAbsent(fold(child.name()), k -> new ArrayList<>()).add(child);
            }
            for (int i = 0; i < matches.length; i++) {
                matches[i] = claim(freshChildren.get(i), exact.get(freshChildren.get(i).name()), claimed);
            }
            for (int i = 0; i < matches.length; i++) {
                if (matches[i] == null) {
                    matches[i] = claim(freshChildren.get(i), folded.get(fold(freshChildren.get(i).name())), claimed);
                }
            }
        }
        List<Dentry> children = new ArrayList<>(freshChildren.size());
        for (int i = 0; i < matches.length; i++) {
            children.add(entry(freshChildren.get(i), matches[i], attributes));
        }
        if (original != null) {
            Set<String> names = new HashSet<>();
            freshChildren.forEach(child -> names.add(fold(child.name())));
            for (Dentry child : original.children()) {
                if (!claimed.contains(child) && skippedByApply(child) && !names.contains(fold(child.name()))) {
                    children.add(child);
                }
            }
        }
        children.sort((a, b) -> MetadataResourceWriter.compareNames(a.name(), b.name()));
        if (original == null) {
            return rebuild(fresh, fresh.name(), "", attributes, -1, fresh.creationTime(), fresh.lastAccessTime(),
                    fresh.defaultHash(), 0, fresh.streams(), children);
        }
        return rebuild(fresh, fresh.name(), original.shortName(), original.attributes(), original.securityId(),
                original.creationTime(), lastAccess(fresh, original, true), original.defaultHash(),
                original.hardLinkGroupId(), original.streams(), children);
    }

    private static Dentry claim(Dentry fresh, List<Dentry> candidates, Set<Dentry> claimed) {
        if (candidates != null) {
            for (Dentry candidate : candidates) {
                if (!claimed.contains(candidate) && sameKind(fresh, candidate)) {
                    claimed.add(candidate);
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean sameKind(Dentry fresh, Dentry original) {
        if (fresh.isReparsePoint() || original.isReparsePoint()) {
            return fresh.isReparsePoint() && original.isReparsePoint();
        }
        if (fresh.isDirectory() || original.isDirectory()) {
            return fresh.isDirectory() && original.isDirectory();
        }
        return !original.isEncrypted(); // the apply left an encrypted file out: a file of that name is new
    }

    /** What applying leaves out, so that it is missing from the directory without having been deleted. */
    private static boolean skippedByApply(Dentry dentry) {
        return dentry.isReparsePoint() || (dentry.isEncrypted() && !dentry.isDirectory());
    }

    /** A name folded as {@link String#equalsIgnoreCase} compares. */
    private static String fold(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /** One entry of the new tree, matched to an original entry of the same kind, or new (null). */
    Dentry entry(Dentry fresh, Dentry original, int parentAttributes) {
        int inherited = parentAttributes & FILE_ATTRIBUTE_COMPRESSED;
        if (fresh.isDirectory()) {
            return directory(fresh, original,
                    original != null ? original.attributes() : Dentry.FILE_ATTRIBUTE_DIRECTORY | inherited);
        }
        if (original == null) {
            int attributes = fresh.isReparsePoint()
                    ? fresh.attributes() | ((fresh.attributes() & Dentry.FILE_ATTRIBUTE_DIRECTORY) == 0
                            ? Dentry.FILE_ATTRIBUTE_ARCHIVE : 0)
                    : Dentry.FILE_ATTRIBUTE_ARCHIVE | inherited;
            return rebuild(fresh, fresh.name(), "", attributes, -1, fresh.creationTime(), fresh.lastAccessTime(),
                    fresh.defaultHash(), group(fresh.hardLinkGroupId(), 0), fresh.streams(), List.of());
        }
        if (fresh.isReparsePoint()) {
            if (fresh.reparseData().equals(original.reparseData())) {
                return rebuild(fresh, fresh.name(), original.shortName(), original.attributes(),
                        original.securityId(), original.creationTime(), lastAccess(fresh, original, true),
                        original.defaultHash(), 0, original.streams(), List.of());
            }
            List<StreamEntry> streams = new ArrayList<>(fresh.streams());
            streams.addAll(original.namedStreams());
            return rebuild(fresh, fresh.name(), original.shortName(),
                    (original.attributes() & ~BOOKKEEPING) | fresh.attributes(), original.securityId(),
                    original.creationTime(), fresh.lastAccessTime(), fresh.defaultHash(), 0, streams, List.of());
        }
        boolean unchanged = fresh.unnamedData().equals(original.unnamedData());
        Dentry data = unchanged ? original : withUnnamedData(original, fresh.unnamedData());
        int attributes = unchanged ? original.attributes()
                : (original.attributes() & ~BOOKKEEPING) | Dentry.FILE_ATTRIBUTE_ARCHIVE;
        return rebuild(fresh, fresh.name(), original.shortName(), attributes, original.securityId(),
                original.creationTime(), lastAccess(fresh, original, unchanged), data.defaultHash(),
                group(fresh.hardLinkGroupId(), original.hardLinkGroupId()), data.streams(), List.of());
    }

    private static Instant lastAccess(Dentry fresh, Dentry original, boolean unchanged) {
        return unchanged && fresh.lastWriteTime().equals(original.lastWriteTime()) ? original.lastAccessTime()
                : fresh.lastAccessTime();
    }

    /** The original entry's streams with its unnamed data replaced, where the entry keeps it. */
    private static Dentry withUnnamedData(Dentry original, Sha1Digest data) {
        List<StreamEntry> streams = new ArrayList<>(original.streams());
        for (int i = 0; i < streams.size(); i++) {
            if (!streams.get(i).isNamed()) {
                streams.set(i, new StreamEntry("", data));
                return rebuild(original, original.name(), original.shortName(), original.attributes(),
                        original.securityId(), original.creationTime(), original.lastAccessTime(),
                        original.defaultHash(), original.hardLinkGroupId(), streams, List.of());
            }
        }
        return rebuild(original, original.name(), original.shortName(), original.attributes(), original.securityId(),
                original.creationTime(), original.lastAccessTime(), data, original.hardLinkGroupId(), streams,
                List.of());
    }

    /**
     * The group id of a file: the one its hard link group already got, else its original group id if no other file
     * took it, else a new one for a file with several names, 0 for a file with one.
     */
    private long group(long capturedGroup, long originalGroup) {
        if (capturedGroup != 0 && groups.containsKey(capturedGroup)) {
            return groups.get(capturedGroup);
        }
        long id = originalGroup != 0 && claimedGroups.add(originalGroup) ? originalGroup
                : capturedGroup != 0 ? nextGroup++ : 0;
        if (capturedGroup != 0) {
            groups.put(capturedGroup, id);
        }
        return id;
    }

    private static Dentry rebuild(Dentry times, String name, String shortName, int attributes, int securityId,
            Instant creation, Instant lastAccess, Sha1Digest defaultHash, long group, List<StreamEntry> streams,
            List<Dentry> children) {
        boolean reparse = (attributes & Dentry.FILE_ATTRIBUTE_REPARSE_POINT) != 0;
        return new Dentry(0, times.path(), name, shortName, attributes, securityId, 0, creation, lastAccess,
                times.lastWriteTime(), defaultHash, reparse ? times.reparseTag() : 0,
                reparse ? reparseFlagsOf(times) : 0, reparse ? 0 : group, streams, children);
    }

    /** The flags of a reparse point kept from the original ("fixed" stays fixed), or those of a new one. */
    private static int reparseFlagsOf(Dentry dentry) {
        return dentry.isReparsePoint() ? dentry.reparseFlags() : Dentry.RP_FLAG_NOT_FIXED;
    }

    /** Makes sure the writer holds every stream the tree refers to, copying kept ones from the file rewritten. */
    void keepStreams(Dentry root) throws IOException {
        Deque<Dentry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Dentry dentry = pending.pop();
            dentry.children().forEach(pending::push);
            for (Sha1Digest hash : WimWriter.references(dentry)) {
                writer.keepStream(hash, dentry.path());
            }
        }
    }
}
