package org.imagesmith.registry;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hive bins data: consecutive "hbin" blocks (multiples of 4096 bytes, a 32-byte header each) holding cells. A cell
 * starts with a 32-bit size, negative when allocated, positive when free, always a multiple of 8. Offsets here are the
 * ones cells use to reference each other: relative to the first hive bin.
 *
 * <p>Allocation is first fit among the free cells, splitting larger ones; freeing merges with free neighbours in the
 * same bin; when nothing fits, a new bin is appended.
 */
final class HiveBins {
    static final int BIN_HEADER_SIZE = 32;
    static final int BIN_ALIGNMENT = 4096;
    static final int CELL_ALIGNMENT = 8;
    private static final int BIN_SIGNATURE = 0x6e696268; // "hbin"

    private byte[] data;
    private int length;
    /** Start offsets of allocated cells, indexed by offset / 8. */
    private final BitSet allocated = new BitSet();
    private final TreeMap<Integer, Integer> freeCells = new TreeMap<>();
    /** Bin start offset to bin size. */
    private final TreeMap<Integer, Integer> bins = new TreeMap<>();

    private HiveBins(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** An empty hive bins area: one bin holding one free cell. */
    static HiveBins empty(long timeStamp) {
        HiveBins b = new HiveBins(new byte[BIN_ALIGNMENT], 0);
        b.appendBin(BIN_ALIGNMENT, timeStamp);
        return b;
    }

    /** Parses and validates every bin and cell header of {@code size} bytes at {@code start} of {@code file}. */
    static HiveBins parse(byte[] file, int start, int size) throws HiveFormatException {
        HiveBins b = new HiveBins(Arrays.copyOfRange(file, start, start + size), size);
        int binStart = 0;
        while (binStart < size) {
            if (size - binStart < BIN_HEADER_SIZE || b.i32(binStart) != BIN_SIGNATURE) {
                throw new HiveFormatException(binStart, "bad hive bin signature (expected \"hbin\")");
            }
            int recordedOffset = b.i32(binStart + 4);
            int binSize = b.i32(binStart + 8);
            if (recordedOffset != binStart) {
                throw new HiveFormatException(binStart, String.format(
                        "hive bin records its own offset as 0x%x", recordedOffset));
            }
            if (binSize < BIN_ALIGNMENT || binSize % BIN_ALIGNMENT != 0 || binSize > size - binStart) {
                throw new HiveFormatException(binStart, String.format(
                        "hive bin size 0x%x is not a multiple of 4096 inside the 0x%x bytes of hive bins data",
                        binSize, size));
            }
            b.bins.put(binStart, binSize);
            int end = binStart + binSize;
            int cell = binStart + BIN_HEADER_SIZE;
            while (cell < end) {
                int raw = b.i32(cell);
                int cellSize = raw < 0 ? -raw : raw;
                if (raw == Integer.MIN_VALUE || cellSize < CELL_ALIGNMENT || cellSize % CELL_ALIGNMENT != 0
                        || cellSize > end - cell) {
                    throw new HiveFormatException(cell, String.format(
                            "bad cell size %d: not a multiple of 8 of at least 8 that fits its hive bin ending at 0x%x",
                            raw, end));
                }
                if (raw < 0) {
                    b.allocated.set(cell / CELL_ALIGNMENT);
                } else {
                    b.freeCells.put(cell, cellSize);
                }
                cell += cellSize;
            }
            binStart = end;
        }
        return b;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }

    /** Checks that {@code cell} is the start of an allocated cell and returns its payload length. */
    int payloadLength(int cell, String what) {
        if (cell < 0 || cell >= length || cell % CELL_ALIGNMENT != 0 || !allocated.get(cell / CELL_ALIGNMENT)) {
            throw new CorruptCellException(cell, what + " references 0x" + Integer.toHexString(cell)
                    + ", which is not an allocated cell inside the hive bins");
        }
        return -i32(cell) - 4;
    }

    /** The two-character signature at the start of a cell's payload ("nk", "vk", "lh"...), validated as a cell. */
    String signature(int cell, String what) {
        if (payloadLength(cell, what) < 2) {
            return "";
        }
        return new String(new char[] {(char) u8(cell + 4), (char) u8(cell + 5)});
    }

    /** Allocates a zero-filled cell with at least {@code payloadLength} bytes of payload; returns its offset. */
    int allocate(int payloadLength, long timeStamp) {
        int need = align(payloadLength + 4, CELL_ALIGNMENT);
        for (Map.Entry<Integer, Integer> e : freeCells.entrySet()) {
            if (e.getValue() >= need) {
                return take(e.getKey(), e.getValue(), need);
            }
        }
        int binSize = align(need + BIN_HEADER_SIZE, BIN_ALIGNMENT);
        int binStart = appendBin(binSize, timeStamp);
        return take(binStart + BIN_HEADER_SIZE, binSize - BIN_HEADER_SIZE, need);
    }

    private int take(int cell, int size, int need) {
        freeCells.remove(cell);
        if (size - need >= CELL_ALIGNMENT) {
            putI32(cell + need, size - need);
            freeCells.put(cell + need, size - need);
            size = need;
        }
        putI32(cell, -size);
        Arrays.fill(data, cell + 4, cell + size, (byte) 0);
        allocated.set(cell / CELL_ALIGNMENT);
        return cell;
    }

    /** Frees an allocated cell, merging it with free neighbours in its bin. */
    void free(int cell) {
        int size = payloadLength(cell, "freed cell") + 4;
        allocated.clear(cell / CELL_ALIGNMENT);
        Arrays.fill(data, cell + 4, cell + size, (byte) 0);
        int binStart = bins.floorKey(cell);
        int binEnd = binStart + bins.get(binStart);
        Integer nextSize = freeCells.get(cell + size);
        if (nextSize != null && cell + size < binEnd) {
            freeCells.remove(cell + size);
            size += nextSize;
        }
        Map.Entry<Integer, Integer> previous = freeCells.lowerEntry(cell);
        if (previous != null && previous.getKey() + previous.getValue() == cell && previous.getKey() >= binStart) {
            cell = previous.getKey();
            size += previous.getValue();
        }
        putI32(cell, size);
        freeCells.put(cell, size);
    }

    private int appendBin(int binSize, long timeStamp) {
        int binStart = length;
        if (data.length < binStart + binSize) {
            data = Arrays.copyOf(data, Math.max(binStart + binSize, data.length + data.length / 2));
        }
        length = binStart + binSize;
        Arrays.fill(data, binStart, length, (byte) 0);
        putI32(binStart, BIN_SIGNATURE);
        putI32(binStart + 4, binStart);
        putI32(binStart + 8, binSize);
        putI64(binStart + 20, timeStamp);
        putI32(binStart + BIN_HEADER_SIZE, binSize - BIN_HEADER_SIZE);
        bins.put(binStart, binSize);
        freeCells.put(binStart + BIN_HEADER_SIZE, binSize - BIN_HEADER_SIZE);
        return binStart;
    }

    static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }

