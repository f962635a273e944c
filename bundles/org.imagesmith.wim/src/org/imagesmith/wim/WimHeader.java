package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The WIM header (WIMHEADER_V1_PACKED, 208 bytes at offset 0): the file's tag, version, flags, chunk size,
 * GUID (as hex digits in file order), part numbers, image count and the resource headers of the lookup table, the XML data, the boot metadata
 * and the integrity table.
 */
public record WimHeader(
        int version,
        int flags,
        int chunkSize,
        String guid,
        int partNumber,
        int totalParts,
        int imageCount,
        ResourceHeader lookupTable,
        ResourceHeader xmlData,
        ResourceHeader bootMetadata,
        int bootIndex,
        ResourceHeader integrityTable) {

    public static final int SIZE = 208;
    /** The image tag "MSWIM\0\0\0". */
    static final byte[] TAG = {'M', 'S', 'W', 'I', 'M', 0, 0, 0};
    /** The tag of wimlib's pipable WIM files, "WLPWM\0\0\0". */
    static final byte[] PIPABLE_TAG = {'W', 'L', 'P', 'W', 'M', 0, 0, 0};

    /** Version 1.13 (0x10D00), written by Windows Vista and later. */
    public static final int VERSION_DEFAULT = 0x10D00;
    /** Version 1.11 (0x10B00), written by early Vista betas. */
    public static final int VERSION_OLD = 0x10B00;
    /** Version 3584 (0xE00): files that hold solid resources (LZMS "ESD" style). */
    public static final int VERSION_SOLID = 0xE00;

    public static final int FLAG_RESERVED = 0x00000001;
    public static final int FLAG_COMPRESSION = 0x00000002;
    public static final int FLAG_READONLY = 0x00000004;
    public static final int FLAG_SPANNED = 0x00000008;
    public static final int FLAG_RESOURCE_ONLY = 0x00000010;
    public static final int FLAG_METADATA_ONLY = 0x00000020;
    public static final int FLAG_WRITE_IN_PROGRESS = 0x00000040;
    public static final int FLAG_RP_FIX = 0x00000080;
    public static final int FLAG_COMPRESS_RESERVED = 0x00010000;
    public static final int FLAG_COMPRESS_XPRESS = 0x00020000;
    public static final int FLAG_COMPRESS_LZX = 0x00040000;
    public static final int FLAG_COMPRESS_LZMS = 0x00080000;
    public static final int FLAG_COMPRESS_XPRESS2 = 0x00200000;

    /**
     * Parses the 208 header bytes.
     *
     * @throws WimFormatException when the bytes are not a WIM header this engine reads
     */
    public static WimHeader parse(byte[] bytes) throws WimFormatException {
        if (bytes.length < SIZE) {
            throw WimFormatException.notWimFile("the file is too short to be a WIM file (" + bytes.length
                    + " bytes; a WIM header alone has " + SIZE + ")");
        }
        byte[] tag = Arrays.copyOf(bytes, 8);
        if (Arrays.equals(tag, PIPABLE_TAG)) {
            throw WimFormatException.notWimFile("this is a pipable WIM file (wimlib's WLPWM format), which is not supported yet;"
                    + " convert it with 'wimlib-imagex optimize --not-pipable'");
        }
        if (!Arrays.equals(tag, TAG)) {
            throw WimFormatException.notWimFile("the file is not a WIM file (it does not start with the tag MSWIM)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 8, SIZE - 8).order(ByteOrder.LITTLE_ENDIAN);
        int headerSize = buffer.getInt();
        if (headerSize != SIZE) {
            throw WimFormatException.notWimFile("the WIM header gives its size as " + Integer.toUnsignedString(headerSize)
                    + " bytes; a WIM header has " + SIZE);
        }
        int version = buffer.getInt();
        if (version != VERSION_DEFAULT && version != VERSION_OLD && version != VERSION_SOLID) {
            throw WimFormatException.notWimFile("the WIM file has version 0x" + Integer.toHexString(version)
                    + ", which is not a known WIM version (0x10d00, 0x10b00 or 0xe00)");
        }
        int flags = buffer.getInt();
        int chunkSize = buffer.getInt();
        byte[] guid = new byte[16];
        buffer.get(guid);
        int partNumber = Short.toUnsignedInt(buffer.getShort());
        int totalParts = Short.toUnsignedInt(buffer.getShort());
        int imageCount = buffer.getInt();
        ResourceHeader lookupTable = ResourceHeader.read(buffer);
        ResourceHeader xmlData = ResourceHeader.read(buffer);
        ResourceHeader bootMetadata = ResourceHeader.read(buffer);
        int bootIndex = buffer.getInt();
        ResourceHeader integrityTable = ResourceHeader.read(buffer);
        if (imageCount < 0) {
            throw new WimFormatException("the WIM header gives an impossible image count (" + Integer.toUnsignedString(imageCount) + ")");
        }
        return new WimHeader(version, flags, chunkSize, HexFormat.of().formatHex(guid), partNumber, totalParts,
                imageCount, lookupTable, xmlData, bootMetadata, bootIndex, integrityTable);
    }

    /**
     * Checks what the header says against the file it heads, as wimlib does before using it: the part number and count, the
     * lookup table, XML data and integrity table inside the file, and no more images than the lookup table has
     * entries for (each image needs its metadata resource's entry).
     *
     * @throws WimFormatException when the header claims what the file cannot hold; the file is damaged
     */
    public void checkAgainst(long fileSize) throws WimFormatException {
        // a part number past the part count is the split WIM set's to report (SplitWimSet names the set's parts)
        if (totalParts < 1 || partNumber < 1) {
            throw new WimFormatException("the WIM header calls the file part " + partNumber + " of " + totalParts
                    + ", which is impossible; the header is damaged");
        }
        checkInFile(lookupTable, "lookup table", fileSize);
        checkInFile(xmlData, "XML data", fileSize);
        checkInFile(integrityTable, "integrity table", fileSize);
        long entries = lookupTable.originalSize() / LookupEntry.SIZE;
        if (partNumber == 1 && imageCount > entries) {
            throw new WimFormatException("the WIM header claims " + Integer.toUnsignedString(imageCount) + " images, but"
                    + " its lookup table has room for only " + entries + " entries; the header is damaged");
        }
    }

    private static void checkInFile(ResourceHeader resource, String what, long fileSize) throws WimFormatException {
        if (resource.isEmpty()) {
            return;
        }
        if (resource.offset() < SIZE || resource.storedSize() > fileSize
                || resource.offset() > fileSize - resource.storedSize()) {
            throw new WimFormatException("the WIM header places the " + what + " at offset "
                    + Long.toUnsignedString(resource.offset()) + " with " + resource.storedSize()
                    + " bytes, outside the file's " + fileSize + " bytes; the file is truncated or its header is damaged");
        }
    }

    /** The 208 bytes of this header as they are written at offset 0 of the file (the inverse of {@link #parse}). */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        out.put(TAG);
        out.putInt(SIZE);
        out.putInt(version);
        out.putInt(flags);
        out.putInt(chunkSize);
        out.put(HexFormat.of().parseHex(guid));
        out.putShort((short) partNumber);
        out.putShort((short) totalParts);
        out.putInt(imageCount);
        lookupTable.write(out);
        xmlData.write(out);
        bootMetadata.write(out);
        out.putInt(bootIndex);
        integrityTable.write(out);
        return out.array();
    }

    /** The compression type of the file's non-solid resources. */
    public CompressionType compressionType() {
        if ((flags & FLAG_COMPRESSION) == 0) {
            return CompressionType.NONE;
        }
        if ((flags & FLAG_COMPRESS_LZMS) != 0) {
            return CompressionType.LZMS;
        }
        if ((flags & FLAG_COMPRESS_LZX) != 0) {
            return CompressionType.LZX;
        }
        return CompressionType.XPRESS;
    }

    public boolean hasIntegrityTable() {
        return !integrityTable.isEmpty();
    }

    public boolean isSolid() {
        return version == VERSION_SOLID;
    }

    /** The version as WIM tools print it, such as "1.13" or "3584 (solid)". */
    public String versionString() {
        if (version == VERSION_SOLID) {
            return "3584";
        }
        return (version >>> 16) + "." + ((version >>> 8) & 0xFF);
    }
}
