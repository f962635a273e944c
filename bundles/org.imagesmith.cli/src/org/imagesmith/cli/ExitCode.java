package org.imagesmith.cli;

import org.imagesmith.servicing.ServicingException;

/**
 * The exit codes DISM uses (Win32 error codes), which scripts written for DISM test. A code above 255 (an HRESULT,
 * or ERROR_BADDB) reaches a shell as its low byte; the error block prints it whole.
 */
public final class ExitCode {
    public static final int SUCCESS = 0;
    /** ERROR_FILE_NOT_FOUND. */
    public static final int FILE_NOT_FOUND = 2;
    /** ERROR_ACCESS_DENIED: the file or folder may not be read or written. */
    public static final int ACCESS_DENIED = 5;
    /** ERROR_BAD_FORMAT: the file is not of the expected format. */
    public static final int BAD_FORMAT = 11;
    /** ERROR_INVALID_DATA: the file has the expected format but its data is damaged. */
    public static final int INVALID_DATA = ServicingException.INVALID_DATA;
    /** ERROR_WRITE_PROTECT: the target lies on a read-only file system. */
    public static final int WRITE_PROTECT = 19;
    /** ERROR_NOT_SUPPORTED: what DISM does but Imagesmith does not, such as online servicing. */
    public static final int NOT_SUPPORTED = 50;
    /** ERROR_INVALID_PARAMETER: an unknown option, a missing or malformed value. */
    public static final int INVALID_PARAMETER = 87;
    /** ERROR_DISK_FULL: there is not enough space on the disk. */
    public static final int DISK_FULL = 112;
    /** ERROR_INVALID_NAME: a path that is not valid on this system (a drive letter or UNC path on Linux). */
    public static final int INVALID_NAME = 123;
    /** ERROR_FILENAME_EXCED_RANGE: a file name or path longer than the file system allows. */
    public static final int FILENAME_TOO_LONG = 206;
    /** ERROR_BADDB: a registry hive of the image holds a value or key that is damaged. */
    public static final int BAD_REGISTRY = 1009;
    /** ERROR_NOT_ENOUGH_MEMORY: the input needs more memory than the Java heap has. */
    public static final int NOT_ENOUGH_MEMORY = 8;
    /** E_UNEXPECTED: a failure Imagesmith did not foresee (a defect: please report it). */
    public static final int UNEXPECTED = 0x8000FFFF;

    private ExitCode() {
    }

    /** A code as DISM prints it after "Error: ": a Win32 code in decimal, an HRESULT in hexadecimal. */
    public static String text(int code) {
        return code < 0 ? String.format("0x%08x", code) : Integer.toString(code);
    }

    /** The exit status a shell sees for a DISM error code: its low byte, and never 0 for a failure. */
    public static int status(int code) {
        int status = code & 0xFF;
        return status == 0 && code != SUCCESS ? 1 : status;
    }
}
