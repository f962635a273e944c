package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Where the chunks of a compressed resource lie. A compressed resource is cut into chunks of the chunk size (the
 * last may be shorter), each compressed on its own and stored raw when compression does not make it smaller.
 * Normal resources start with a chunk table of the offsets of chunks 2..n relative to the end of the table (4-byte
 * entries, 8-byte when the resource is larger than 4 GiB). Solid resources start with a 16-byte header (uncompressed
 * size, chunk size, compression format) and a table of the compressed sizes of all chunks (4-byte entries).
 */
final class ChunkTable {
    static final int SOLID_HEADER_SIZE = 16;
    static final int MIN_CHUNK_SIZE = 1 << 12;
    static final int MAX_CHUNK_SIZE = 1 << 26;

    private final ResourceHeader resource;
    private final long uncompressedSize;
    private final int chunkSize;
    private final CompressionType compression;
    /** File offsets of the chunks' stored data, with the end of the last chunk as the final element. */
    private final long[] chunkStarts;

    private ChunkTable(ResourceHeader resource, long uncompressedSize, int chunkSize, CompressionType compression,
            long[] chunkStarts) {
        this.resource = resource;
        this.uncompressedSize = uncompressedSize;
        this.chunkSize = chunkSize;
        this.compression = compression;
        this.chunkStarts = chunkStarts;
    }

    /** Reads the chunk table of a normal (not solid) compressed resource. */
    static ChunkTable read(FileChannel channel, long fileSize, ResourceHeader resource, int chunkSize,
            CompressionType compression) throws IOException {
        checkChunkSize(chunkSize, resource, "the WIM header");
        checkInFile(resource, fileSize);
        long size = resource.originalSize();
        long count = chunkCount(size, chunkSize);
        int entrySize = size > 0xFFFF_FFFFL ? 8 : 4;
        long tableSize = Math.max(0, count - 1) * entrySize;
        if (count > resource.storedSize() || tableSize > resource.storedSize() || count > Integer.MAX_VALUE / 8) {
            throw new WimFormatException("the compressed resource at offset " + resource.offset() + " claims "
                    + size + " bytes in " + count + " chunks but stores only " + resource.storedSize()
                    + " bytes; its resource header is damaged");
        }
        ByteBuffer table = readBuffer(channel, resource.offset(), (int) tableSize);
        long dataStart = resource.offset() + tableSize;
        long dataSize = resource.storedSize() - tableSize;
        long[] starts = new long[(int) count + 1];
        starts[0] = dataStart;
        for (int i = 1; i < count; i++) {
            long relative = entrySize == 8 ? table.getLong() : Integer.toUnsignedLong(table.getInt());
            if (relative < 0 || relative > dataSize) {
                throw new WimFormatException("chunk " + i + " of the resource at offset " + resource.offset()
                        + " starts at " + relative + ", outside the resource's " + dataSize + " bytes of chunk data;"
                        + " the chunk table is damaged");
            }
            starts[i] = dataStart + relative;
        }
        starts[(int) count] = dataStart + dataSize;
        ChunkTable chunks = new ChunkTable(resource, size, chunkSize, compression, starts);
        chunks.checkChunkSizes();
        return chunks;
    }

