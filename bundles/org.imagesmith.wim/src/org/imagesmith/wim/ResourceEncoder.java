package org.imagesmith.wim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.imagesmith.compression.LzxCompressor;
import org.imagesmith.compression.LzxFormat;
import org.imagesmith.compression.XpressCompressor;
import org.imagesmith.compression.XpressDecompressor;

/**
 * Writes streams of known size as normal (not solid) WIM resources while their data is pushed in, computing their
 * SHA-1 digest on the way. Compressed resources are cut into chunks, compressed a batch at a time on all
 * processors, behind a chunk table of 4-byte offsets (8-byte above 4 GiB). A chunk that does not shrink is stored
 * raw; a one-chunk stream that does not shrink is stored as an uncompressed resource, as wimlib and Windows do. A
 * stream can also be stored uncompressed on request (a configuration list's [CompressionExclusionList]). One stream
 * at a time; close it to stop its threads.
 */
final class ResourceEncoder implements AutoCloseable {
    /** The chunks compressed together, per processor. */
    private static final int BATCH_PER_THREAD = 4;

    private final CompressionType compression;
    private final int chunkSize;
    private final ExecutorService pool;
    private final ThreadLocal<Compressor> compressors;
    private final byte[][] input;
    private final byte[][] output;
    private final int[] inputLengths;
    private final MessageDigest sha1 = sha1();

    // the stream being written
    private FileChannel channel;
    private long position;
    private long size;
    /** Whether the stream being written is stored as an uncompressed resource. */
    private boolean uncompressed;
    private long received;
    private long[] chunkOffsets;
    private int chunksDone;
    private long dataWritten;
    private int batchCount;

    /** The resource written and the digest of the stream's data. */
    record Written(ResourceHeader resource, Sha1Digest hash) {
    }

    @FunctionalInterface
    private interface Compressor {
        int compress(byte[] in, int length, byte[] out);
    }

