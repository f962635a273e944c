package org.imagesmith.servicing.apps;

/**
 * A Windows Installer product registered in the image, with the facts /Get-AppInfo shows (the names of
 * MsiGetProductInfoEx's properties). Empty strings stand for facts the registry does not hold.
 *
 * @param state {@link #INSTALLED} or {@link #ADVERTISED}
 * @param assignmentType 1 for a per-machine product, 0 for a per-user one
 * @param language the decimal LANGID, such as 1033, or -1 when not registered
 * @param installDate as the installer records it, YYYYMMDD
 */
public record InstalledApp(PackedGuid productCode, String productName, int state, String packageCode,
        String productVersion, int assignmentType, String publisher, int language, String installSource,
        String packageName, String helpLink, String transforms, String localPackage, String installDate) {
    /** INSTALLSTATE_ADVERTISED: registered, but not installed. */
    public static final int ADVERTISED = 1;
    /** INSTALLSTATE_DEFAULT: installed. */
    public static final int INSTALLED = 5;

    /** The state as DISM prints it, such as "5 (Installed)". */
    public String stateText() {
        return state + (state == INSTALLED ? " (Installed)" : state == ADVERTISED ? " (Advertised)" : "");
    }

    /** The assignment as DISM prints it, such as "1 (Per-Machine)". */
    public String assignmentText() {
        return assignmentType + (assignmentType == 1 ? " (Per-Machine)" : " (Per-User)");
    }
}
