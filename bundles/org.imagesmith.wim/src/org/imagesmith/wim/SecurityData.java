package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The security data at the start of an image's metadata resource (SECURITYBLOCK_DISK): a total length, an entry
 * count, one 64-bit size per entry and the self-relative security descriptors, padded to 8 bytes. Directory
 * entries refer to a descriptor by its index (their security id). Immutable.
 */
public final class SecurityData {
    /** The fixed part: total length and entry count (32 bits each). */
    static final int HEADER_SIZE = 8;

    private final int totalLength;
    private final byte[][] descriptors;

    private SecurityData(int totalLength, byte[][] descriptors) {
        this.totalLength = totalLength;
        this.descriptors = descriptors;
    }

    /**
     * Parses the security data at the start of an uncompressed metadata resource.
     *
     * @throws WimFormatException when its lengths do not fit the resource or each other
     */
    public static SecurityData parse(byte[] metadata) throws WimFormatException {
        if (metadata.length < HEADER_SIZE) {
            throw new WimFormatException("the metadata resource has only " + metadata.length
                    + " bytes, too few for its security data");
        }
        ByteBuffer buffer = ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN);
        long storedLength = Integer.toUnsignedLong(buffer.getInt());
        long count = Integer.toUnsignedLong(buffer.getInt());
        // a total length of 0 stands for the 8 bytes of an empty security data block
        long length = align8(Math.max(storedLength, HEADER_SIZE));
        if (length > metadata.length) {
            throw new WimFormatException("the security data claims " + storedLength + " bytes, but the metadata"
                    + " resource has only " + metadata.length);
        }
        if (HEADER_SIZE + count * Long.BYTES > length) {
            throw new WimFormatException("the security data claims " + count + " security descriptors, whose sizes"
                    + " alone need more than its " + storedLength + " bytes");
        }
        long[] sizes = new long[(int) count];
        for (int i = 0; i < count; i++) {
            sizes[i] = buffer.getLong();
        }
        long position = buffer.position();
        byte[][] descriptors = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            if (sizes[i] < 0 || sizes[i] > length - position) {
                throw new WimFormatException("security descriptor " + i + " claims " + Long.toUnsignedString(sizes[i])
                        + " bytes at offset " + position + ", past the end of the security data's " + storedLength
                        + " bytes");
            }
            descriptors[i] = Arrays.copyOfRange(metadata, (int) position, (int) (position + sizes[i]));
            position += sizes[i];
        }
        return new SecurityData((int) length, descriptors);
    }

    static long align8(long value) {
        return (value + 7) & ~7L;
    }

    /** The length of the security data padded to 8 bytes: the offset of the root directory entry. */
    public int alignedLength() {
        return totalLength;
    }

    public int count() {
        return descriptors.length;
    }

    /** A copy of the self-relative security descriptor with this security id. */
    public byte[] descriptor(int securityId) {
        return descriptors[securityId].clone();
    }
}
