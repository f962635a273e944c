package org.imagesmith.wim;

import java.util.List;
import java.util.Optional;

/**
 * The WINDOWS element of an image's XML data: what a Windows image says about itself. Absent elements are
 * empty strings (or an empty optional), as they are absent in images that are not Windows installations.
 */
public record WindowsInfo(
        Optional<Architecture> architecture,
        String productName,
        String editionId,
        String installationType,
        String hal,
        String productType,
        String productSuite,
        List<String> languages,
        String defaultLanguage,
        Optional<WindowsVersion> version,
        String systemRoot) {

    public WindowsInfo {
        languages = List.copyOf(languages);
    }

    /**
     * The processor architectures of Windows, one name for each across the engine: the WINDOWS/ARCH element's
     * PROCESSOR_ARCHITECTURE_* code, the names DISM and wimlib print, and the name of package, assembly and driver
     * identities and of answer files' processorArchitecture ("amd64").
     */
    public enum Architecture {
        X86(0, "x86", "x86", "x86"),
        ARM(5, "ARM", "arm", "arm"),
        IA64(6, "ia64", "ia64", "ia64"),
        X64(9, "x64", "x86_64", "amd64"),
        ARM64(12, "ARM64", "arm64", "arm64");

        private final int code;
        private final String dismName;
        private final String wimlibName;
        private final String identityName;

        Architecture(int code, String dismName, String wimlibName, String identityName) {
            this.code = code;
            this.dismName = dismName;
            this.wimlibName = wimlibName;
            this.identityName = identityName;
        }

        public int code() {
            return code;
        }

        /** The name DISM prints, such as "x64". */
        public String dismName() {
            return dismName;
        }

        /** The name wimlib-imagex prints, such as "x86_64". */
        public String wimlibName() {
            return wimlibName;
        }

        /**
         * The name in package and assembly identities, INF decorations and answer files' processorArchitecture, such
         * as "amd64".
         */
        public String identityName() {
            return identityName;
        }

        /**
         * The architecture of a PROCESSOR_ARCHITECTURE value of the SYSTEM hive's Session Manager\Environment (x86,
         * AMD64, IA64, ARM, ARM64; any case), empty for others.
         */
        public static Optional<Architecture> ofEnvironment(String value) {
            for (Architecture a : values()) {
                if (a.identityName.equalsIgnoreCase(value)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        /**
         * The architecture of a PE file's machine type (IMAGE_FILE_MACHINE_*: I386, ARM, ARMNT and THUMB, IA64,
         * AMD64, ARM64), empty for others.
         */
        public static Optional<Architecture> ofPeMachine(int machine) {
            return switch (machine) {
                case 0x014C -> Optional.of(X86);
                case 0x01C0, 0x01C2, 0x01C4 -> Optional.of(ARM);
                case 0x0200 -> Optional.of(IA64);
                case 0x8664 -> Optional.of(X64);
                case 0xAA64 -> Optional.of(ARM64);
                default -> Optional.empty();
            };
        }

        public static Optional<Architecture> ofCode(long code) {
            for (Architecture a : values()) {
                if (a.code == code) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }
}