    /** Reads the header and chunk table of a solid resource. */
    static ChunkTable readSolid(FileChannel channel, long fileSize, ResourceHeader resource) throws IOException {
        checkInFile(resource, fileSize);
        if (resource.storedSize() < SOLID_HEADER_SIZE) {
            throw new WimFormatException("the solid resource at offset " + resource.offset() + " has only "
                    + resource.storedSize() + " bytes, too few for its header; it is damaged");
        }
        ByteBuffer header = readBuffer(channel, resource.offset(), SOLID_HEADER_SIZE);
        long size = header.getLong();
        int chunkSize = header.getInt();
        int format = header.getInt();
        checkChunkSize(chunkSize, resource, "its solid resource header");
        CompressionType compression = switch (format) {
            case 0 -> CompressionType.NONE;
            case 1 -> CompressionType.XPRESS;
            case 2 -> CompressionType.LZX;
            case 3 -> CompressionType.LZMS;
            default -> throw new WimFormatException("the solid resource at offset " + resource.offset()
                    + " names compression format " + Integer.toUnsignedString(format)
                    + ", which is none of 0 (none), 1 (XPRESS), 2 (LZX) and 3 (LZMS)");
        };
        long available = resource.storedSize() - SOLID_HEADER_SIZE;
        long count = size < 0 ? Long.MAX_VALUE : chunkCount(size, chunkSize);
        if (count > available / 5 || count > Integer.MAX_VALUE / 8) {
            throw new WimFormatException("the solid resource at offset " + resource.offset() + " claims " + size
                    + " bytes but stores only " + resource.storedSize() + "; its header is damaged");
        }
        ByteBuffer table = readBuffer(channel, resource.offset() + SOLID_HEADER_SIZE, (int) (count * 4));
        long position = resource.offset() + SOLID_HEADER_SIZE + count * 4;
        long end = resource.offset() + resource.storedSize();
        long[] starts = new long[(int) count + 1];
        for (int i = 0; i < count; i++) {
            starts[i] = position;
            position += Integer.toUnsignedLong(table.getInt());
            if (position > end) {
                throw new WimFormatException("chunk " + i + " of the solid resource at offset " + resource.offset()
                        + " ends past the resource's " + resource.storedSize() + " bytes; its chunk table is damaged");
            }
        }
        starts[(int) count] = position;
        ChunkTable chunks = new ChunkTable(resource, size, chunkSize, compression, starts);
        chunks.checkChunkSizes();
        return chunks;
    }

    private void checkChunkSizes() throws WimFormatException {
        for (int i = 0; i < chunkCount(); i++) {
            long stored = chunkStarts[i + 1] - chunkStarts[i];
            if (stored <= 0 || stored > uncompressedChunkSize(i)) {
                throw new WimFormatException("chunk " + i + " of the resource at offset " + resource.offset()
                        + " stores " + stored + " bytes for " + uncompressedChunkSize(i)
                        + " bytes of data, which no WIM writer does; the chunk table is damaged");
            }
        }
    }

    private static long chunkCount(long size, int chunkSize) {
        return (size + chunkSize - 1) / chunkSize;
    }

    private static void checkChunkSize(int chunkSize, ResourceHeader resource, String source)
            throws WimFormatException {
        if (Integer.bitCount(chunkSize) != 1 || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
            throw new WimFormatException("the resource at offset " + resource.offset() + " uses chunks of "
                    + Integer.toUnsignedString(chunkSize) + " bytes (from " + source + "); chunk sizes are powers of"
                    + " two from " + MIN_CHUNK_SIZE + " to " + MAX_CHUNK_SIZE);
        }
    }

    static void checkInFile(ResourceHeader resource, long fileSize) throws WimFormatException {
        if (resource.offset() < WimHeader.SIZE || resource.storedSize() > fileSize
                || resource.offset() > fileSize - resource.storedSize()) {
            throw new WimFormatException("a resource lies at offset " + resource.offset() + " with "
                    + resource.storedSize() + " bytes, outside the file's " + fileSize
                    + " bytes; the file is truncated or its lookup table is damaged");
        }
    }

    private static ByteBuffer readBuffer(FileChannel channel, long position, int length) throws IOException {
        byte[] bytes = WimFile.readFully(channel, position, length);
        if (bytes.length != length) {
            throw new WimFormatException("the file ends inside the resource data at offset " + position
                    + "; it is truncated");
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    ResourceHeader resource() {
        return resource;
    }

    long uncompressedSize() {
        return uncompressedSize;
    }

    int chunkSize() {
        return chunkSize;
    }

    CompressionType compression() {
        return compression;
    }

    int chunkCount() {
        return chunkStarts.length - 1;
    }

    int uncompressedChunkSize(int index) {
        return (int) Math.min(chunkSize, uncompressedSize - (long) index * chunkSize);
    }

    long storedOffset(int index) {
        return chunkStarts[index];
    }

    int storedSize(int index) {
        return (int) (chunkStarts[index + 1] - chunkStarts[index]);
    }
}