    int binCount() {
        return bins.size();
    }

    int freeCellCount() {
        return freeCells.size();
    }

    // Little-endian access by offset relative to the first bin; callers stay inside validated cells.

    private void check(int offset, int size) {
        if (offset < 0 || size < 0 || offset > length - size) {
            throw new CorruptCellException(offset, "read of " + size + " bytes past the end of the hive bins data");
        }
    }

    int u8(int offset) {
        check(offset, 1);
        return data[offset] & 0xff;
    }

    int u16(int offset) {
        check(offset, 2);
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8;
    }

    int i32(int offset) {
        check(offset, 4);
        return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
                | (data[offset + 3] & 0xff) << 24;
    }

    long i64(int offset) {
        return (i32(offset) & 0xffffffffL) | (long) i32(offset + 4) << 32;
    }

    byte[] bytes(int offset, int size) {
        check(offset, size);
        return Arrays.copyOfRange(data, offset, offset + size);
    }

    void putU16(int offset, int value) {
        check(offset, 2);
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
    }

    void putI32(int offset, int value) {
        check(offset, 4);
        for (int i = 0; i < 4; i++) {
            data[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    void putI64(int offset, long value) {
        putI32(offset, (int) value);
        putI32(offset + 4, (int) (value >>> 32));
    }

    void putBytes(int offset, byte[] bytes) {
        check(offset, bytes.length);
        System.arraycopy(bytes, 0, data, offset, bytes.length);
    }
}
