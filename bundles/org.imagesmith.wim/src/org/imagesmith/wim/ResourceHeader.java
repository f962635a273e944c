package org.imagesmith.wim;

import java.nio.ByteBuffer;

/**
 * A resource header (RESHDR_DISK_SHORT, 24 bytes): where a resource lies in the WIM file, its stored size and
 * its uncompressed ("original") size. The stored size has 56 bits; the byte above it holds the flags.
 */
public record ResourceHeader(long storedSize, int flags, long offset, long originalSize) {
    public static final int SIZE = 24;
    public static final int FLAG_FREE = 0x01;
    public static final int FLAG_METADATA = 0x02;
    public static final int FLAG_COMPRESSED = 0x04;
    public static final int FLAG_SPANNED = 0x08;
    public static final int FLAG_SOLID = 0x10;

    /** Reads a resource header at the buffer's position (little-endian) and advances past it. */
    public static ResourceHeader read(ByteBuffer buffer) {
        long sizeAndFlags = buffer.getLong();
        long offset = buffer.getLong();
        long originalSize = buffer.getLong();
        return new ResourceHeader(sizeAndFlags & 0x00FF_FFFF_FFFF_FFFFL, (int) (sizeAndFlags >>> 56), offset,
                originalSize);
    }

    public void write(ByteBuffer buffer) {
        buffer.putLong(storedSize | ((long) flags << 56));
        buffer.putLong(offset);
        buffer.putLong(originalSize);
    }

    public boolean isCompressed() {
        return (flags & FLAG_COMPRESSED) != 0;
    }

    public boolean isMetadata() {
        return (flags & FLAG_METADATA) != 0;
    }

    public boolean isSolid() {
        return (flags & FLAG_SOLID) != 0;
    }

    /** True for the all-zero header that stands for "no such resource" (for example no integrity table). */
    public boolean isEmpty() {
        return storedSize == 0 && offset == 0 && originalSize == 0;
    }
}
