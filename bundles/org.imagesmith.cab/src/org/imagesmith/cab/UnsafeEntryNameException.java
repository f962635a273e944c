package org.imagesmith.cab;

/**
 * A file name inside a cabinet would be written outside the extraction directory, or names something that is not a
 * plain file on Windows (a drive, a UNC share, a device such as {@code CON}); nothing was extracted.
 */
public class UnsafeEntryNameException extends CabinetFormatException {
    private static final long serialVersionUID = 1L;

    private final String entryName;

    public UnsafeEntryNameException(String entryName, String reason) {
        super("refusing to extract '" + entryName + "': " + reason);
        this.entryName = entryName;
    }

    /** The name as stored in the cabinet. */
    public String entryName() {
        return entryName;
    }
}
