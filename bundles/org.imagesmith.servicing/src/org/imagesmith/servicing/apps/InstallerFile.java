package org.imagesmith.servicing.apps;

import java.nio.file.Path;

/**
 * A Windows Installer file (an OLE compound file): what it is and its summary information.
 *
 * @param kind what the root storage's class ID says the file is
 */
public record InstallerFile(Path file, InstallerFileKind kind, InstallerSummaryInformation summary) {

    /**
     * Reads the kind and summary information of an .msi, .msp or .mst file.
     *
     * @throws InstallerFileException when the file is not a compound file, is damaged, is of an unknown class or
     *         has no summary information
     */
    public static InstallerFile read(Path file) throws InstallerFileException {
        return CompoundFileReader.readFile(file);
    }
}
