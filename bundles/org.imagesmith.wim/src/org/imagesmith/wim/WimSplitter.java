package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits a WIM file into a split WIM (.swm parts), as DISM's /Split-Image does. Part 1 holds the metadata resources of
 * every image; the streams follow in the order they lie in the source, each copied as stored (never compressed again)
 * into the current part until the next one would make the part larger than the maximum size. A stream larger than
 * the maximum gets a part of its own, which is larger. Every part has the source's XML data, a lookup table of the
 * resources it holds, one new GUID, its part number and the part count; split WIMs are not bootable.
 * <p>
 * The parts are written to temporary files in the target folder and flushed to disk. Only when every part is complete
 * are they renamed to their names, part 1 (which the set is opened by) last, so that a failure leaves no set that
 * opens as complete, and no temporary file.
 */
public final class WimSplitter {
    /** A split WIM has at most this many parts (the part number has 16 bits). */
    public static final int MAX_PARTS = 0xFFFF;
    private static final int CLEARED_FLAGS = WimHeader.FLAG_WRITE_IN_PROGRESS | WimHeader.FLAG_READONLY
            | WimHeader.FLAG_SPANNED | WimHeader.FLAG_METADATA_ONLY | WimHeader.FLAG_RESOURCE_ONLY;

    private final WimFile source;
    private final byte[] xml;
    private final boolean integrity;
    private final WriteProgress progress;
    private WimWriter.Checkpoint checkpoint = stage -> { };
    private long done;
    private long total;

    private WimSplitter(WimFile source, byte[] xml, boolean integrity, WriteProgress progress) {
        this.source = source;
        this.xml = xml;
        this.integrity = integrity;
        this.progress = progress;
    }

    /**
     * Splits {@code source} into parts named after {@code firstPart} ({@link SplitWimSet#partName}) of at most
     * {@code maxPartSize} bytes each (but for a part that holds a single larger stream), and returns their names.
     *
     * @param integrity whether each part gets an integrity table
     * @throws FileAlreadyExistsException when a file has the name of one of the parts (nothing is written)
     * @throws WriterLock.TargetLockedException when another command is writing the same first part
     * @throws WimFormatException when the source is a split WIM already, holds solid resources or is damaged
     * @throws IllegalArgumentException when {@code maxPartSize} is not positive or would make too many parts
     */
    public static List<Path> split(WimFile source, Path firstPart, long maxPartSize, boolean integrity,
            WriteProgress progress) throws IOException {
        return split(source, firstPart, maxPartSize, integrity, progress, stage -> { });
    }

    static List<Path> split(WimFile source, Path firstPart, long maxPartSize, boolean integrity,
            WriteProgress progress, WimWriter.Checkpoint checkpoint) throws IOException {
        // the set is named by its first part: two splits into the same names are two writers of one file
        try (WriterLock lock = WriterLock.acquire(firstPart, "splitting " + source.path())) {
            return splitLocked(source, firstPart, maxPartSize, integrity, progress, checkpoint);
        }
    }

