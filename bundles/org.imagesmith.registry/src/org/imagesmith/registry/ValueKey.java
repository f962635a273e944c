package org.imagesmith.registry;

/**
 * A key value cell ("vk"): name, type and data. Up to 4 bytes of data are stored in the data offset field itself
 * (size with bit 31 set); longer data in a data cell, or in a big data cell ({@link BigData}) past 16,344 bytes.
 */
final class ValueKey {
    static final int FLAG_COMP_NAME = 0x0001;
    static final int FIXED_SIZE = 20;
    private static final int INLINE = 0x80000000;
    private static final int NAME_LENGTH = 2;
    private static final int DATA_SIZE = 4;
    private static final int DATA = 8;
    private static final int TYPE = 12;
    private static final int FLAGS = 16;

    private final HiveBins bins;
    private final int cell;
    private final int base;

    ValueKey(HiveBins bins, int cell, String what) {
        String signature = bins.signature(cell, what);
        if (!signature.equals("vk")) {
            throw new CorruptCellException(cell, what + " is not a value: signature \"" + signature
                    + "\" instead of \"vk\"");
        }
        int payload = bins.payloadLength(cell, what);
        this.bins = bins;
        this.cell = cell;
        this.base = cell + 4;
        if (payload < FIXED_SIZE || nameLength() > payload - FIXED_SIZE) {
            throw new CorruptCellException(cell, "value name does not fit its " + payload + "-byte cell");
        }
    }

    /** Allocates a new value cell holding {@code name}, {@code type} and {@code data}. */
    static ValueKey create(HiveBins bins, String name, int type, byte[] data, boolean bigDataCells, long time) {
        boolean compressed = KeyNames.compressible(name);
        byte[] encoded = KeyNames.encode(name, compressed);
        int cell = bins.allocate(FIXED_SIZE + encoded.length, time);
        bins.putU16(cell + 4, 'v' | 'k' << 8);
        bins.putU16(cell + 4 + NAME_LENGTH, encoded.length);
        bins.putU16(cell + 4 + FLAGS, compressed ? FLAG_COMP_NAME : 0);
        bins.putBytes(cell + 4 + FIXED_SIZE, encoded);
        ValueKey value = new ValueKey(bins, cell, "new value");
        value.setData(type, data, bigDataCells, time);
        return value;
    }

    int cell() {
        return cell;
    }

    private int nameLength() {
        return bins.u16(base + NAME_LENGTH);
    }

    String name() {
        return KeyNames.decode(bins.bytes(base + FIXED_SIZE, nameLength()),
                (bins.u16(base + FLAGS) & FLAG_COMP_NAME) != 0);
    }

    int type() {
        return bins.i32(base + TYPE);
    }

    private boolean inline() {
        return (bins.i32(base + DATA_SIZE) & INLINE) != 0;
    }

    int dataSize() {
        return bins.i32(base + DATA_SIZE) & ~INLINE;
    }

    /** The value's data; validates sizes and cells before allocating anything. */
    byte[] data() {
        int size = dataSize();
        if (inline()) {
            if (size > 4) {
                throw new CorruptCellException(cell, "value \"" + name() + "\" stores " + size
                        + " bytes of data in its 4-byte data field");
            }
            return bins.bytes(base + DATA, size);
        }
        if (size == 0) {
            return new byte[0];
        }
        int dataCell = bins.i32(base + DATA);
        String what = "data of value \"" + name() + "\"";
        if (size > BigData.SEGMENT_SIZE && bins.signature(dataCell, what).equals("db")) {
            return BigData.read(bins, dataCell, size);
        }
        int payload = bins.payloadLength(dataCell, what);
        if (payload < size) {
            throw new CorruptCellException(dataCell, "value \"" + name() + "\" has " + size
                    + " bytes of data but its data cell holds " + payload);
        }
        return bins.bytes(dataCell + 4, size);
    }

    /** Frees the data cells and stores {@code data} instead. */
    void setData(int type, byte[] data, boolean bigDataCells, long time) {
        freeData();
        bins.putI32(base + TYPE, type);
        if (data.length <= 4) {
            byte[] field = new byte[4];
            System.arraycopy(data, 0, field, 0, data.length);
            bins.putI32(base + DATA_SIZE, data.length | INLINE);
            bins.putBytes(base + DATA, field);
            return;
        }
        int dataCell;
        if (data.length > BigData.SEGMENT_SIZE && bigDataCells) {
            dataCell = BigData.write(bins, data, time);
        } else {
            dataCell = bins.allocate(data.length, time);
            bins.putBytes(dataCell + 4, data);
        }
        bins.putI32(base + DATA_SIZE, data.length);
        bins.putI32(base + DATA, dataCell);
    }

    /**
     * The cells holding the data: none when it is stored in the value cell, else the data cell, or the big data cell,
     * its segment list and its segments. Validated.
     */
    int[] dataCells() {
        int size = dataSize();
        if (inline() || size == 0) {
            return new int[0];
        }
        int dataCell = bins.i32(base + DATA);
        if (size > BigData.SEGMENT_SIZE && bins.signature(dataCell, "value data").equals("db")) {
            int[] segments = BigData.segments(bins, dataCell, size);
            int[] cells = new int[segments.length + 2];
            cells[0] = dataCell;
            cells[1] = BigData.segmentList(bins, dataCell);
            System.arraycopy(segments, 0, cells, 2, segments.length);
            return cells;
        }
        bins.payloadLength(dataCell, "data of value \"" + name() + "\"");
        return new int[] {dataCell};
    }

    private void freeData() {
        for (int dataCell : dataCells()) {
            bins.free(dataCell);
        }
        bins.putI32(base + DATA_SIZE, INLINE);
        bins.putI32(base + DATA, 0);
    }

    /** Frees this value's data cells and the value cell itself. */
    void free() {
        freeData();
        bins.free(cell);
    }
}
