package org.imagesmith.cli;

/** The exit codes DISM uses (Win32 error codes), which scripts written for DISM test. */
public final class ExitCode {
    public static final int SUCCESS = 0;
    /** ERROR_FILE_NOT_FOUND. */
    public static final int FILE_NOT_FOUND = 2;
    /** ERROR_NOT_SUPPORTED: a DISM command or option Imagesmith refuses (online servicing, profiling, ...). */
    public static final int NOT_SUPPORTED = 50;
    /** ERROR_BAD_FORMAT: the file is not of the expected format. */
    public static final int BAD_FORMAT = 11;
    /** ERROR_INVALID_PARAMETER: an unknown option, a missing or malformed value. */
    public static final int INVALID_PARAMETER = 87;

    private ExitCode() {
    }
}
