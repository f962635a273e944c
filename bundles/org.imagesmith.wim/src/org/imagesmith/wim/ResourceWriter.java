package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

import org.imagesmith.compression.LzxCompressor;
import org.imagesmith.compression.LzxFormat;
import org.imagesmith.compression.XpressCompressor;
import org.imagesmith.compression.XpressDecompressor;

/**
 * Writes a stream as a normal (not solid) WIM resource: uncompressed, or cut into chunks that are compressed one by
 * one (a chunk that does not shrink is stored raw) behind a chunk table of 4-byte offsets, as Windows and wimlib
 * read them. Reusable, not thread-safe.
 */
public final class ResourceWriter {
    private final CompressionType compression;
    private final int chunkSize;
    private final XpressCompressor xpress;
    private final LzxCompressor lzx;
    private final byte[] chunkBuffer;

    /**
     * A writer for resources of this compression and chunk size (the WIM header's; XPRESS chunks have at most
     * 64 KiB, LZX chunks 2 MiB).
     */
    public ResourceWriter(CompressionType compression, int chunkSize) {
        if (Integer.bitCount(chunkSize) != 1 || chunkSize < ChunkTable.MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk sizes are powers of two of at least 4096, not " + chunkSize);
        }
        this.compression = compression;
        this.chunkSize = chunkSize;
        switch (compression) {
            case XPRESS -> {
                if (chunkSize > XpressDecompressor.MAX_BLOCK_SIZE) {
                    throw new IllegalArgumentException("XPRESS chunks have at most 65536 bytes, not " + chunkSize);
                }
                xpress = new XpressCompressor();
                lzx = null;
            }
            case LZX -> {
                xpress = null;
                lzx = new LzxCompressor(LzxFormat.wim(chunkSize));
            }
            case NONE -> {
                xpress = null;
                lzx = null;
            }
            default -> throw new IllegalArgumentException("writing " + compression.displayName()
                    + " resources is not supported");
        }
        this.chunkBuffer = new byte[compression == CompressionType.NONE ? 0 : chunkSize];
    }

    /**
     * Writes the data at {@code position} and returns its resource header (with {@code flags}, plus the compressed
     * flag when the resource is compressed).
     */
    public ResourceHeader write(FileChannel channel, long position, byte[] data, int flags) throws IOException {
        if (compression == CompressionType.NONE || data.length == 0) {
            writeFully(channel, position, ByteBuffer.wrap(data));
            return new ResourceHeader(data.length, flags & ~ResourceHeader.FLAG_COMPRESSED, position, data.length);
        }
        int chunks = (data.length + chunkSize - 1) / chunkSize;
        // a byte array holds less than 4 GiB, so the chunk table has 4-byte entries
        ByteBuffer table = ByteBuffer.allocate((chunks - 1) * 4).order(ByteOrder.LITTLE_ENDIAN);
        long dataStart = position + table.capacity();
        long offset = 0;
        for (int i = 0; i < chunks; i++) {
            int from = i * chunkSize;
            int length = Math.min(chunkSize, data.length - from);
            if (i > 0) {
                table.putInt((int) offset);
            }
            int size = compression == CompressionType.XPRESS
                    ? xpress.compress(data, from, length, chunkBuffer, 0, length - 1)
                    : lzx.compress(data, from, length, chunkBuffer, 0, length - 1);
            ByteBuffer chunk = size == 0 ? ByteBuffer.wrap(data, from, length) : ByteBuffer.wrap(chunkBuffer, 0, size);
            int stored = chunk.remaining();
            writeFully(channel, dataStart + offset, chunk);
            offset += stored;
        }
        writeFully(channel, position, table.flip());
        return new ResourceHeader(table.capacity() + offset, flags | ResourceHeader.FLAG_COMPRESSED, position,
                data.length);
    }

    private static void writeFully(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }
}
