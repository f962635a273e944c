package org.imagesmith.cab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The uncompressed bytes of one folder, block by block, across the cabinets of a set; checksums are verified as
 * blocks are read.
 */
final class FolderInputStream extends InputStream {
    /** The most compressed bytes one block may have once the pieces of a split block are joined. */
    private static final int MAX_JOINED_INPUT = 1 << 20;

    private final FolderChain chain;
    private final BlockDecoder decoder;
    private final byte[] block = new byte[BlockDecoder.MAX_BLOCK];
    private int blockLength;
    private int blockPosition;
    private long position;
    private int segment;
    private int blockInSegment;
    private long nextOffset;
    private boolean closed;

    FolderInputStream(FolderChain chain) throws CabinetFormatException {
        this.chain = chain;
        chain.checkStart();
        this.decoder = BlockDecoder.forFolder(chain.typeCompress, chain.describe());
        this.nextOffset = chain.segments.get(0).folder().coffCabStart();
    }

    FolderChain chain() {
        return chain;
    }

    /** The number of uncompressed bytes read or skipped so far. */
    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (blockPosition == blockLength && !nextBlock()) {
            return -1;
        }
        int count = Math.min(length, blockLength - blockPosition);
        System.arraycopy(block, blockPosition, buffer, offset, count);
        blockPosition += count;
        position += count;
        return count;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = 0;
        while (skipped < count) {
            if (blockPosition == blockLength && !nextBlock()) {
                break;
            }
            int step = (int) Math.min(count - skipped, blockLength - blockPosition);
            blockPosition += step;
            position += step;
            skipped += step;
        }
        return skipped;
    }

    /** Decodes the next block; false at the end of the folder. */
    private boolean nextBlock() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
        byte[] input = new byte[0];
        while (true) {
            FolderChain.Segment current = chain.segments.get(segment);
            if (blockInSegment == current.folder().cCFData()) {
                if (input.length > 0 && segment + 1 == chain.segments.size()) {
                    throw new CabinetFormatException("the last CFDATA block of " + current.describe()
                            + " is split and continues in the next cabinet, but "
                            + (chain.missingNext != null ? "cabinet '" + chain.missingNext + "' was not found"
                                    : "the folder does not go on there"));
                }
                if (segment + 1 == chain.segments.size()) {
                    return false;
                }
                segment++;
                blockInSegment = 0;
                nextOffset = chain.segments.get(segment).folder().coffCabStart();
                continue;
            }
            CabinetSource source = current.part().source;
            int reserve = current.part().header.cbCFData();
            String where = "CFDATA block " + blockInSegment + " of " + current.describe() + " (offset 0x"
                    + Long.toHexString(nextOffset) + ")";
            ByteBuffer fields = ByteBuffer.wrap(source.read(nextOffset, 8 + reserve, where)).order(ByteOrder.LITTLE_ENDIAN);
            int csum = fields.getInt(0);
            int cbData = fields.getShort(4) & 0xFFFF;
            int cbUncomp = fields.getShort(6) & 0xFFFF;
            byte[] abReserve = Arrays.copyOfRange(fields.array(), 8, 8 + reserve);
            byte[] data = source.read(nextOffset + 8 + reserve, cbData, where);
            verifyChecksum(csum, cbData, cbUncomp, abReserve, data, where);
            nextOffset += 8L + reserve + cbData;
            blockInSegment++;
            if (input.length + (long) cbData > MAX_JOINED_INPUT) {
                throw new CabinetFormatException(where + " is damaged: a block split across cabinets is too large");
            }
            input = join(input, data);
            boolean lastOfSegment = blockInSegment == current.folder().cCFData();
            if (cbUncomp == 0 && lastOfSegment && segment + 1 < chain.segments.size()) {
                continue;
            }
            if (cbUncomp == 0 && lastOfSegment && chain.missingNext != null) {
                throw new CabinetFormatException(where + " continues in cabinet '" + chain.missingNext
                        + "', which was not found next to it");
            }
            if (cbUncomp == 0 || cbUncomp > BlockDecoder.MAX_BLOCK) {
                throw new CabinetFormatException(where + " is damaged: cbUncomp is " + cbUncomp
                        + "; a block holds 1 to " + BlockDecoder.MAX_BLOCK + " bytes");
            }
            decoder.decode(input, input.length, block, cbUncomp, where);
            blockLength = cbUncomp;
            blockPosition = 0;
            return true;
        }
    }

    private static byte[] join(byte[] first, byte[] second) {
        if (first.length == 0) {
            return second;
        }
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static void verifyChecksum(int csum, int cbData, int cbUncomp, byte[] reserve, byte[] data, String where)
            throws CabinetFormatException {
        if (csum == 0) {
            return; // no checksum stored
        }
        int computed = CfChecksum.ofBlock(cbData, cbUncomp, new byte[0], data, 0, data.length);
        if (computed == csum) {
            return;
        }
        if (reserve.length > 0 && CfChecksum.ofBlock(cbData, cbUncomp, reserve, data, 0, data.length) == csum) {
            return;
        }
        throw new CabinetFormatException(where + " has a bad checksum (stored 0x" + Integer.toHexString(csum)
                + ", computed 0x" + Integer.toHexString(computed) + "): the cabinet is corrupt");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            decoder.close();
        }
    }
}
