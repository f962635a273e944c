package org.imagesmith.registry;

import java.io.IOException;

/**
 * The file is not a registry hive (regf), or a structure inside it is damaged: the message names the offset (relative
 * to the first hive bin, as the hive's own cell references are, and in the file) and what is wrong there.
 */
public class HiveFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public HiveFormatException(long offset, String problem) {
        super(offset < 0 ? problem : String.format("%s (at cell offset 0x%x, file offset 0x%x)", problem, offset,
                offset + BaseBlock.SIZE));
        this.offset = offset;
    }

    public HiveFormatException(String problem) {
        this(-1, problem);
    }

    /** The offset of the damaged structure, relative to the first hive bin; -1 for the base block or the file. */
    public long offset() {
        return offset;
    }
}
