package org.imagesmith.wim;

import java.io.IOException;

/** A configuration list file (WimScript.ini) that cannot be used; the message names the file and the line. */
public final class CaptureConfigurationException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    /**
     * @param file the file, as the user named it
     * @param line the 1-based line at fault, or 0 when the fault is the whole file
     * @param problem what is wrong and how to put it right
     */
    public CaptureConfigurationException(String file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the fault is the whole file. */
    public int line() {
        return line;
    }
}
