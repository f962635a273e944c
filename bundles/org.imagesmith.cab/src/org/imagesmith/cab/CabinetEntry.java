package org.imagesmith.cab;

import java.time.LocalDateTime;

/**
 * A file of a cabinet (or cabinet set), as listed by {@link Cabinet#entries()}.
 *
 * @param file the CFFILE that lists the file (for a file spanning cabinets, the one in the first cabinet)
 * @param folder the index of the file's folder in the whole set
 * @param cabinet the name of the cabinet file the CFFILE is in
 */
public record CabinetEntry(CfFile file, int folder, String cabinet) {
    /** The name as stored, with backslashes. */
    public String name() {
        return file.name();
    }

    /** The size in bytes. */
    public long size() {
        return file.cbFile();
    }

    public LocalDateTime lastModified() {
        return file.lastModified();
    }

    /** The attribute bits (CfFile.A_*). */
    public int attributes() {
        return file.attribs();
    }
}
