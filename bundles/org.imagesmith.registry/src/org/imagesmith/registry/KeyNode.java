package org.imagesmith.registry;

/**
 * A key node cell ("nk"): name, flags, time stamp, parent, and the offsets and counts of the subkey index, value list,
 * security cell and class name. A view over the cell in {@link HiveBins}; field offsets are relative to the payload.
 */
final class KeyNode {
    static final int FLAG_VOLATILE = 0x0001;
    static final int FLAG_HIVE_EXIT = 0x0002;
    static final int FLAG_HIVE_ENTRY = 0x0004;
    static final int FLAG_NO_DELETE = 0x0008;
    static final int FLAG_SYMLINK = 0x0010;
    static final int FLAG_COMP_NAME = 0x0020;
    static final int NONE = -1;
    static final int FIXED_SIZE = 76;

    private static final int FLAGS = 2;
    private static final int LAST_WRITTEN = 4;
    private static final int PARENT = 16;
    private static final int SUBKEY_COUNT = 20;
    private static final int SUBKEY_LIST = 28;
    private static final int VOLATILE_SUBKEY_LIST = 32;
    private static final int VALUE_COUNT = 36;
    private static final int VALUE_LIST = 40;
    private static final int SECURITY = 44;
    private static final int CLASS_NAME = 48;
    private static final int MAX_SUBKEY_NAME = 52;
    private static final int MAX_SUBKEY_CLASS = 56;
    private static final int MAX_VALUE_NAME = 60;
    private static final int MAX_VALUE_DATA = 64;
    private static final int NAME_LENGTH = 72;
    private static final int CLASS_NAME_LENGTH = 74;

    private final HiveBins bins;
    private final int cell;
    private final int base;

    /** A view of the key node at {@code cell}; validates the signature and that the name fits the cell. */
    KeyNode(HiveBins bins, int cell, String what) {
        String signature = bins.signature(cell, what);
        if (!signature.equals("nk")) {
            throw new CorruptCellException(cell, what + " is not a key node: signature \"" + signature
                    + "\" instead of \"nk\"");
        }
        int payload = bins.payloadLength(cell, what);
        this.bins = bins;
        this.cell = cell;
        this.base = cell + 4;
        if (payload < FIXED_SIZE || nameLength() > payload - FIXED_SIZE) {
            throw new CorruptCellException(cell, "key node name of " + (payload < FIXED_SIZE ? "?" : nameLength())
                    + " bytes does not fit its " + payload + "-byte cell");
        }
    }

    /** Allocates and fills a new key node. */
    static KeyNode create(HiveBins bins, String name, int parent, int security, int flags, long timeStamp) {
        boolean compressed = KeyNames.compressible(name);
        byte[] encoded = KeyNames.encode(name, compressed);
        int cell = bins.allocate(FIXED_SIZE + encoded.length, timeStamp);
        int base = cell + 4;
        bins.putU16(base, 'n' | 'k' << 8);
        bins.putU16(base + FLAGS, flags | (compressed ? FLAG_COMP_NAME : 0));
        bins.putI64(base + LAST_WRITTEN, timeStamp);
        bins.putI32(base + PARENT, parent);
        bins.putI32(base + SUBKEY_LIST, NONE);
        bins.putI32(base + VOLATILE_SUBKEY_LIST, NONE);
        bins.putI32(base + VALUE_LIST, NONE);
        bins.putI32(base + SECURITY, security);
        bins.putI32(base + CLASS_NAME, NONE);
        bins.putU16(base + NAME_LENGTH, encoded.length);
        bins.putBytes(base + FIXED_SIZE, encoded);
        return new KeyNode(bins, cell, "new key node");
    }

    int cell() {
        return cell;
    }

    int flags() {
        return bins.u16(base + FLAGS);
    }

    String name() {
        return KeyNames.decode(bins.bytes(base + FIXED_SIZE, nameLength()), (flags() & FLAG_COMP_NAME) != 0);
    }

    private int nameLength() {
        return bins.u16(base + NAME_LENGTH);
    }

    long lastWritten() {
        return bins.i64(base + LAST_WRITTEN);
    }

    void setLastWritten(long fileTime) {
        bins.putI64(base + LAST_WRITTEN, fileTime);
    }

    int parent() {
        return bins.i32(base + PARENT);
    }

    int subkeyCount() {
        return bins.i32(base + SUBKEY_COUNT);
    }

    int subkeyList() {
        return bins.i32(base + SUBKEY_LIST);
    }

    void setSubkeys(int count, int list) {
        bins.putI32(base + SUBKEY_COUNT, count);
        bins.putI32(base + SUBKEY_LIST, list);
    }

    int valueCount() {
        return bins.i32(base + VALUE_COUNT);
    }

    int valueList() {
        return bins.i32(base + VALUE_LIST);
    }

    void setValues(int count, int list) {
        bins.putI32(base + VALUE_COUNT, count);
        bins.putI32(base + VALUE_LIST, list);
    }

    /** The value cells listed by the value list; validated against the list cell's size. */
    int[] valueCells() {
        int count = valueCount();
        if (count == 0) {
            return new int[0];
        }
        int list = valueList();
        int payload = bins.payloadLength(list, "value list of key node at 0x" + Integer.toHexString(cell));
        if (count < 0 || count * 4L > payload) {
            throw new CorruptCellException(list, "value list of " + count + " entries does not fit its " + payload
                    + "-byte cell");
        }
        int[] cells = new int[count];
        for (int i = 0; i < count; i++) {
            cells[i] = bins.i32(list + 4 + 4 * i);
        }
        return cells;
    }

    int security() {
        return bins.i32(base + SECURITY);
    }

    void setSecurity(int cell) {
        bins.putI32(base + SECURITY, cell);
    }

    int className() {
        return bins.i32(base + CLASS_NAME);
    }

    /** Length of the class name in bytes (UTF-16LE). */
    int classNameLength() {
        return bins.u16(base + CLASS_NAME_LENGTH);
    }

    void setClassName(int cell, int byteLength) {
        bins.putI32(base + CLASS_NAME, cell);
        bins.putU16(base + CLASS_NAME_LENGTH, byteLength);
    }

    /** Raises the "largest" fields (subkey name and class in bytes of UTF-16, value name, value data) as needed. */
    void raiseMaxima(int subkeyName, int subkeyClass, int valueName, int valueData) {
        raise(MAX_SUBKEY_NAME, subkeyName);
        raise(MAX_SUBKEY_CLASS, subkeyClass);
        raise(MAX_VALUE_NAME, valueName);
        raise(MAX_VALUE_DATA, valueData);
    }

    private void raise(int field, int value) {
        if (field == MAX_SUBKEY_NAME) {
            // The upper half of this field holds flags on Windows 10 and later; only the low 16 bits are a length.
            int old = bins.i32(base + field);
            if (value > (old & 0xffff)) {
                bins.putI32(base + field, (old & 0xffff0000) | Math.min(value, 0xffff));
            }
        } else if (Integer.compareUnsigned(value, bins.i32(base + field)) > 0) {
            bins.putI32(base + field, value);
        }
    }
}
