package org.imagesmith.registry;

import java.io.IOException;

/** A .reg file line that cannot be parsed, or names a key outside the hive it is imported into. */
public class RegFileSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;

    public RegFileSyntaxException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line number (of the first physical line of a continued line). */
    public int line() {
        return line;
    }
}