    private static List<Path> splitLocked(WimFile source, Path firstPart, long maxPartSize, boolean integrity,
            WriteProgress progress, WimWriter.Checkpoint checkpoint) throws IOException {
        if (maxPartSize <= 0) {
            throw new IllegalArgumentException("the size of a part must be positive, not " + maxPartSize);
        }
        checkSplittable(source);
        WimSplitter splitter = new WimSplitter(source, WimWriter.rawXml(source), integrity, progress);
        splitter.checkpoint = checkpoint;
        List<List<LookupEntry>> parts = splitter.plan(maxPartSize);
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException("parts of at most " + maxPartSize + " bytes would make " + parts.size()
                    + " parts; a split WIM has at most " + MAX_PARTS + ". Give a larger part size.");
        }
        Path first = firstPart.toAbsolutePath();
        List<Path> names = new ArrayList<>();
        for (int number = 1; number <= parts.size(); number++) {
            Path name = SplitWimSet.partName(first, number);
            if (Files.exists(name) || Files.isSymbolicLink(name)) {
                throw new FileAlreadyExistsException(name.toString(), null, "a file has the name of part " + number
                        + " of the split WIM; remove it or choose another name");
            }
            names.add(name);
        }
        splitter.write(parts, names);
        return names;
    }

    private static void checkSplittable(WimFile source) throws WimFormatException {
        String problem = null;
        if (source.isSplit()) {
            problem = "it is part " + source.header().partNumber() + " of a split WIM already";
        } else if (source.header().isSolid()) {
            problem = "it holds solid (ESD) resources, which a split WIM cannot hold; export its images to an XPRESS or"
                    + " LZX file first";
        }
        if (problem != null) {
            throw new WimFormatException("cannot split " + source.path() + ": " + problem);
        }
    }

    /** The resources of each part: the metadata resources and the first streams in part 1, then the streams. */
    private List<List<LookupEntry>> plan(long maxPartSize) throws IOException {
        LookupTable table = source.lookupTable();
        List<LookupEntry> metadata = table.metadataResources();
        if (metadata.size() != source.imageCount()) {
            throw new WimFormatException("the WIM file " + source.path() + " has " + source.imageCount() + " images"
                    + " but its lookup table lists " + metadata.size() + " metadata resources; it is damaged");
        }
        List<LookupEntry> streams = new ArrayList<>(table.streams());
        streams.sort(Comparator.comparingLong(entry -> entry.resource().offset()));
        List<List<LookupEntry>> parts = new ArrayList<>();
        List<LookupEntry> current = new ArrayList<>(metadata);
        long data = 0;
        for (LookupEntry entry : metadata) {
            data += entry.resource().storedSize();
        }
        for (LookupEntry stream : streams) {
            long stored = stream.resource().storedSize();
            if (!current.isEmpty() && partSize(data + stored, current.size() + 1) > maxPartSize) {
                parts.add(current);
                current = new ArrayList<>();
                data = 0;
            }
            current.add(stream);
            data += stored;
        }
        parts.add(current);
        for (List<LookupEntry> part : parts) {
            for (LookupEntry entry : part) {
                total += entry.resource().storedSize();
            }
        }
        return parts;
    }

    /** The size of a part that holds {@code data} bytes of resources in {@code entries} lookup table entries. */
    private long partSize(long data, int entries) {
        long end = WimHeader.SIZE + data + (long) entries * LookupEntry.SIZE;
        return end + xml.length + (integrity ? IntegrityTable.sizeFor(end) : 0);
    }

    private void write(List<List<LookupEntry>> parts, List<Path> names) throws IOException {
        byte[] guid = new byte[16];
        new SecureRandom().nextBytes(guid);
        List<Path> temps = new ArrayList<>();
        List<Path> renamed = new ArrayList<>();
        boolean complete = false;
        try {
            for (int i = 0; i < parts.size(); i++) {
                Path name = names.get(i);
                Path temp = TemporaryFiles.beside(name);
                temps.add(temp);
                writePart(temp, parts.get(i), i + 1, parts.size(), HexFormat.of().formatHex(guid));
                checkpoint.reached("part " + (i + 1));
            }
            for (int i = parts.size() - 1; i >= 0; i--) {
                move(temps.get(i), names.get(i));
                renamed.add(names.get(i));
                checkpoint.reached("renamed part " + (i + 1));
            }
            WimWriter.syncFolder(names.get(0).toAbsolutePath().getParent());
            complete = true;
        } finally {
            if (!complete) {
                for (Path path : renamed) {
                    Files.deleteIfExists(path);
                }
                for (Path temp : temps) {
                    Files.deleteIfExists(temp);
                }
            }
            for (Path temp : temps) {
                TemporaryFiles.done(temp);
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
    }

    /** Writes one part: header, resources, lookup table, XML data, integrity table, then the final header. */
    private void writePart(Path file, List<LookupEntry> entries, int number, int count, String guid)
            throws IOException {
        WimHeader base = source.header();
        int flags = (base.flags() & ~CLEARED_FLAGS) | WimHeader.FLAG_SPANNED;
        ResourceHeader none = WimWriter.empty();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            WimHeader provisional = new WimHeader(base.version(), flags | WimHeader.FLAG_WRITE_IN_PROGRESS,
                    base.chunkSize(), guid, number, count, base.imageCount(), none, none, none, 0, none);
            ResourceEncoder.writeFully(out, 0, ByteBuffer.wrap(provisional.toBytes()));
            long position = WimHeader.SIZE;
            ByteBuffer table = ByteBuffer.allocate(entries.size() * LookupEntry.SIZE).order(ByteOrder.LITTLE_ENDIAN);
            for (LookupEntry entry : entries) {
                // the data is copied as stored, without decompressing it: check at least that it can be what it claims
                source.resourceReader().checkLayout(entry);
                ResourceHeader copied = WimWriter.copyRaw(source.partOf(entry).channel(), entry.resource(), out,
                        position);
                position += copied.storedSize();
                LookupEntry.write(table, copied, number, entry.referenceCount(), entry.hash());
                done += copied.storedSize();
                progress.bytesWritten(done, total);
            }
            table.flip();
            ResourceHeader lookupTable = new ResourceHeader(table.remaining(), ResourceHeader.FLAG_METADATA, position,
                    table.remaining());
            ResourceEncoder.writeFully(out, position, table);
            position += lookupTable.storedSize();
            ResourceHeader xmlData = new ResourceHeader(xml.length, ResourceHeader.FLAG_METADATA, position, xml.length);
            ResourceEncoder.writeFully(out, position, ByteBuffer.wrap(xml));
            position += xml.length;
            ResourceHeader integrityTable = none;
            if (integrity) {
                byte[] digests = IntegrityTable.compute(out, lookupTable.offset() + lookupTable.storedSize());
                integrityTable = new ResourceHeader(digests.length, 0, position, digests.length);
                ResourceEncoder.writeFully(out, position, ByteBuffer.wrap(digests));
                position += digests.length;
            }
            out.truncate(position);
            out.force(true);
            WimHeader header = new WimHeader(base.version(), flags, base.chunkSize(), guid, number, count,
                    base.imageCount(), lookupTable, xmlData, none, 0, integrityTable);
            ResourceEncoder.writeFully(out, 0, ByteBuffer.wrap(header.toBytes()));
            out.force(true);
        }
    }
}
