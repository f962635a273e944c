package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lookup table of a WIM file (a sequence of 50-byte {@link LookupEntry stream entries}): where each stream
 * lies, by SHA-1 digest, and the metadata resources of the images in image order. In solid WIM files a run of
 * consecutive entries with the solid flag lists solid resources and the streams inside them.
 */
public final class LookupTable {
    private final List<LookupEntry> entries;
    private final Map<Sha1Digest, LookupEntry> streams;
    private final List<LookupEntry> metadataResources;
    private final Map<Integer, SolidRun> solidRuns;

    /** The solid resources of one run of solid entries, whose uncompressed data the run's streams index. */
    record SolidRun(List<LookupEntry> resources) {
    }

    private LookupTable(List<LookupEntry> entries, Map<Sha1Digest, LookupEntry> streams,
            List<LookupEntry> metadataResources, Map<Integer, SolidRun> solidRuns) {
        this.entries = entries;
        this.streams = streams;
        this.metadataResources = metadataResources;
        this.solidRuns = solidRuns;
    }

    /**
     * Parses the uncompressed lookup table of a WIM file with this header. Entries of other split-WIM parts,
     * entries of empty streams and metadata entries without references are kept in {@link #entries()} but not
     * indexed, as WIM readers do; a duplicate stream keeps its first entry.
     *
     * @throws WimFormatException when the table's size is not a whole number of entries
     */
    public static LookupTable parse(byte[] data, WimHeader header) throws WimFormatException {
        if (data.length % LookupEntry.SIZE != 0) {
            throw new WimFormatException("the WIM lookup table has " + data.length + " bytes, which is not a"
                    + " whole number of " + LookupEntry.SIZE + "-byte entries; it is damaged");
        }
        int count = data.length / LookupEntry.SIZE;
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<LookupEntry> entries = new ArrayList<>(count);
        Map<Sha1Digest, LookupEntry> streams = new LinkedHashMap<>();
        List<LookupEntry> metadata = new ArrayList<>();
        Map<Integer, SolidRun> solidRuns = new HashMap<>();
        for (int i = 0; i < count; i++) {
            LookupEntry entry = LookupEntry.read(buffer, i);
            if (!header.isSolid() && entry.resource().isSolid()) {
                ResourceHeader r = entry.resource();
                entry = new LookupEntry(i, new ResourceHeader(r.storedSize(), r.flags() & ~ResourceHeader.FLAG_SOLID,
                        r.offset(), r.originalSize()), entry.partNumber(), entry.referenceCount(), entry.hash());
            }
            entries.add(entry);
            if (entry.isSolidResource()) {
                continue;
            }
            if (entry.hash().isZero() || entry.size() == 0 || entry.partNumber() != header.partNumber()) {
                continue;
            }
            if (entry.isMetadata()) {
                if (entry.referenceCount() != 0) {
                    metadata.add(entry);
                }
            } else {
                streams.putIfAbsent(entry.hash(), entry);
            }
        }
        // the resource entries of a run may follow its stream entries: assign runs once the table is read
        SolidRun run = null;
        for (LookupEntry entry : entries) {
            if (!entry.resource().isSolid()) {
                run = null;
                continue;
            }
            if (run == null) {
                List<LookupEntry> resources = new ArrayList<>();
                for (int j = entry.index(); j < count && entries.get(j).resource().isSolid(); j++) {
                    if (entries.get(j).isSolidResource()) {
                        resources.add(entries.get(j));
                    }
                }
                run = new SolidRun(List.copyOf(resources));
            }
            if (entry.isInSolidResource()) {
                if (run.resources().isEmpty()) {
                    throw new WimFormatException("lookup table entry " + entry.index() + " (stream " + entry.hash()
                            + ") lies in a solid resource, but its run of solid entries lists no solid resource;"
                            + " the lookup table is damaged");
                }
                solidRuns.put(entry.index(), run);
            }
        }
        return new LookupTable(Collections.unmodifiableList(entries), Collections.unmodifiableMap(streams),
                List.copyOf(metadata), solidRuns);
    }

    /**
     * The lookup table of a split WIM: the tables of its parts, each of which indexes the streams of its own part,
     * put together (part 1 first; it holds the metadata resources). A stream that several parts list keeps the
     * entry of the first.
     *
     * @throws WimFormatException when a part holds solid resources, which split WIMs do not have
     */
    static LookupTable combine(List<LookupTable> parts) throws WimFormatException {
        List<LookupEntry> entries = new ArrayList<>();
        Map<Sha1Digest, LookupEntry> streams = new LinkedHashMap<>();
        List<LookupEntry> metadata = new ArrayList<>();
        for (LookupTable part : parts) {
            if (!part.solidRuns.isEmpty()) {
                throw new WimFormatException("a part of the split WIM holds solid resources, which split WIMs do not"
                        + " have; the part is damaged");
            }
            entries.addAll(part.entries);
            part.streams.forEach(streams::putIfAbsent);
            metadata.addAll(part.metadataResources);
        }
        return new LookupTable(Collections.unmodifiableList(entries), Collections.unmodifiableMap(streams),
                List.copyOf(metadata), Map.of());
    }

    /** All entries in file order, including solid resource entries (of every part, for a split WIM). */
    public List<LookupEntry> entries() {
        return entries;
    }

    /** The entries of the streams that are not metadata, one per SHA-1 digest. */
    public Collection<LookupEntry> streams() {
        return streams.values();
    }

    /** The stream with this SHA-1 digest. */
    public Optional<LookupEntry> find(Sha1Digest hash) {
        return Optional.ofNullable(streams.get(hash));
    }

    /** The metadata resources in image order: entry i describes image i + 1. */
    public List<LookupEntry> metadataResources() {
        return metadataResources;
    }

    /** The solid resources whose data a stream inside a solid resource indexes. */
    SolidRun solidRunOf(LookupEntry entry) {
        SolidRun run = solidRuns.get(entry.index());
        if (run == null) {
            throw new IllegalArgumentException("lookup table entry " + entry.index() + " is not a stream in a solid resource");
        }
        return run;
    }
}
