package org.imagesmith.servicing.apps;

/**
 * A Windows Installer patch (.msp) registered as applied to one product of the image, with the facts
 * /Get-AppPatchInfo shows (the names of MsiGetPatchInfoEx's properties).
 *
 * @param state {@link #APPLIED}, {@link #SUPERSEDED} or {@link #OBSOLETED}
 * @param transforms the patch's transforms applied to the product, such as ":RTM.1;:#RTM.1"
 * @param installDate as the installer records it, YYYYMMDD
 */
public record InstalledPatch(PackedGuid patchCode, PackedGuid productCode, String patchName, int state,
        boolean uninstallable, String helpLink, String transforms, String localPackage, String installDate) {
    /** MSIPATCHSTATE_APPLIED. */
    public static final int APPLIED = 1;
    /** MSIPATCHSTATE_SUPERSEDED. */
    public static final int SUPERSEDED = 2;
    /** MSIPATCHSTATE_OBSOLETED. */
    public static final int OBSOLETED = 4;

    /** The state as DISM prints it, such as "1 (Applied)". */
    public String stateText() {
        String name = switch (state) {
            case APPLIED -> " (Applied)";
            case SUPERSEDED -> " (Superseded)";
            case OBSOLETED -> " (Obsoleted)";
            default -> "";
        };
        return state + name;
    }
}
