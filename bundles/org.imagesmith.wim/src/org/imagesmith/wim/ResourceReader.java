package org.imagesmith.wim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.imagesmith.compression.ChunkDecompressor;
import org.imagesmith.compression.CompressionException;
import org.imagesmith.compression.LzmsDecompressor;
import org.imagesmith.compression.LzxDecompressor;
import org.imagesmith.compression.LzxFormat;
import org.imagesmith.compression.XpressDecompressor;

/**
 * Reads streams of a WIM file: whole (checking their SHA-1 digest) or a byte range, decompressing only the chunks
 * the range needs. Handles uncompressed, chunked XPRESS, LZX and LZMS resources and solid resources, and the parts
 * of a split WIM: each stream is read from the part its lookup table entry names. Keeps the last decompressed chunk
 * and recently used chunk tables; not thread-safe.
 */
public final class ResourceReader {
    /** Streams larger than this cannot be read into one array; copy them with {@link #transferTo}. */
    public static final long MAX_ARRAY_STREAM = Integer.MAX_VALUE - 16;
    private static final int CHUNK_TABLE_CACHE = 64;
    /** The chunk size of compressed resources when the WIM header gives none. */
    private static final int DEFAULT_CHUNK_SIZE = 32768;
    private static final int TRANSFER_BUFFER = 1 << 20;

