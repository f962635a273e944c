package org.imagesmith.cli;

/** A command line that cannot be run as written; the message says what to change. DISM exits with 87. */
public class CommandLineException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CommandLineException(String message) {
        this(ExitCode.INVALID_PARAMETER, message);
    }

    public CommandLineException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
