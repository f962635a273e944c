package org.imagesmith.unattend.catalog;

/**
 * The Windows versions that have a component or setting: from the version that added it up to, not including, the
 * version that removed it.
 *
 * @param since the first version that has it
 * @param removedIn the first version that no longer has it, or null when every later version has it
 */
public record Availability(WindowsVersion since, WindowsVersion removedIn) {
    /** In every version the catalog knows. */
    public static final Availability ALWAYS = new Availability(WindowsVersion.WINDOWS_7, null);

    public Availability {
        if (since == null) {
            since = WindowsVersion.WINDOWS_7;
        }
        if (removedIn != null && removedIn.compareTo(since) <= 0) {
            throw new IllegalArgumentException("removed in " + removedIn.label() + " before it was added in " + since.label());
        }
    }

    /** Whether version has it. */
    public boolean in(WindowsVersion version) {
        return version.compareTo(since) >= 0 && (removedIn == null || version.compareTo(removedIn) < 0);
    }

    /** Whether every version the catalog knows has it. */
    public boolean always() {
        return since == WindowsVersion.WINDOWS_7 && removedIn == null;
    }

    /** The versions that have it, in words: "Windows 10 / Server 2016-2022 and later", "Windows 7 / ... to Windows 8.1 / ...". */
    public String versions() {
        WindowsVersion[] all = WindowsVersion.values();
        if (removedIn == null) {
            return since == all[all.length - 1] ? since.displayName() : since.displayName() + " and later";
        }
        WindowsVersion last = all[removedIn.ordinal() - 1];
        return last == since ? since.displayName() : since.displayName() + " to " + last.displayName();
    }
}
