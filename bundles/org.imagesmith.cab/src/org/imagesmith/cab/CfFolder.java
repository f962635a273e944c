package org.imagesmith.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A CFFOLDER: where the folder's first CFDATA block is, how many blocks the folder has in this cabinet, and its
 * compression.
 */
public record CfFolder(long coffCabStart, int cCFData, int typeCompress) {
    static final int FIXED_SIZE = 8;

    /** The compression type, or {@code null} when typeCompress holds an unknown one. */
    public CompressionType compressionType() {
        return CompressionType.of(typeCompress);
    }

    /** For LZX folders, the window size as a power of two (15 to 21); 0 for the other types. */
    public int lzxWindowBits() {
        return compressionType() == CompressionType.LZX ? (typeCompress >>> 8) & 0x1F : 0;
    }

    static CfFolder read(CabinetSource source, long position, int index) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(source.read(position, FIXED_SIZE, "CFFOLDER " + index))
                .order(ByteOrder.LITTLE_ENDIAN);
        long coffCabStart = Integer.toUnsignedLong(buffer.getInt(0));
        int cCFData = buffer.getShort(4) & 0xFFFF;
        int typeCompress = buffer.getShort(6) & 0xFFFF;
        if (coffCabStart > source.size()) {
            throw new CabinetFormatException("cabinet '" + source.name() + "' is damaged: CFFOLDER " + index
                    + " puts its data at 0x" + Long.toHexString(coffCabStart) + ", past the end of the file ("
                    + source.size() + " bytes)");
        }
        return new CfFolder(coffCabStart, cCFData, typeCompress);
    }
}