    /** The open files, the first one (whose resources {@link #readResource(ResourceHeader)} reads) first. */
    private final List<WimPart> parts;
    private final LookupTable lookupTable;
    private final Map<CompressionType, Map<Integer, ChunkDecompressor>> decompressors = new EnumMap<>(CompressionType.class);
    private final Map<ResourceKey, ChunkTable> chunkTables = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ResourceKey, ChunkTable> eldest) {
            return size() > CHUNK_TABLE_CACHE;
        }
    };
    private ChunkTable cachedTable;
    private int cachedChunk = -1;
    private byte[] chunkData = new byte[0];
    private byte[] storedData = new byte[0];
    private byte[] transferBuffer = new byte[0];
    private MessageDigest sha1;

    /** Where a resource lies: the number of the part that holds it and its offset there. */
    private record ResourceKey(int part, long offset) {
    }

    ResourceReader(List<WimPart> parts, LookupTable lookupTable) {
        this.parts = List.copyOf(parts);
        this.lookupTable = lookupTable;
    }

    private WimPart partOf(LookupEntry entry) throws WimFormatException {
        return partOf(parts, entry);
    }

    /** The part, of these open ones (the first one first), that holds an entry's resource. */
    static WimPart partOf(List<WimPart> parts, LookupEntry entry) throws WimFormatException {
        for (WimPart part : parts) {
            if (part.number() == entry.partNumber()) {
                return part;
            }
        }
        WimHeader first = parts.get(0).header();
        throw new WimFormatException("the stream " + entry.hash() + " lies in part " + entry.partNumber() + " of the"
                + " split WIM " + parts.get(0).path() + " (" + first.totalParts() + " parts), which was not opened"
                + " with it");
    }

    /**
     * Reads a whole stream and checks that its SHA-1 digest is the one its lookup table entry gives.
     *
     * @throws WimFormatException when the stream's data is damaged or its digest differs
     */
    public byte[] readStream(LookupEntry entry) throws IOException {
        long size = entry.size();
        if (size == 0 && entry.hash().isZero()) {
            return new byte[0];
        }
        // a damaged entry may claim any size: check it against the file before anything else
        checkLayout(entry);
        if (size > MAX_ARRAY_STREAM) {
            throw new IOException("the stream " + entry.hash() + " has " + size
                    + " bytes, too many to read into memory; copy it with transferTo");
        }
        byte[] data = new byte[(int) size];
        read(entry, 0, data, 0, data.length);
        verify(entry, sha1().digest(data));
        return data;
    }

    /** Copies a whole stream to {@code out}, then checks its SHA-1 digest. */
    public void transferTo(LookupEntry entry, OutputStream out) throws IOException {
        checkLayout(entry);
        MessageDigest sha1 = sha1();
        int bufferSize = (int) Math.min(TRANSFER_BUFFER, Math.max(1, entry.size()));
        if (transferBuffer.length < bufferSize) {
            transferBuffer = new byte[bufferSize];
        }
        byte[] buffer = transferBuffer;
        for (long offset = 0; offset < entry.size();) {
            int n = read(entry, offset, buffer, 0, buffer.length);
            sha1.update(buffer, 0, n);
            out.write(buffer, 0, n);
            offset += n;
        }
        verify(entry, sha1.digest());
    }

    /**
     * Reads up to {@code len} bytes of a stream from {@code offset} (no digest check) and returns how many it read:
     * {@code len}, or fewer at the end of the stream.
     */
    public int read(LookupEntry entry, long offset, byte[] dst, int dstOff, int len) throws IOException {
        Objects.checkFromIndexSize(dstOff, len, dst.length);
        if (offset < 0 || offset > entry.size()) {
            throw new IllegalArgumentException("offset " + offset + " lies outside the stream's " + entry.size() + " bytes");
        }
        int n = (int) Math.min(len, entry.size() - offset);
        if (n <= 0) {
            return 0;
        }
        if (entry.isInSolidResource()) {
            readSolid(entry, offset, dst, dstOff, n);
        } else {
            readResource(partOf(entry), entry.resource(), offset, dst, dstOff, n);
        }
        return n;
    }

    /**
     * Where a stream's data lies in the file, for reading many streams in the file's order: the part, the file offset
     * of its resource (of the solid resource holding it) and its offset inside that resource's uncompressed data,
     * and the chunk that offset falls in, which streams of one solid resource share.
     */
    record ReadPosition(int part, long resourceOffset, long offset, long chunk) implements Comparable<ReadPosition> {
        @Override
        public int compareTo(ReadPosition other) {
            int byPart = Integer.compare(part, other.part);
            if (byPart != 0) {
                return byPart;
            }
            int byResource = Long.compare(resourceOffset, other.resourceOffset);
            return byResource != 0 ? byResource : Long.compare(offset, other.offset);
        }

        /** True when both positions lie in the same chunk, which one decompression serves. */
        boolean sharesChunkWith(ReadPosition other) {
            return part == other.part && resourceOffset == other.resourceOffset && chunk == other.chunk;
        }
    }

    /** Where a stream lies; reads the chunk tables of solid resources (and checks the stream lies inside them). */
    ReadPosition readPosition(LookupEntry entry) throws IOException {
        if (entry.isInSolidResource()) {
            SolidLocation location = locateSolid(entry);
            ChunkTable table = location.table();
            return new ReadPosition(location.part().number(), table.resource().offset(), location.offset(),
                    location.offset() / table.chunkSize());
        }
        return new ReadPosition(entry.partNumber(), entry.resource().offset(), 0, 0);
    }

    /**
     * These streams in the order their data lies in the file, so that reading them one after the other reads the file
     * forward and decompresses each chunk of a solid resource once.
     */
    List<LookupEntry> inReadOrder(Collection<LookupEntry> entries) throws IOException {
        List<Map.Entry<ReadPosition, LookupEntry>> positioned = new ArrayList<>(entries.size());
        for (LookupEntry entry : entries) {
            positioned.add(Map.entry(readPosition(entry), entry));
        }
        positioned.sort(Map.Entry.comparingByKey());
        List<LookupEntry> ordered = new ArrayList<>(positioned.size());
        for (Map.Entry<ReadPosition, LookupEntry> entry : positioned) {
            ordered.add(entry.getValue());
        }
        return ordered;
    }

    /**
     * Reads the whole uncompressed data of a (not solid) resource, such as the lookup table or a metadata
     * resource, without a digest check.
     */
    public byte[] readResource(ResourceHeader resource) throws IOException {
        if (resource.originalSize() > MAX_ARRAY_STREAM) {
            throw new WimFormatException("the resource at offset " + resource.offset() + " claims "
                    + resource.originalSize() + " bytes, too many to read into memory");
        }
        WimPart part = parts.get(0);
        checkLayout(part, resource);
        byte[] data = new byte[(int) resource.originalSize()];
        readResource(part, resource, 0, data, 0, data.length);
        return data;
    }

    /**
     * Validates where a stream lies (and reads its chunk tables) before any buffer of its size is allocated, or before
     * its stored data is copied as it is (split).
     *
     * @throws WimFormatException when the entry claims what its file cannot hold
     */
    void checkLayout(LookupEntry entry) throws IOException {
        if (entry.isInSolidResource()) {
            locateSolid(entry);
        } else {
            checkLayout(partOf(entry), entry.resource());
        }
    }

    private void checkLayout(WimPart part, ResourceHeader resource) throws IOException {
        if (resource.isCompressed()) {
            chunkTable(part, resource);
        } else {
            checkUncompressed(part, resource);
        }
    }

    private static void checkUncompressed(WimPart part, ResourceHeader resource) throws WimFormatException {
        ChunkTable.checkInFile(resource, part.size());
        if (resource.storedSize() != resource.originalSize()) {
            throw new WimFormatException("the uncompressed resource at offset " + resource.offset() + " stores "
                    + resource.storedSize() + " bytes for " + resource.originalSize()
                    + "; its resource header is damaged");
        }
    }

    /** Where a stream inside a solid resource lies: the solid resource of its run and the offset in its data. */
    private record SolidLocation(WimPart part, ChunkTable table, long offset) {
    }

    private SolidLocation locateSolid(LookupEntry entry) throws IOException {
        long start = entry.resource().offset();
        for (LookupEntry resourceEntry : lookupTable.solidRunOf(entry).resources()) {
            WimPart part = partOf(resourceEntry);
            ChunkTable table = solidChunkTable(part, resourceEntry.resource());
            if (start >= 0 && start <= table.uncompressedSize() - entry.size()) {
                return new SolidLocation(part, table, start);
            }
            start -= table.uncompressedSize();
        }
        throw new WimFormatException("the stream " + entry.hash() + " (lookup table entry " + entry.index()
                + ") lies at offset " + entry.resource().offset() + " with " + entry.size()
                + " bytes, outside the solid resources of its run; the lookup table is damaged");
    }

    private void readSolid(LookupEntry entry, long offset, byte[] dst, int dstOff, int len) throws IOException {
        SolidLocation location = locateSolid(entry);
        readChunked(location.part(), location.table(), location.offset() + offset, dst, dstOff, len);
    }

    private void readResource(WimPart part, ResourceHeader resource, long offset, byte[] dst, int dstOff, int len)
            throws IOException {
        if (resource.isSolid()) {
            throw new WimFormatException("the resource at offset " + resource.offset()
                    + " is a solid resource, which is read through the streams inside it");
        }
        if (!resource.isCompressed()) {
            checkUncompressed(part, resource);
            readFully(part, resource.offset() + offset, dst, dstOff, len);
            return;
        }
        ChunkTable table = chunkTable(part, resource);
        readChunked(part, table, offset, dst, dstOff, len);
    }

    private ChunkTable chunkTable(WimPart part, ResourceHeader resource) throws IOException {
        ResourceKey key = new ResourceKey(part.number(), resource.offset());
        ChunkTable table = chunkTables.get(key);
        if (table == null || !table.resource().equals(resource)) {
            WimHeader header = part.header();
            CompressionType type = header.compressionType();
            if (type == CompressionType.NONE) {
                throw new WimFormatException("the resource at offset " + resource.offset() + " is marked"
                        + " compressed, but the WIM header names no compression type; the file is damaged");
            }
            int chunkSize = header.chunkSize() == 0 ? DEFAULT_CHUNK_SIZE : header.chunkSize();
            table = ChunkTable.read(part.channel(), part.size(), resource, chunkSize, type);
            chunkTables.put(key, table);
        }
        return table;
    }

    private ChunkTable solidChunkTable(WimPart part, ResourceHeader resource) throws IOException {
        ResourceKey key = new ResourceKey(part.number(), resource.offset());
        ChunkTable table = chunkTables.get(key);
        if (table == null || !table.resource().equals(resource)) {
            table = ChunkTable.readSolid(part.channel(), part.size(), resource);
            chunkTables.put(key, table);
        }
        return table;
    }

    private void readChunked(WimPart part, ChunkTable table, long offset, byte[] dst, int dstOff, int len)
            throws IOException {
        if (offset + len > table.uncompressedSize()) {
            throw new WimFormatException("a read of " + len + " bytes at " + offset + " runs past the "
                    + table.uncompressedSize() + " bytes of the resource at offset " + table.resource().offset()
                    + "; the lookup table is damaged");
        }
        int chunkSize = table.chunkSize();
        while (len > 0) {
            int index = (int) (offset / chunkSize);
            int within = (int) (offset % chunkSize);
            int n = Math.min(len, table.uncompressedChunkSize(index) - within);
            if (n == table.uncompressedChunkSize(index) && !(cachedTable == table && cachedChunk == index)) {
                // a whole chunk: decompressed straight into the destination
                decodeChunk(part, table, index, dst, dstOff);
            } else {
                loadChunk(part, table, index);
                System.arraycopy(chunkData, within, dst, dstOff, n);
            }
            offset += n;
            dstOff += n;
            len -= n;
        }
    }

    private void loadChunk(WimPart part, ChunkTable table, int index) throws IOException {
        if (cachedTable == table && cachedChunk == index) {
            return;
        }
        cachedTable = null;
        if (chunkData.length < table.chunkSize()) {
            chunkData = new byte[table.chunkSize()];
        }
        decodeChunk(part, table, index, chunkData, 0);
        cachedTable = table;
        cachedChunk = index;
    }

    /** Reads chunk {@code index} and decompresses it into {@code dst} at {@code dstOff}. */
    private void decodeChunk(WimPart part, ChunkTable table, int index, byte[] dst, int dstOff) throws IOException {
        int size = table.uncompressedChunkSize(index);
        int stored = table.storedSize(index);
        if (stored == size) {
            readFully(part, table.storedOffset(index), dst, dstOff, size);
        } else {
            if (storedData.length < stored) {
                storedData = new byte[Math.max(stored, table.chunkSize())];
            }
            readFully(part, table.storedOffset(index), storedData, 0, stored);
            ChunkDecompressor decompressor = decompressor(table);
            try {
                decompressor.decompress(storedData, 0, stored, dst, dstOff, size);
            } catch (CompressionException e) {
                throw new WimFormatException("chunk " + index + " of the " + table.compression().displayName()
                        + " resource at offset " + table.resource().offset() + " in " + part.path() + " is damaged: "
                        + e.getMessage(), e);
            }
        }
    }

    private ChunkDecompressor decompressor(ChunkTable table) throws WimFormatException {
        CompressionType type = table.compression();
        int chunkSize = table.chunkSize();
        Map<Integer, ChunkDecompressor> bySize = decompressors.computeIfAbsent(type, t -> new HashMap<>());
        ChunkDecompressor decompressor = bySize.get(chunkSize);
        if (decompressor == null) {
            decompressor = switch (type) {
                case XPRESS -> {
                    if (chunkSize > XpressDecompressor.MAX_BLOCK_SIZE) {
                        throw new WimFormatException("the XPRESS resource at offset " + table.resource().offset()
                                + " uses chunks of " + chunkSize + " bytes; XPRESS chunks have at most "
                                + XpressDecompressor.MAX_BLOCK_SIZE);
                    }
                    yield new XpressDecompressor();
                }
                case LZX -> {
                    if (chunkSize > LzxFormat.MAX_WINDOW_SIZE) {
                        throw new WimFormatException("the LZX resource at offset " + table.resource().offset()
                                + " uses chunks of " + chunkSize + " bytes; LZX chunks have at most "
                                + LzxFormat.MAX_WINDOW_SIZE);
                    }
                    yield new LzxDecompressor(LzxFormat.wim(chunkSize));
                }
                case LZMS -> new LzmsDecompressor();
                case NONE -> throw new WimFormatException("the resource at offset " + table.resource().offset()
                        + " has chunks smaller than their data, but names no compression; it is damaged");
            };
            bySize.put(chunkSize, decompressor);
        }
        return decompressor;
    }

    private static void readFully(WimPart part, long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(dst, off, len);
        while (buffer.hasRemaining()) {
            if (part.channel().read(buffer, position + buffer.position() - off) < 0) {
                throw new WimFormatException("the file " + part.path() + " ends at " + part.size() + " bytes, inside the"
                        + " resource data at offset " + position + "; it is truncated");
            }
        }
    }

    private void verify(LookupEntry entry, byte[] digest) throws WimFormatException {
        Sha1Digest actual = Sha1Digest.of(digest);
        if (!actual.equals(entry.hash())) {
            String where = entry.isInSolidResource()
                    ? "at offset " + entry.resource().offset() + " in the solid resources of lookup table entry "
                            + entry.index()
                    : "resource at offset " + entry.resource().offset();
            throw new WimFormatException("the stream " + entry.hash() + " (" + where + " in " + partOf(entry).path()
                    + ") is damaged: its data has SHA-1 " + actual);
        }
    }

    /** This reader's SHA-1 digest, reset. */
    private MessageDigest sha1() {
        if (sha1 == null) {
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the Java runtime has no SHA-1", e);
            }
        } else {
            sha1.reset();
        }
        return sha1;
    }
}
