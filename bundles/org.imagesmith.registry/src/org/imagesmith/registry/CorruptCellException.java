package org.imagesmith.registry;

/**
 * Raised by the cell-level code when a reference or a length does not fit the hive; {@link Hive#open} turns it into a
 * {@link HiveFormatException}. Hives are validated completely on open, so this escapes the API only through bugs.
 */
final class CorruptCellException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    CorruptCellException(long offset, String problem) {
        super(problem);
        this.offset = offset;
    }

    HiveFormatException toFormatException() {
        HiveFormatException e = new HiveFormatException(offset, getMessage());
        e.initCause(this);
        return e;
    }
}
