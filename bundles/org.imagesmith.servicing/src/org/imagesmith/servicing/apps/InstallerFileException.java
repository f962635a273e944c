package org.imagesmith.servicing.apps;

import java.nio.file.Path;

/** A file that should be a Windows Installer package, patch or transform is not one, or is damaged. */
public class InstallerFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether the file could not be read at all, or was read and is not what it should be. */
    public enum Problem {
        /** Missing, not an OLE compound file, or a damaged one. */
        UNREADABLE,
        /** A readable compound file that is not a valid installer file of the expected kind. */
        INVALID
    }

    private final transient Path file;
    private final Problem problem;

    public InstallerFileException(Path file, Problem problem, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.problem = problem;
    }

    public InstallerFileException(Path file, Problem problem, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
