package org.imagesmith.servicing;

import org.imagesmith.wim.WindowsInfo.Architecture;

/**
 * What an offline image says about itself in its SOFTWARE and SYSTEM hives: version (as DISM prints it on its
 * "Image Version" line), edition, installation type, product name and processor architecture.
 */
public record ImageIdentity(
        int major,
        int minor,
        int build,
        int revision,
        String editionId,
        String installationType,
        String productName,
        String servicePack,
        Architecture architecture) {

    /** "6.1.7601.17514". */
    public String version() {
        return major + "." + minor + "." + build + "." + revision;
    }

    /** True for a Windows PE image (EditionID WindowsPE). */
    public boolean isWindowsPe() {
        return editionId.equalsIgnoreCase("WindowsPE");
    }

    /** True when the image's version is major.minor (6.1 for Windows 7 and Server 2008 R2). */
    public boolean isVersion(int wantedMajor, int wantedMinor) {
        return major == wantedMajor && minor == wantedMinor;
    }
}