    ResourceEncoder(CompressionType compression, int chunkSize, int threads) {
        this.compression = compression;
        this.chunkSize = chunkSize;
        Supplier<Compressor> factory = switch (compression) {
            case NONE -> null;
            case XPRESS -> {
                if (chunkSize > XpressDecompressor.MAX_BLOCK_SIZE) {
                    throw new IllegalArgumentException("XPRESS chunks have at most 65536 bytes, not " + chunkSize);
                }
                yield () -> {
                    XpressCompressor xpress = new XpressCompressor();
                    return (in, length, out) -> xpress.compress(in, 0, length, out, 0, length - 1);
                };
            }
            case LZX -> () -> {
                LzxCompressor lzx = new LzxCompressor(LzxFormat.wim(chunkSize));
                return (in, length, out) -> lzx.compress(in, 0, length, out, 0, length - 1);
            };
            case LZMS -> throw new IllegalArgumentException("writing LZMS resources is not supported; choose"
                    + " XPRESS, LZX or no compression");
        };
        int batch = factory == null ? 1 : Math.max(1, threads) * BATCH_PER_THREAD;
        this.compressors = factory == null ? null : ThreadLocal.withInitial(factory);
        this.pool = factory == null || threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "wim-compress");
            thread.setDaemon(true);
            return thread;
        });
        this.input = new byte[batch][chunkSize];
        this.output = new byte[batch][chunkSize];
        this.inputLengths = new int[batch];
    }

    CompressionType compression() {
        return compression;
    }

    /** Starts a stream of {@code size} bytes (more than 0) at {@code position}, compressed as the file is. */
    void begin(FileChannel channel, long position, long size) {
        begin(channel, position, size, true);
    }

    /**
     * Starts a stream of {@code size} bytes (more than 0) at {@code position}; with {@code compress} false it is
     * stored as an uncompressed resource whatever the file's compression.
     */
    void begin(FileChannel channel, long position, long size, boolean compress) {
        if (size <= 0) {
            throw new IllegalArgumentException("empty streams are not stored as resources");
        }
        this.channel = channel;
        this.position = position;
        this.size = size;
        this.received = 0;
        this.chunksDone = 0;
        this.dataWritten = 0;
        this.batchCount = 0;
        this.uncompressed = compression == CompressionType.NONE || !compress;
        sha1.reset();
        long chunks = (size + chunkSize - 1) / chunkSize;
        if (!uncompressed) {
            if (chunks > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a stream of " + size + " bytes has too many chunks");
            }
            chunkOffsets = new long[(int) chunks];
        }
    }

    /** Adds the next bytes of the stream. */
    void write(byte[] data, int offset, int length) throws IOException {
        if (received + length > size) {
            throw new IOException("the stream has more than the " + size + " bytes it was announced with;"
                    + " its file changed while it was read");
        }
        sha1.update(data, offset, length);
        received += length;
        if (uncompressed) {
            writeFully(channel, position + received - length, ByteBuffer.wrap(data, offset, length));
            return;
        }
        while (length > 0) {
            int slot = batchCount;
            int filled = inputLengths[slot];
            int n = Math.min(length, chunkSize - filled);
            System.arraycopy(data, offset, input[slot], filled, n);
            inputLengths[slot] = filled + n;
            offset += n;
            length -= n;
            if (inputLengths[slot] == chunkSize) {
                batchCount++;
                if (batchCount == input.length) {
                    flushBatch();
                }
            }
        }
    }

    /** Ends the stream and returns its resource header (with {@code flags} and the compressed flag as fitting). */
    Written finish(int flags) throws IOException {
        if (received != size) {
            throw new IOException("the stream has " + received + " bytes instead of the " + size
                    + " it was announced with; its file changed while it was read");
        }
        Sha1Digest hash = Sha1Digest.of(sha1.digest());
        if (uncompressed) {
            return new Written(new ResourceHeader(size, flags & ~ResourceHeader.FLAG_COMPRESSED, position, size), hash);
        }
        if (batchCount < input.length && inputLengths[batchCount] > 0) {
            batchCount++;
        }
        if (chunkOffsets.length == 1) {
            // one chunk: stored raw as an uncompressed resource when it does not shrink
            int length = inputLengths[0];
            int compressed = compressors.get().compress(input[0], length, output[0]);
            inputLengths[0] = 0;
            batchCount = 0;
            if (compressed == 0) {
                writeFully(channel, position, ByteBuffer.wrap(input[0], 0, length));
                return new Written(new ResourceHeader(size, flags & ~ResourceHeader.FLAG_COMPRESSED, position, size),
                        hash);
            }
            writeFully(channel, position, ByteBuffer.wrap(output[0], 0, compressed));
            return new Written(new ResourceHeader(compressed, flags | ResourceHeader.FLAG_COMPRESSED, position, size),
                    hash);
        }
        flushBatch();
        int entrySize = tableEntrySize();
        ByteBuffer table = ByteBuffer.allocate((chunkOffsets.length - 1) * entrySize).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i < chunkOffsets.length; i++) {
            if (entrySize == 8) {
                table.putLong(chunkOffsets[i]);
            } else {
                table.putInt((int) chunkOffsets[i]);
            }
        }
        writeFully(channel, position, table.flip());
        return new Written(new ResourceHeader(tableSize() + dataWritten, flags | ResourceHeader.FLAG_COMPRESSED,
                position, size), hash);
    }

    private int tableEntrySize() {
        return size > 0xFFFF_FFFFL ? 8 : 4;
    }

    private long tableSize() {
        return (long) (chunkOffsets.length - 1) * tableEntrySize();
    }

    /** Compresses the batch's chunks (in parallel when there are threads) and writes them in order. */
    private void flushBatch() throws IOException {
        int count = batchCount;
        int[] sizes = new int[count];
        if (pool == null || count == 1) {
            for (int i = 0; i < count; i++) {
                sizes[i] = compressors.get().compress(input[i], inputLengths[i], output[i]);
            }
        } else {
            List<Future<Integer>> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int slot = i;
                results.add(pool.submit(() -> compressors.get().compress(input[slot], inputLengths[slot], output[slot])));
            }
            for (int i = 0; i < count; i++) {
                try {
                    sizes[i] = results.get(i).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while compressing");
                } catch (ExecutionException e) {
                    throw new IOException("compressing a chunk failed: " + e.getCause(), e.getCause());
                }
            }
        }
        long dataStart = position + tableSize();
        for (int i = 0; i < count; i++) {
            chunkOffsets[chunksDone++] = dataWritten;
            ByteBuffer chunk = sizes[i] == 0 ? ByteBuffer.wrap(input[i], 0, inputLengths[i])
                    : ByteBuffer.wrap(output[i], 0, sizes[i]);
            int stored = chunk.remaining();
            writeFully(channel, dataStart + dataWritten, chunk);
            dataWritten += stored;
            inputLengths[i] = 0;
        }
        batchCount = 0;
    }

    static void writeFully(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-1", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
