package org.imagesmith.registry;

/**
 * A big data cell ("db", hive format 1.4 and later): value data longer than {@value #SEGMENT_SIZE} bytes, split into
 * segments of that size whose cell offsets are listed in a separate cell.
 */
final class BigData {
    static final int SEGMENT_SIZE = 16344;

    private BigData() {
    }

    /** Reads {@code size} bytes of data from the big data cell at {@code cell}, validating every segment first. */
    static byte[] read(HiveBins bins, int cell, int size) {
        int[] segments = segments(bins, cell, size);
        byte[] out = new byte[size];
        int done = 0;
        for (int segment : segments) {
            int n = Math.min(SEGMENT_SIZE, size - done);
            System.arraycopy(bins.bytes(segment + 4, n), 0, out, done, n);
            done += n;
        }
        return out;
    }

    /** The segment cells of a big data cell holding {@code size} bytes; validated. */
    static int[] segments(HiveBins bins, int cell, int size) {
        int payload = bins.payloadLength(cell, "big data cell");
        if (payload < 8) {
            throw new CorruptCellException(cell, "big data cell of " + payload + " bytes is shorter than 8");
        }
        int count = bins.u16(cell + 6);
        int list = segmentList(bins, cell);
        long needed = (size + (long) SEGMENT_SIZE - 1) / SEGMENT_SIZE;
        if (count < needed) {
            throw new CorruptCellException(cell, "big data cell has " + count + " segments, too few for " + size
                    + " bytes of value data");
        }
        if (bins.payloadLength(list, "big data cell's segment list") < count * 4L) {
            throw new CorruptCellException(list, "big data segment list is too short for " + count + " segments");
        }
        int[] segments = new int[(int) needed];
        int remaining = size;
        for (int i = 0; i < segments.length; i++) {
            int segment = bins.i32(list + 4 + 4 * i);
            int n = Math.min(SEGMENT_SIZE, remaining);
            if (bins.payloadLength(segment, "big data segment " + i) < n) {
                throw new CorruptCellException(segment, "big data segment " + i + " is shorter than its " + n
                        + " bytes of value data");
            }
            segments[i] = segment;
            remaining -= n;
        }
        return segments;
    }

    static int segmentList(HiveBins bins, int cell) {
        return bins.i32(cell + 8);
    }

    /** Writes {@code data} into new segment cells and returns the offset of the new big data cell. */
    static int write(HiveBins bins, byte[] data, long timeStamp) {
        int count = (data.length + SEGMENT_SIZE - 1) / SEGMENT_SIZE;
        int cell = bins.allocate(8, timeStamp);
        int list = bins.allocate(4 * count, timeStamp);
        for (int i = 0; i < count; i++) {
            int n = Math.min(SEGMENT_SIZE, data.length - i * SEGMENT_SIZE);
            // Four spare bytes after the data, as Windows lays out segments (16,352-byte cells) and hivex expects.
            int segment = bins.allocate(n + 4, timeStamp);
            byte[] part = new byte[n];
            System.arraycopy(data, i * SEGMENT_SIZE, part, 0, n);
            bins.putBytes(segment + 4, part);
            bins.putI32(list + 4 + 4 * i, segment);
        }
        bins.putU16(cell + 4, 'd' | 'b' << 8);
        bins.putU16(cell + 6, count);
        bins.putI32(cell + 8, list);
        return cell;
    }

}
