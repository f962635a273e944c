package org.imagesmith.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The subkey list of a key: an index leaf ("li": offsets; "lf": offsets and 4-character name hints; "lh": offsets
 * and name hashes) or an index root ("ri") listing leaves. Subkeys are kept sorted by upper-cased name.
 */
final class SubkeyIndex {
    /** Entries per leaf when writing; larger lists are split under an index root. */
    static final int MAX_LEAF_ENTRIES = 512;

    /** A subkey list entry: the key node cell and the hint or hash a leaf stores for it (0 in "li" leaves). */
    record Entry(int cell, int hint) {
    }

    private SubkeyIndex() {
    }

    /** The key node cells listed by the index at {@code cell}, in order; checks that there are {@code count}. */
    static List<Integer> read(HiveBins bins, int cell, int count, int owner) {
        List<Entry> entries = entries(bins, cell, count, owner, -1);
        List<Integer> cells = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            cells.add(e.cell());
        }
        return cells;
    }

    /**
     * The entries of the index at {@code cell} with the hints leaves of {@code minorVersion} hold: kept from leaves of
     * that kind, computed from the key names otherwise (any minor version below 0 skips computing).
     */
    static List<Entry> entries(HiveBins bins, int cell, int count, int owner, int minorVersion) {
        if (count < 0) {
            throw new CorruptCellException(owner, "key node has a negative subkey count " + count);
        }
        List<Entry> out = new ArrayList<>(Math.min(count, 65536));
        if (count == 0) {
            return out;
        }
        Set<Integer> visited = new HashSet<>();
        visited.add(cell);
        String signature = bins.signature(cell, "subkey list of the key node at 0x" + Integer.toHexString(owner));
        if (signature.equals("ri")) {
            int leaves = entryCount(bins, cell, 4);
            for (int i = 0; i < leaves; i++) {
                int leaf = bins.i32(cell + 8 + 4 * i);
                if (!visited.add(leaf)) {
                    throw new CorruptCellException(cell, "index root lists the cell 0x" + Integer.toHexString(leaf)
                            + " twice (loop)");
                }
                String leafSignature = bins.signature(leaf, "index root entry " + i);
                if (leafSignature.equals("ri")) {
                    throw new CorruptCellException(leaf, "index root nested in the index root at 0x"
                            + Integer.toHexString(cell));
                }
                readLeaf(bins, leaf, leafSignature, out, count, minorVersion);
            }
        } else {
            readLeaf(bins, cell, signature, out, count, minorVersion);
        }
        if (out.size() != count) {
            throw new CorruptCellException(owner, "key node says it has " + count + " subkeys but its subkey list holds "
                    + out.size());
        }
        return out;
    }

    private static void readLeaf(HiveBins bins, int leaf, String signature, List<Entry> out, int count,
            int minorVersion) {
        int stride;
        switch (signature) {
            case "li" -> stride = 4;
            case "lf", "lh" -> stride = 8;
            default -> throw new CorruptCellException(leaf, "unknown subkey list signature \"" + signature
                    + "\" (expected li, lf, lh or ri)");
        }
        int n = entryCount(bins, leaf, stride);
        if (out.size() + n > count) {
            throw new CorruptCellException(leaf, "subkey list holds more entries than the key's " + count
                    + " subkeys");
        }
        boolean keepHints = minorVersion < 0 || signature.equals(leafSignature(minorVersion));
        for (int i = 0; i < n; i++) {
            int cell = bins.i32(leaf + 8 + stride * i);
            int hint;
            if (minorVersion < 0 || stride == 4 && keepHints) {
                hint = 0;
            } else if (keepHints) {
                hint = bins.i32(leaf + 12 + stride * i);
            } else {
                hint = hint(new KeyNode(bins, cell, "subkey list entry").name(), minorVersion);
            }
            out.add(new Entry(cell, hint));
        }
    }

    /** The leaf kind written for a format version: "lh" from 1.5, "lf" from 1.3, "li" before. */
    static String leafSignature(int minorVersion) {
        return minorVersion >= 5 ? "lh" : minorVersion >= 3 ? "lf" : "li";
    }

    /** What a leaf of a format version stores next to a key named {@code name}. */
    static int hint(String name, int minorVersion) {
        return switch (leafSignature(minorVersion)) {
            case "lh" -> KeyNames.leafHash(name);
            case "lf" -> KeyNames.leafHint(name);
            default -> 0;
        };
    }

    private static int entryCount(HiveBins bins, int cell, int stride) {
        int n = bins.u16(cell + 6);
        int payload = bins.payloadLength(cell, "subkey list");
        if (4L + (long) n * stride > payload) {
            throw new CorruptCellException(cell, "subkey list of " + n + " entries does not fit its " + payload
                    + "-byte cell");
        }
        return n;
    }

    /** Writes a new index for the sorted {@code entries} and returns its cell, or -1 when there are none. */
    static int write(HiveBins bins, List<Entry> entries, int minorVersion, long time) {
        if (entries.isEmpty()) {
            return KeyNode.NONE;
        }
        if (entries.size() <= MAX_LEAF_ENTRIES) {
            return writeLeaf(bins, entries, minorVersion, time);
        }
        int leaves = (entries.size() + MAX_LEAF_ENTRIES - 1) / MAX_LEAF_ENTRIES;
        int root = bins.allocate(4 + 4 * leaves, time);
        bins.putU16(root + 4, 'r' | 'i' << 8);
        bins.putU16(root + 6, leaves);
        for (int i = 0; i < leaves; i++) {
            List<Entry> part = entries.subList(i * MAX_LEAF_ENTRIES,
                    Math.min(entries.size(), (i + 1) * MAX_LEAF_ENTRIES));
            bins.putI32(root + 8 + 4 * i, writeLeaf(bins, part, minorVersion, time));
        }
        return root;
    }

    private static int writeLeaf(HiveBins bins, List<Entry> entries, int minorVersion, long time) {
        String signature = leafSignature(minorVersion);
        int stride = signature.equals("li") ? 4 : 8;
        int leaf = bins.allocate(4 + stride * entries.size(), time);
        bins.putU16(leaf + 4, signature.charAt(0) | signature.charAt(1) << 8);
        bins.putU16(leaf + 6, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            bins.putI32(leaf + 8 + stride * i, e.cell());
            if (stride == 8) {
                bins.putI32(leaf + 12 + stride * i, e.hint());
            }
        }
        return leaf;
    }

    /** The cells of the index at {@code cell}: the leaf, or the index root and its leaves. */
    static List<Integer> cells(HiveBins bins, int cell) {
        List<Integer> cells = new ArrayList<>();
        cells.add(cell);
        if (bins.signature(cell, "subkey list").equals("ri")) {
            int leaves = entryCount(bins, cell, 4);
            for (int i = 0; i < leaves; i++) {
                cells.add(bins.i32(cell + 8 + 4 * i));
            }
        }
        return cells;
    }

    /** Frees the index at {@code cell} (and the leaves of an index root), not the key nodes it lists. */
    static void free(HiveBins bins, int cell) {
        for (int c : cells(bins, cell)) {
            bins.free(c);
        }
    }
}
