package org.imagesmith.unattend.io;

import java.io.IOException;

/** An answer file that cannot be read: not well-formed, not an answer file, or refused (DOCTYPE). */
public class UnattendFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    /** Creates the exception for a problem at line and column (1-based; 0 when unknown) of file. */
    public UnattendFormatException(String file, int line, int column, String message) {
        super(file + (line > 0 ? ":" + line + ":" + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file (or the name given for the input). */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }
}
