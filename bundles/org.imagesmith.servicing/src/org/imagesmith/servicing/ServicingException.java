package org.imagesmith.servicing;

/**
 * A servicing operation that cannot be done; the message says why and what to do. The error code is the one
 * DISM reports for the same failure (a Win32 error such as 2, or an HRESULT such as 0x800f081e), and the
 * command line exits with it.
 */
public class ServicingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** ERROR_FILE_NOT_FOUND. */
    public static final int FILE_NOT_FOUND = 2;
    /** ERROR_ACCESS_DENIED. */
    public static final int ACCESS_DENIED = 5;
    /** ERROR_BAD_FORMAT. */
    public static final int BAD_FORMAT = 11;
    /** ERROR_INVALID_DATA: the file has the expected format but its data is damaged (a damaged WIM file). */
    public static final int INVALID_DATA = 13;
    /** ERROR_SHARING_VIOLATION: another process uses the file. */
    public static final int SHARING_VIOLATION = 32;
    /** ERROR_INVALID_PARAMETER. */
    public static final int INVALID_PARAMETER = 87;
    /** ERROR_REGISTRY_CORRUPT: a hive is damaged, or could not be recovered because its log is absent or damaged. */
    public static final int REGISTRY_CORRUPT = 1015;
    /** CBS_E_NOT_APPLICABLE: the package is not applicable to the image. */
    public static final int NOT_APPLICABLE = 0x800f081e;
    /** CBS_E_SOURCE_MISSING / the package's source is missing. */
    public static final int SOURCE_MISSING = 0x800f0906;
    /** CBS_E_INVALID_PACKAGE: the package is not a valid package. */
    public static final int INVALID_PACKAGE = 0x800f0805;
    /** CBS_E_UNKNOWN_UPDATE: the feature is not known. */
    public static final int UNKNOWN_FEATURE = 0x800f080c;
    /** DISMAPI_E_UNSUPPORTED_COMMAND / a package that cannot be serviced offline. */
    public static final int NOT_SUPPORTED_OFFLINE = 0x800f082f;
    /**
     * CBS_E_DEPENDENT_FAILURE: a package depends on one that is missing (adding it), or installed packages depend on
     * the package (removing it).
     */
    public static final int DEPENDENT_FAILURE = 0x800f082c;
    /** CBS_E_CANNOT_UNINSTALL: the package cannot be uninstalled (permanent, or a language the image needs). */
    public static final int CANNOT_UNINSTALL = 0x800f0825;

    private final int errorCode;

    public ServicingException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public ServicingException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The code as DISM prints it: decimal for Win32 errors, 0x-hex for HRESULTs. */
    public String errorCodeText() {
        return errorCode < 0 ? String.format("0x%08x", errorCode) : Integer.toString(errorCode);
    }
}
