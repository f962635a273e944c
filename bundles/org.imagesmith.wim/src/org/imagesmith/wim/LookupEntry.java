package org.imagesmith.wim;

import java.nio.ByteBuffer;

/**
 * One entry of the lookup table (a "stream entry", 50 bytes): the resource header of a stream, the split-WIM part
 * that holds it, its reference count and the SHA-1 digest of its uncompressed data. In solid WIM files (version
 * 0xE00) an entry with the solid flag either describes a solid resource (its original size is the magic value
 * 0x100000000) or a stream inside the solid resources of its run, located by an offset into their data.
 *
 * @param index the entry's position in the lookup table (0-based)
 */
public record LookupEntry(int index, ResourceHeader resource, int partNumber, long referenceCount, Sha1Digest hash) {
    public static final int SIZE = 50;
    /** The original size that marks an entry as a solid resource rather than a stream. */
    public static final long SOLID_RESOURCE_MAGIC = 0x1_0000_0000L;

    /** Reads an entry at the buffer's position (little-endian) and advances past it. */
    static LookupEntry read(ByteBuffer buffer, int index) {
        ResourceHeader resource = ResourceHeader.read(buffer);
        int partNumber = Short.toUnsignedInt(buffer.getShort());
        long referenceCount = Integer.toUnsignedLong(buffer.getInt());
        byte[] hash = new byte[Sha1Digest.SIZE];
        buffer.get(hash);
        return new LookupEntry(index, resource, partNumber, referenceCount, Sha1Digest.of(hash));
    }

    /**
     * Writes an entry at the buffer's position (little-endian): the resource, the number of the split-WIM part
     * holding it, its reference count (at most 2^32 - 1) and digest (the inverse of {@link #read}).
     */
    static void write(ByteBuffer table, ResourceHeader resource, int partNumber, long references, Sha1Digest hash) {
        resource.write(table);
        table.putShort((short) partNumber);
        table.putInt((int) Math.min(references, 0xFFFF_FFFFL));
        table.put(hash.toByteArray());
    }

    /** True when this entry describes a solid resource (a container of streams), not a stream. */
    public boolean isSolidResource() {
        return resource.isSolid() && resource.originalSize() == SOLID_RESOURCE_MAGIC;
    }

    /** True when this entry is a stream stored inside a solid resource. */
    public boolean isInSolidResource() {
        return resource.isSolid() && resource.originalSize() != SOLID_RESOURCE_MAGIC;
    }

    /** The uncompressed size of the stream. */
    public long size() {
        return isInSolidResource() ? resource.storedSize() : resource.originalSize();
    }

    public boolean isMetadata() {
        return resource.isMetadata();
    }
}
