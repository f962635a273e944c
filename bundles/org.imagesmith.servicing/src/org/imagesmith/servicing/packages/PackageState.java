package org.imagesmith.servicing.packages;

/**
 * The states Component-Based Servicing keeps for a package or an update (feature) in the CurrentState value
 * of its key, with the words DISM prints for them.
 */
public enum PackageState {
    ABSENT(0x00, "Not Present", "Disabled"),
    UNINSTALL_PENDING(0x05, "Uninstall Pending", "Disable Pending"),
    RESOLVED(0x20, "Resolved", "Disabled"),
    STAGED(0x40, "Staged", "Disabled"),
    SUPERSEDED(0x50, "Superseded", "Disabled"),
    INSTALL_PENDING(0x60, "Install Pending", "Enable Pending"),
    PARTIALLY_INSTALLED(0x65, "Partially Installed", "Enabled"),
    INSTALLED(0x70, "Installed", "Enabled"),
    PERMANENT(0x80, "Permanent", "Enabled");

    private final int code;
    private final String packageText;
    private final String featureText;

    PackageState(int code, String packageText, String featureText) {
        this.code = code;
        this.packageText = packageText;
        this.featureText = featureText;
    }

    public int code() {
        return code;
    }

    /** How DISM shows a package in this state ("Installed", "Install Pending", ...). */
    public String packageText() {
        return packageText;
    }

    /** How DISM shows a feature in this state ("Enabled", "Disabled", "Enable Pending", ...). */
    public String featureText() {
        return featureText;
    }

    public boolean isInstalled() {
        return this == INSTALLED || this == PERMANENT || this == INSTALL_PENDING || this == PARTIALLY_INSTALLED;
    }

    /** The state of a CurrentState value; unknown codes are the nearest lower state. */
    public static PackageState ofCode(int code) {
        PackageState found = ABSENT;
        for (PackageState state : values()) {
            if (state.code == code) {
                return state;
            }
            if (Integer.compareUnsigned(state.code, code) < 0) {
                found = state;
            }
        }
        return found;
    }
}
