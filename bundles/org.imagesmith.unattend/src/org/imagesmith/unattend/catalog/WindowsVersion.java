package org.imagesmith.unattend.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Windows versions an answer file is written for, by the kernel version they share with their Server
 * counterparts (Windows 7 and Server 2008 R2 are 6.1).
 */
public enum WindowsVersion {
    WINDOWS_7("7", "Windows 7 / Server 2008 R2", 6, 1, "server 2008 r2", "2008 r2"),
    WINDOWS_8("8", "Windows 8 / Server 2012", 6, 2, "server 2012", "2012"),
    WINDOWS_8_1("8.1", "Windows 8.1 / Server 2012 R2", 6, 3, "server 2012 r2", "2012 r2"),
    WINDOWS_10("10", "Windows 10 / Server 2016-2022", 10, 0, "server 2016", "2016", "server 2019", "2019", "server 2022",
            "2022"),
    WINDOWS_11("11", "Windows 11 / Server 2025", 10, 0, "server 2025", "2025");

    /** The version validation assumes when nothing names one. */
    public static final WindowsVersion DEFAULT = WINDOWS_7;

    private final String label;
    private final String displayName;
    private final int major;
    private final int minor;
    private final List<String> aliases;

    WindowsVersion(String label, String displayName, int major, int minor, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
        this.displayName = displayName;
        this.major = major;
        this.minor = minor;
    }

    /** The short name used in the catalog and in options: 7, 8, 8.1, 10, 11. */
    public String label() {
        return label;
    }

    /** The name shown to users, such as "Windows 7 / Server 2008 R2". */
    public String displayName() {
        return displayName;
    }

    /**
     * The version of a label (7, 8, 8.1, 10, 11; "Windows 10" is accepted too, and the Server names: "Server 2019" or
     * "Windows Server 2019" is 10).
     */
    public static Optional<WindowsVersion> ofLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String label = text.trim().toLowerCase(Locale.ROOT).replace("windows", "").trim();
        for (WindowsVersion version : values()) {
            if (version.label.equals(label) || version.aliases.contains(label)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The version of an image's kernel version (6.1 is Windows 7; 10.0 with build 22000 or later is Windows 11). */
    public static WindowsVersion ofKernel(int major, int minor, int build) {
        if (major >= 10) {
            return build >= 22000 ? WINDOWS_11 : WINDOWS_10;
        }
        if (major == 6 && minor >= 3) {
            return WINDOWS_8_1;
        }
        return major == 6 && minor == 2 ? WINDOWS_8 : WINDOWS_7;
    }
}
