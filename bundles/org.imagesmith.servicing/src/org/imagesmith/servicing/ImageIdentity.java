package org.imagesmith.servicing;

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

    /** The image's processor architecture, with the names DISM and package identities use. */
    public enum Architecture {
        X86("x86", "x86"), AMD64("amd64", "x64"), IA64("ia64", "ia64"), ARM64("arm64", "arm64");

        private final String identityName;
        private final String displayName;

        Architecture(String identityName, String displayName) {
            this.identityName = identityName;
            this.displayName = displayName;
        }

        /** The name in package and assembly identities, such as "amd64". */
        public String identityName() {
            return identityName;
        }

        /** The name DISM shows, such as "x64". */
        public String displayName() {
            return displayName;
        }

        /** The architecture of a PROCESSOR_ARCHITECTURE value (x86, AMD64, IA64, ARM64). */
        public static Architecture ofEnvironment(String value) {
            for (Architecture a : values()) {
                if (a.identityName.equalsIgnoreCase(value)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown processor architecture \"" + value + "\"");
        }
    }

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
