package org.imagesmith.cab;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out cabinets byte by byte, without the checks of {@link CabinetBuilder}, so tests can craft hostile names,
 * reserved areas and cabinet sets.
 */
final class RawCabinet {
    record Block(byte[] data, int cbUncomp) {
    }

    record Folder(int typeCompress, List<Block> blocks) {
    }

    record File(String name, long cbFile, long uoffFolderStart, int iFolder, int attribs) {
    }

    int flags;
    int setID = 0x1234;
    int iCabinet;
    int cbCFHeader;
    int cbCFFolder;
    int cbCFData;
    String prevCabinet;
    String nextCabinet;
    final List<Folder> folders = new ArrayList<>();
    final List<File> files = new ArrayList<>();

    /** A folder without compression holding {@code data} in blocks of at most 32 KiB. */
    static Folder storedFolder(byte[] data) {
        List<Block> blocks = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += 32768) {
            int length = Math.min(32768, data.length - offset);
            byte[] block = new byte[length];
            System.arraycopy(data, offset, block, 0, length);
            blocks.add(new Block(block, length));
        }
        return new Folder(0, blocks);
    }

    byte[] build() {
        if (cbCFHeader + cbCFFolder + cbCFData > 0) {
            flags |= CfHeader.FLAG_RESERVE_PRESENT;
        }
        if (prevCabinet != null) {
            flags |= CfHeader.FLAG_PREV_CABINET;
        }
        if (nextCabinet != null) {
            flags |= CfHeader.FLAG_NEXT_CABINET;
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        if (prevCabinet != null) {
            zeroTerminated(names, prevCabinet);
            zeroTerminated(names, "disk");
        }
        if (nextCabinet != null) {
            zeroTerminated(names, nextCabinet);
            zeroTerminated(names, "disk");
        }
        int headerSize = 36 + ((flags & CfHeader.FLAG_RESERVE_PRESENT) != 0 ? 4 + cbCFHeader : 0) + names.size();
        int coffFiles = headerSize + folders.size() * (8 + cbCFFolder);
        ByteArrayOutputStream fileRecords = new ByteArrayOutputStream();
        for (File file : files) {
            ByteBuffer record = le(16);
            boolean utf8 = file.name().chars().anyMatch(c -> c >= 0x80);
            record.putInt((int) file.cbFile()).putInt((int) file.uoffFolderStart()).putShort((short) file.iFolder())
                    .putShort((short) 0x5B79).putShort((short) 0x6000)
                    .putShort((short) (file.attribs() | (utf8 ? CfFile.A_NAME_IS_UTF : 0)));
            fileRecords.writeBytes(record.array());
            zeroTerminated(fileRecords, file.name());
        }
        int position = coffFiles + fileRecords.size();
        ByteArrayOutputStream folderRecords = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Folder folder : folders) {
            folderRecords.writeBytes(le(8).putInt(position).putShort((short) folder.blocks().size())
                    .putShort((short) folder.typeCompress()).array());
            folderRecords.writeBytes(new byte[cbCFFolder]);
            for (Block block : folder.blocks()) {
                byte[] bytes = block.data();
                int csum = CfChecksum.ofBlock(bytes.length, block.cbUncomp(), new byte[0], bytes, 0, bytes.length);
                data.writeBytes(le(8).putInt(csum).putShort((short) bytes.length).putShort((short) block.cbUncomp())
                        .array());
                data.writeBytes(new byte[cbCFData]);
                data.writeBytes(bytes);
                position += 8 + cbCFData + bytes.length;
            }
        }
        ByteBuffer header = le(36).putInt(CfHeader.SIGNATURE).putInt(0).putInt(position).putInt(0).putInt(coffFiles)
                .putInt(0).put((byte) 3).put((byte) 1).putShort((short) folders.size()).putShort((short) files.size())
                .putShort((short) flags).putShort((short) setID).putShort((short) iCabinet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        if ((flags & CfHeader.FLAG_RESERVE_PRESENT) != 0) {
            out.writeBytes(le(4).putShort((short) cbCFHeader).put((byte) cbCFFolder).put((byte) cbCFData).array());
            byte[] reserve = new byte[cbCFHeader];
            java.util.Arrays.fill(reserve, (byte) 0xA5);
            out.writeBytes(reserve);
        }
        out.writeBytes(names.toByteArray());
        out.writeBytes(folderRecords.toByteArray());
        out.writeBytes(fileRecords.toByteArray());
        out.writeBytes(data.toByteArray());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void zeroTerminated(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }
}
