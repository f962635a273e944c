package org.imagesmith.registry;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A key security cell ("sk"): a self-relative security descriptor shared by every key node that references it,
 * with a reference count, linked with the hive's other security cells in a circular doubly linked list.
 */
final class SecurityKey {
    static final int FIXED_SIZE = 20;
    private static final int FLINK = 4;
    private static final int BLINK = 8;
    private static final int REFERENCE_COUNT = 12;
    private static final int DESCRIPTOR_SIZE = 16;

    private final HiveBins bins;
    private final int cell;
    private final int base;

    SecurityKey(HiveBins bins, int cell, String what) {
        String signature = bins.signature(cell, what);
        if (!signature.equals("sk")) {
            throw new CorruptCellException(cell, what + " is not a security cell: signature \"" + signature
                    + "\" instead of \"sk\"");
        }
        int payload = bins.payloadLength(cell, what);
        this.bins = bins;
        this.cell = cell;
        this.base = cell + 4;
        if (payload < FIXED_SIZE || Integer.compareUnsigned(descriptorSize(), payload - FIXED_SIZE) > 0) {
            throw new CorruptCellException(cell, "security descriptor does not fit its " + payload + "-byte cell");
        }
    }

    /**
     * Allocates a security cell with one reference, linked after {@code anchor} (or to itself when
     * {@code anchor} is -1).
     */
    static SecurityKey create(HiveBins bins, byte[] descriptor, int anchor, long time) {
        int cell = bins.allocate(FIXED_SIZE + descriptor.length, time);
        int base = cell + 4;
        bins.putU16(base, 's' | 'k' << 8);
        bins.putI32(base + REFERENCE_COUNT, 1);
        bins.putI32(base + DESCRIPTOR_SIZE, descriptor.length);
        bins.putBytes(base + FIXED_SIZE, descriptor);
        if (anchor == KeyNode.NONE) {
            bins.putI32(base + FLINK, cell);
            bins.putI32(base + BLINK, cell);
        } else {
            SecurityKey previous = new SecurityKey(bins, anchor, "security cell list");
            SecurityKey next = new SecurityKey(bins, previous.flink(), "security cell list");
            bins.putI32(base + FLINK, next.cell);
            bins.putI32(base + BLINK, previous.cell);
            bins.putI32(next.base + BLINK, cell);
            bins.putI32(previous.base + FLINK, cell);
        }
        return new SecurityKey(bins, cell, "new security cell");
    }

    int cell() {
        return cell;
    }

    int flink() {
        return bins.i32(base + FLINK);
    }

    int blink() {
        return bins.i32(base + BLINK);
    }

    int referenceCount() {
        return bins.i32(base + REFERENCE_COUNT);
    }

    private int descriptorSize() {
        return bins.i32(base + DESCRIPTOR_SIZE);
    }

    byte[] descriptor() {
        return bins.bytes(base + FIXED_SIZE, descriptorSize());
    }

    void addReference() {
        bins.putI32(base + REFERENCE_COUNT, referenceCount() + 1);
    }

    /** Drops one reference; the last one unlinks and frees the cell. */
    void release() {
        int count = referenceCount() - 1;
        if (count > 0) {
            bins.putI32(base + REFERENCE_COUNT, count);
            return;
        }
        int next = flink();
        int previous = blink();
        if (next != cell) {
            bins.putI32(new SecurityKey(bins, previous, "security cell list").base + FLINK, next);
            bins.putI32(new SecurityKey(bins, next, "security cell list").base + BLINK, previous);
        }
        bins.free(cell);
    }

    /** The security cell in this one's list that holds {@code descriptor}, or -1; stops on a broken list. */
    int find(byte[] descriptor) {
        Set<Integer> seen = new HashSet<>();
        int at = cell;
        while (seen.add(at)) {
            SecurityKey sk = new SecurityKey(bins, at, "security cell list");
            if (Arrays.equals(sk.descriptor(), descriptor)) {
                return at;
            }
            at = sk.flink();
        }
        return KeyNode.NONE;
    }
}
