package org.imagesmith.wim;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
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
    /** The largest stream {@link #prepare} takes: larger ones are compressed a batch of chunks at a time. */
    static final int PREPARE_LIMIT = 1 << 20;
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
    private final ThreadLocal<MessageDigest> workerSha1 = ThreadLocal.withInitial(ResourceEncoder::sha1);

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

    /**
     * A stream (up to {@link #PREPARE_LIMIT}) read, hashed and compressed ahead on a worker thread: its digest, size
     * and the bytes of its resource ({@code stored} bytes of {@code data}, compressed or not); no bytes when the
     * stream need not be written.
     */
    record Prepared(Sha1Digest hash, long size, byte[] data, int stored, boolean compressed) {
    }

    /** Compresses one chunk into {@code out} at {@code outOff}; returns 0 when it does not shrink. */
    @FunctionalInterface
    private interface Compressor {
        int compress(byte[] in, int inOff, int length, byte[] out, int outOff);
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
                    return (in, inOff, length, out, outOff) -> xpress.compress(in, inOff, length, out, outOff,
                            length - 1);
                };
            }
            case LZX -> () -> {
                LzxCompressor lzx = new LzxCompressor(LzxFormat.wim(chunkSize));
                return (in, inOff, length, out, outOff) -> lzx.compress(in, inOff, length, out, outOff, length - 1);
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

    /** Whether {@link #prepare} can read, hash and compress streams of this size on other threads. */
    boolean canPrepare(long size) {
        return pool != null && size > 0 && size <= PREPARE_LIMIT;
    }

    /**
     * Reads a file of {@code size} bytes (up to {@link #PREPARE_LIMIT}), hashes it and compresses it into the bytes
     * of its resource on a worker thread; a stream {@code known} already holds is only hashed.
     */
    Future<Prepared> prepare(Path path, long size, boolean compress, Predicate<Sha1Digest> known) {
        return pool.submit(() -> {
            byte[] data = new byte[(int) size];
            int total = 0;
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; total < data.length && (n = in.read(data, total, data.length - total)) > 0;) {
                    total += n;
                }
                if (total != size || in.read() >= 0) {
                    throw new IOException("the file " + path + " changed while it was read (it no longer has "
                            + size + " bytes)");
                }
            }
            MessageDigest digest = workerSha1.get();
            digest.reset();
            Sha1Digest hash = Sha1Digest.of(digest.digest(data));
            if (known.test(hash)) {
                return new Prepared(hash, size, null, 0, false);
            }
            return compress && compressors != null ? compressWhole(data, hash)
                    : new Prepared(hash, size, data, data.length, false);
        });
    }

    /**
     * The resource of a whole stream, as {@link #finish} writes it: one chunk stored raw as an uncompressed resource
     * when it does not shrink; more chunks behind their chunk table, each stored raw when it does not shrink.
     */
    private Prepared compressWhole(byte[] data, Sha1Digest hash) {
        Compressor compressor = compressors.get();
        int chunks = (data.length + chunkSize - 1) / chunkSize;
        if (chunks == 1) {
            byte[] out = new byte[data.length];
            int compressed = compressor.compress(data, 0, data.length, out, 0);
            return compressed > 0 ? new Prepared(hash, data.length, out, compressed, true)
                    : new Prepared(hash, data.length, data, data.length, false);
        }
        int tableSize = (chunks - 1) * 4; // streams prepared ahead are far below 4 GiB: 4-byte entries
        byte[] out = new byte[tableSize + data.length];
        ByteBuffer table = ByteBuffer.wrap(out, 0, tableSize).order(ByteOrder.LITTLE_ENDIAN);
        int at = tableSize;
        for (int i = 0; i < chunks; i++) {
            if (i > 0) {
                table.putInt(at - tableSize);
            }
            int from = i * chunkSize;
            int length = Math.min(chunkSize, data.length - from);
            int compressed = compressor.compress(data, from, length, out, at);
            if (compressed == 0) {
                System.arraycopy(data, from, out, at, length);
                compressed = length;
            }
            at += compressed;
        }
        return new Prepared(hash, data.length, out, at, true);
    }

    /** Writes a prepared stream's bytes at {@code position} as a resource (as {@link #finish} would have). */
    Written write(FileChannel target, long at, Prepared prepared, int flags) throws IOException {
        writeFully(target, at, ByteBuffer.wrap(prepared.data(), 0, prepared.stored()));
        int resourceFlags = prepared.compressed() ? flags | ResourceHeader.FLAG_COMPRESSED
                : flags & ~ResourceHeader.FLAG_COMPRESSED;
        return new Written(new ResourceHeader(prepared.stored(), resourceFlags, at, prepared.size()), prepared.hash());
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
            int compressed = compressors.get().compress(input[0], 0, length, output[0], 0);
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
                sizes[i] = compressors.get().compress(input[i], 0, inputLengths[i], output[i], 0);
            }
        } else {
            List<Future<Integer>> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int slot = i;
                results.add(pool.submit(() -> compressors.get().compress(input[slot], 0, inputLengths[slot],
                        output[slot], 0)));
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
