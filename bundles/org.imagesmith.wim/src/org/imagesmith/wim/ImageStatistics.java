package org.imagesmith.wim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The counts an image's XML data gives, computed from its directory tree as Windows and wimlib count them:
 * directories (the root included), entries that are not directories (each name of a hard-linked file, and reparse
 * points), the bytes of all streams of those entries (each name counting) and the bytes of the names of hard-linked
 * files after the first.
 */
record ImageStatistics(long directories, long files, long totalBytes, long hardLinkBytes) {

    /** Counts the tree; {@code sizes} gives a stream's size by its digest. */
    static ImageStatistics of(Dentry root, ToLongFunction<Sha1Digest> sizes) {
        long directories = 0;
        long files = 0;
        long total = 0;
        long hardLink = 0;
        Set<Long> groups = new HashSet<>();
        Deque<Dentry> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Dentry dentry = pending.pop();
            dentry.children().forEach(pending::push);
            if (dentry.isDirectory()) {
                directories++;
                continue;
            }
            files++;
            long bytes = 0;
            for (Sha1Digest hash : WimWriter.references(dentry)) {
                bytes += sizes.applyAsLong(hash);
            }
            total += bytes;
            if (dentry.hardLinkGroupId() != 0 && !dentry.isReparsePoint() && !groups.add(dentry.hardLinkGroupId())) {
                hardLink += bytes;
            }
        }
        return new ImageStatistics(directories, files, total, hardLink);
    }
}
