package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The integrity table of a WIM file: a table size, an entry count and a chunk size (32 bits each), then the SHA-1
 * digest of each chunk of the file from the end of the WIM header to the end of the lookup table.
 */
public final class IntegrityTable {
    private static final int HEADER_SIZE = 12;
    /** Integrity tables larger than this are refused (64 MiB of digests cover about 100 TB in 32 KiB chunks). */
    static final long MAX_SIZE = 64L << 20;

    /** The chunk size of the integrity tables this engine writes (10 MiB, as DISM and wimlib write them). */
    static final int CHUNK_SIZE = 10 * 1024 * 1024;

    private IntegrityTable() {
    }

    /** The size of the integrity table of a file whose lookup table ends at {@code end}. */
    static int sizeFor(long end) {
        long count = (end - WimHeader.SIZE + CHUNK_SIZE - 1) / CHUNK_SIZE;
        return Math.toIntExact(HEADER_SIZE + count * Sha1Digest.SIZE);
    }

    /**
     * Computes the integrity table of the file being written on {@code channel} (the inverse of {@link #verify}):
     * the SHA-1 digest of each 10 MiB chunk from the end of the header to {@code end}, the end of its lookup table.
     */
    static byte[] compute(FileChannel channel, long end) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(sizeFor(end)).order(ByteOrder.LITTLE_ENDIAN);
        int count = (out.capacity() - HEADER_SIZE) / Sha1Digest.SIZE;
        out.putInt(out.capacity()).putInt(count).putInt(CHUNK_SIZE);
        MessageDigest sha1 = ResourceEncoder.sha1();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        for (long start = WimHeader.SIZE; start < end; start += CHUNK_SIZE) {
            long chunkEnd = Math.min(end, start + CHUNK_SIZE);
            for (long at = start; at < chunkEnd;) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), chunkEnd - at));
                int n = channel.read(chunk, at);
                if (n <= 0) {
                    throw new IOException("the WIM file being written ends at " + at + ", before " + end);
                }
                sha1.update(chunk.array(), 0, n);
                at += n;
            }
            out.put(sha1.digest());
        }
        return out.array();
    }

    /**
     * Checks every chunk of the file against its integrity table; for a split WIM opened with its other parts, every
     * part against its own.
     *
     * @return false when the file (or a part) has no integrity table, true when every chunk matches
     * @throws WimFormatException when the table is damaged or a chunk's digest differs (the file is damaged)
     */
    public static boolean verify(WimFile wim) throws IOException {
        boolean all = true;
        for (WimPart part : wim.parts()) {
            all &= verify(part);
        }
        return all;
    }

    private static boolean verify(WimPart wim) throws IOException {
        WimHeader header = wim.header();
        ResourceHeader table = header.integrityTable();
        if (table.isEmpty()) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(wim.path(), StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (table.isCompressed() || table.storedSize() < HEADER_SIZE || table.storedSize() > MAX_SIZE
                    || table.offset() < WimHeader.SIZE || table.offset() > fileSize - table.storedSize()) {
                throw new WimFormatException("the integrity table of " + wim.path() + " (offset " + table.offset()
                        + ", " + table.storedSize() + " bytes) does not fit the file's " + fileSize
                        + " bytes; the file is damaged");
            }
            ByteBuffer data = ByteBuffer.wrap(read(channel, table.offset(), (int) table.storedSize(), wim))
                    .order(ByteOrder.LITTLE_ENDIAN);
            long size = Integer.toUnsignedLong(data.getInt());
            long count = Integer.toUnsignedLong(data.getInt());
            long chunkSize = Integer.toUnsignedLong(data.getInt());
            long end = header.lookupTable().offset() + header.lookupTable().storedSize();
            long covered = end - WimHeader.SIZE;
            if (chunkSize == 0 || chunkSize > Integer.MAX_VALUE || size > table.storedSize()
                    || count * Sha1Digest.SIZE + HEADER_SIZE > size || end > fileSize || covered < 0
                    || count != (covered + chunkSize - 1) / chunkSize) {
                throw new WimFormatException("the integrity table of " + wim.path() + " lists " + count + " chunks of "
                        + chunkSize + " bytes in " + size + " bytes, which do not cover the " + covered
                        + " bytes from the header to the end of the lookup table; the file is damaged");
            }
            MessageDigest sha1 = ResourceEncoder.sha1();
            byte[] expected = new byte[Sha1Digest.SIZE];
            for (long i = 0; i < count; i++) {
                long start = WimHeader.SIZE + i * chunkSize;
                int length = (int) Math.min(chunkSize, end - start);
                byte[] actual = sha1.digest(read(channel, start, length, wim));
                data.get(expected);
                if (!Arrays.equals(expected, actual)) {
                    throw new WimFormatException("the WIM file " + wim.path() + " is damaged: bytes " + start + " to "
                            + (start + length - 1) + " (integrity chunk " + i + ") do not match the SHA-1 digest its"
                            + " integrity table gives");
                }
            }
            return true;
        }
    }

    private static byte[] read(FileChannel channel, long position, int length, WimPart wim) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new WimFormatException("the file " + wim.path() + " ends inside the region its integrity table"
                        + " covers; it is truncated");
            }
        }
        return buffer.array();
    }
}
