package org.imagesmith.cab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The CFHEADER at the start of a cabinet: sizes, counts, flags, the set ID and index, the reserved-area sizes and
 * the names of the previous and next cabinets of a set ({@code null} when the flags say they are absent).
 *
 * @param size the number of bytes the header takes in the file, reserved area and names included
 */
public record CfHeader(
        long cbCabinet,
        long coffFiles,
        int versionMinor,
        int versionMajor,
        int cFolders,
        int cFiles,
        int flags,
        int setID,
        int iCabinet,
        int cbCFHeader,
        int cbCFFolder,
        int cbCFData,
        String szCabinetPrev,
        String szDiskPrev,
        String szCabinetNext,
        String szDiskNext,
        int size) {

    /** The signature "MSCF". */
    static final int SIGNATURE = 0x4643534D;
    /** The size of the fixed part of CFHEADER. */
    static final int FIXED_SIZE = 36;
    /** The largest name of a cabinet or disk, NUL excluded (CB_MAX_CABINET_NAME, CB_MAX_DISK_NAME). */
    static final int MAX_NAME = 255;

    public static final int VERSION_MINOR = 3;
    public static final int VERSION_MAJOR = 1;

    /** cfhdrPREV_CABINET: the cabinet continues a previous one; szCabinetPrev and szDiskPrev are present. */
    public static final int FLAG_PREV_CABINET = 0x0001;
    /** cfhdrNEXT_CABINET: the cabinet is continued by another; szCabinetNext and szDiskNext are present. */
    public static final int FLAG_NEXT_CABINET = 0x0002;
    /** cfhdrRESERVE_PRESENT: cbCFHeader, cbCFFolder and cbCFData are present. */
    public static final int FLAG_RESERVE_PRESENT = 0x0004;

    public boolean hasPrevious() {
        return (flags & FLAG_PREV_CABINET) != 0;
    }

    public boolean hasNext() {
        return (flags & FLAG_NEXT_CABINET) != 0;
    }

    /** Reads and validates the header of a cabinet. */
    static CfHeader read(CabinetSource source) throws IOException {
        if (source.size() < FIXED_SIZE) {
            throw new CabinetFormatException("'" + source.name() + "' is not a cabinet: it has " + source.size()
                    + " bytes, fewer than the " + FIXED_SIZE + " of a CFHEADER");
        }
        ByteBuffer fixed = ByteBuffer.wrap(source.read(0, FIXED_SIZE, "CFHEADER")).order(ByteOrder.LITTLE_ENDIAN);
        if (fixed.getInt(0) != SIGNATURE) {
            throw new CabinetFormatException("'" + source.name() + "' is not a cabinet (it does not start with MSCF)");
        }
        long cbCabinet = Integer.toUnsignedLong(fixed.getInt(8));
        long coffFiles = Integer.toUnsignedLong(fixed.getInt(16));
        int versionMinor = fixed.get(24) & 0xFF;
        int versionMajor = fixed.get(25) & 0xFF;
        int cFolders = fixed.getShort(26) & 0xFFFF;
        int cFiles = fixed.getShort(28) & 0xFFFF;
        int flags = fixed.getShort(30) & 0xFFFF;
        int setID = fixed.getShort(32) & 0xFFFF;
        int iCabinet = fixed.getShort(34) & 0xFFFF;
        String where = "cabinet '" + source.name() + "'";
        if (versionMajor != VERSION_MAJOR) {
            throw new CabinetFormatException(where + " has format version " + versionMajor + "." + versionMinor
                    + "; only version 1.x cabinets exist");
        }
        if (cbCabinet > source.size()) {
            throw new CabinetFormatException(where + " is truncated: CFHEADER.cbCabinet says " + cbCabinet
                    + " bytes but the file has " + source.size());
        }
        long position = FIXED_SIZE;
        int cbCFHeader = 0;
        int cbCFFolder = 0;
        int cbCFData = 0;
        if ((flags & FLAG_RESERVE_PRESENT) != 0) {
            ByteBuffer reserve = ByteBuffer.wrap(source.read(position, 4, "CFHEADER reserve sizes"))
                    .order(ByteOrder.LITTLE_ENDIAN);
            cbCFHeader = reserve.getShort(0) & 0xFFFF;
            cbCFFolder = reserve.get(2) & 0xFF;
            cbCFData = reserve.get(3) & 0xFF;
            position += 4;
            if (cbCFHeader > source.size() - position) {
                throw new CabinetFormatException(where + " is truncated: its CFHEADER reserved area of " + cbCFHeader
                        + " bytes goes past the end of the file");
            }
            position += cbCFHeader;
        }
        String[] names = new String[4];
        String[] labels = {"szCabinetPrev", "szDiskPrev", "szCabinetNext", "szDiskNext"};
        for (int i = 0; i < 4; i++) {
            int flag = i < 2 ? FLAG_PREV_CABINET : FLAG_NEXT_CABINET;
            if ((flags & flag) != 0) {
                byte[] name = source.readZeroTerminated(position, MAX_NAME, "CFHEADER." + labels[i]);
                names[i] = CabinetSource.ascii(name);
                position += name.length + 1L;
            }
        }
        if (coffFiles < position || coffFiles > source.size()) {
            throw new CabinetFormatException(where + " is damaged: CFHEADER.coffFiles (0x" + Long.toHexString(coffFiles)
                    + ") is outside the file or inside the header");
        }
        return new CfHeader(cbCabinet, coffFiles, versionMinor, versionMajor, cFolders, cFiles, flags, setID, iCabinet,
                cbCFHeader, cbCFFolder, cbCFData, names[0], names[1], names[2], names[3], (int) position);
    }
}
