package org.imagesmith.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The base block ("regf" header, the first 4096 bytes of a primary hive file): sequence numbers, time stamp, format
 * version, root cell offset, length of the hive bins data, embedded file name and the XOR-32 checksum of its first 508
 * bytes.
 */
record BaseBlock(
        int primarySequenceNumber,
        int secondarySequenceNumber,
        long lastWritten,
        int majorVersion,
        int minorVersion,
        int fileType,
        int fileFormat,
        int rootCellOffset,
        int hiveBinsDataSize,
        int clusteringFactor,
        String fileName) {

    static final int SIZE = 4096;
    static final int SIGNATURE = 0x66676572; // "regf"
    static final int FILE_TYPE_PRIMARY = 0;
    static final int FILE_FORMAT_DIRECT_MEMORY_LOAD = 1;
    static final int CHECKSUM_OFFSET = 508;
    private static final int FILE_NAME_OFFSET = 48;
    private static final int FILE_NAME_LENGTH = 64;

    /** True when the sequence numbers differ: the hive was not written completely (its logs were not applied). */
    boolean isDirty() {
        return primarySequenceNumber != secondarySequenceNumber;
    }

    /** Parses and validates the base block at the start of {@code file}. */
    static BaseBlock parse(byte[] file) throws HiveFormatException {
        if (file.length < SIZE) {
            throw new HiveFormatException("file is " + file.length + " bytes, shorter than the 4096-byte base block"
                    + " of a registry hive");
        }
        ByteBuffer b = ByteBuffer.wrap(file, 0, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != SIGNATURE) {
            throw new HiveFormatException("bad signature at file offset 0: not a registry hive (expected \"regf\")");
        }
        int stored = b.getInt(CHECKSUM_OFFSET);
        int computed = checksum(file);
        if (stored != computed) {
            throw new HiveFormatException(String.format(
                    "base block checksum at file offset 0x1fc is 0x%08x, the first 508 bytes give 0x%08x", stored,
                    computed));
        }
        int major = b.getInt(20);
        int minor = b.getInt(24);
        if (major != 1 || minor < 2 || minor > 6) {
            throw new HiveFormatException("unsupported hive format version " + major + "." + minor
                    + " in the base block (1.2 to 1.6 are read)");
        }
        int fileType = b.getInt(28);
        if (fileType != FILE_TYPE_PRIMARY) {
            throw new HiveFormatException("base block file type is " + fileType
                    + ": this is a transaction log, not a primary hive file");
        }
        int binsSize = b.getInt(40);
        if (binsSize <= 0 || binsSize % SIZE != 0) {
            throw new HiveFormatException(String.format(
                    "hive bins data size 0x%x in the base block is not a positive multiple of 4096", binsSize));
        }
        if ((long) binsSize > (long) file.length - SIZE) {
            throw new HiveFormatException(String.format(
                    "hive bins data size 0x%x in the base block exceeds the %d bytes after the base block: file is"
                            + " truncated", binsSize, file.length - SIZE));
        }
        byte[] name = Arrays.copyOfRange(file, FILE_NAME_OFFSET, FILE_NAME_OFFSET + FILE_NAME_LENGTH);
        String fileName = new String(name, StandardCharsets.UTF_16LE);
        int nul = fileName.indexOf('\0');
        return new BaseBlock(b.getInt(4), b.getInt(8), b.getLong(12), major, minor, fileType, b.getInt(32),
                b.getInt(36), binsSize, b.getInt(44), nul < 0 ? fileName : fileName.substring(0, nul));
    }

    /** The 4096 bytes of this base block, with its checksum. */
    byte[] toBytes() {
        byte[] out = new byte[SIZE];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, SIGNATURE);
        b.putInt(4, primarySequenceNumber);
        b.putInt(8, secondarySequenceNumber);
        b.putLong(12, lastWritten);
        b.putInt(20, majorVersion);
        b.putInt(24, minorVersion);
        b.putInt(28, fileType);
        b.putInt(32, fileFormat);
        b.putInt(36, rootCellOffset);
        b.putInt(40, hiveBinsDataSize);
        b.putInt(44, clusteringFactor);
        byte[] name = fileName.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, out, FILE_NAME_OFFSET, Math.min(name.length, FILE_NAME_LENGTH - 2));
        b.putInt(CHECKSUM_OFFSET, checksum(out));
        return out;
    }

    /** XOR of the first 127 little-endian 32-bit words; 0 is stored as 1 and -1 as -2. */
    static int checksum(byte[] block) {
        ByteBuffer b = ByteBuffer.wrap(block, 0, CHECKSUM_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        int sum = 0;
        for (int i = 0; i < CHECKSUM_OFFSET; i += 4) {
            sum ^= b.getInt(i);
        }
        if (sum == 0) {
            return 1;
        }
        return sum == -1 ? -2 : sum;
    }

    BaseBlock withWrite(int sequenceNumber, long timeStamp, int rootCell, int binsSize) {
        return new BaseBlock(sequenceNumber, sequenceNumber, timeStamp, majorVersion, minorVersion, fileType,
                fileFormat, rootCell, binsSize, clusteringFactor, fileName);
    }
}
