package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;

/**
 * A small offline image that looks like Windows 7 SP1 x64 or Windows Server 2008 R2 SP1 on disk: SOFTWARE and
 * SYSTEM hives with the real key paths and values, Windows\servicing\Packages with the foundation package (with
 * features), the en-US language pack and an installed update, and the CBS keys that record them.
 */
public final class SyntheticWindowsImage {
    public static final String FOUNDATION_NAME = "Microsoft-Windows-Foundation-Package";
    public static final String VERSION = "6.1.7601.17514";
    public static final String FOUNDATION = FOUNDATION_NAME + "~" + SyntheticPackage.TOKEN + "~amd64~~" + VERSION;
    public static final String LANGUAGE_PACK = "Microsoft-Windows-Client-LanguagePack-Package~" + SyntheticPackage.TOKEN
            + "~amd64~en-US~" + VERSION;
    public static final String INSTALLED_UPDATE = "Package_for_KB976902~" + SyntheticPackage.TOKEN + "~amd64~~6.1.1.17514";
    /** The features of the foundation package, with their states in a fresh image. */
    public static final List<String> FEATURES = List.of("TelnetClient", "TFTP", "IIS-WebServerRole", "MediaPlayback");
    public static final List<String> ENABLED_FEATURES = List.of("MediaPlayback");
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";

    /** Which Windows the image looks like. */
    public enum Kind {
        WINDOWS_7_SP1_X64("Professional", "Client", "Windows 7 Professional", "6.1", "7601", "17514",
                "win7sp1_rtm.101119-1850", "Service Pack 1"),
        SERVER_2008_R2_SP1("ServerStandard", "Server", "Windows Server 2008 R2 Standard", "6.1", "7601", "17514",
                "win7sp1_rtm.101119-1850", "Service Pack 1"),
        /** Windows Vista SP2 (6.0.6002.18005): DISM services only its packages and features. */
        VISTA_SP2("Business", "Client", "Windows Vista (TM) Business", "6.0", "6002", "18005",
                "lh_sp2rtm.090410-1830", "Service Pack 2");

        final String edition;
        final String installationType;
        final String productName;
        final String currentVersion;
        final String build;
        final String revision;
        final String branch;
        final String servicePack;

        Kind(String edition, String installationType, String productName, String currentVersion, String build,
                String revision, String branch, String servicePack) {
            this.edition = edition;
            this.installationType = installationType;
            this.productName = productName;
            this.currentVersion = currentVersion;
            this.build = build;
            this.revision = revision;
            this.branch = branch;
            this.servicePack = servicePack;
        }

        /** The image's version, such as 6.1.7601.17514, which is also its foundation package's version. */
        public String version() {
            return currentVersion + "." + build + "." + revision;
        }
    }

    /** The identity of the foundation package of an image of this kind and architecture (amd64, x86, ia64). */
    public static String foundation(Kind kind, String architecture) {
        return FOUNDATION_NAME + "~" + SyntheticPackage.TOKEN + "~" + architecture + "~~" + kind.version();
    }

    private SyntheticWindowsImage() {
    }

    /** Writes an x64 (amd64) image under root and returns root. */
    public static Path write(Path root, Kind kind) throws IOException {
        return write(root, kind, "amd64");
    }

    /** Writes the image for a processor architecture (amd64, x86 or ia64) under root and returns root. */
    public static Path write(Path root, Kind kind, String architecture) throws IOException {
        Path config = Files.createDirectories(root.resolve("Windows/System32/config"));
        Path packages = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        Files.createDirectories(root.resolve("Windows/WinSxS/Manifests"));
        Files.createDirectories(root.resolve("Windows/inf"));
        Files.createDirectories(root.resolve("Users/Default"));
        Files.createDirectories(root.resolve("Program Files"));

        Hive software = Hive.create();
        RegistryKey version = software.root().createKey("Microsoft\\Windows NT\\CurrentVersion");
        version.setString("CurrentVersion", kind.currentVersion);
        version.setString("CurrentBuildNumber", kind.build);
        version.setString("CurrentBuild", kind.build);
        version.setString("BuildLabEx", kind.build + "." + kind.revision + "." + architecture + "fre." + kind.branch);
        version.setString("CSDVersion", kind.servicePack);
        version.setString("EditionID", kind.edition);
        version.setString("InstallationType", kind.installationType);
        version.setString("ProductName", kind.productName);
        version.setString("SystemRoot", "C:\\Windows");

        String imageVersion = kind.version();
        SyntheticPackage foundation = new SyntheticPackage(FOUNDATION_NAME, architecture, "", imageVersion)
                .releaseType("Foundation");
        FEATURES.forEach(f -> foundation.feature(f, f.replace('-', ' ')));
        SyntheticPackage languagePack = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", architecture,
                "en-US", imageVersion).releaseType("Language Pack").parent(FOUNDATION_NAME, imageVersion, "EQ");
        SyntheticPackage update = new SyntheticPackage("Package_for_KB976902", architecture, "",
                kind.currentVersion + ".1." + kind.revision).parent(FOUNDATION_NAME, imageVersion, "GE")
                .withLanguageResources();
        Instant installed = Instant.parse("2010-11-21T03:40:00Z");
        register(software, foundation, 0x70, installed, true);
        register(software, languagePack, 0x70, installed, false);
        register(software, update, 0x70, installed.plusSeconds(3600), false);
        for (SyntheticPackage p : List.of(foundation, languagePack, update)) {
            Files.writeString(packages.resolve(p.identity() + ".mum"), p.manifest(), StandardCharsets.UTF_8);
            Files.writeString(packages.resolve(p.identity() + ".cat"), "catalog");
        }
        software.save(config.resolve("SOFTWARE"));

        Hive system = Hive.create();
        system.root().createKey("Select").setDword("Current", 1);
        system.root().key("Select").setDword("Default", 1);
        system.root().createKey("ControlSet001\\Control\\Session Manager\\Environment")
                .setString("PROCESSOR_ARCHITECTURE", architecture.equals("amd64") ? "AMD64"
                        : architecture.equals("ia64") ? "IA64" : "x86");
        RegistryKey language = system.root().createKey("ControlSet001\\Control\\Nls\\Language");
        language.setString("Default", "0409");
        language.setString("InstallLanguage", "0409");
        system.root().createKey("ControlSet001\\Control\\MUI\\UILanguages\\en-US");
        system.root().createKey("ControlSet001\\Services");
        // what Windows Setup and WDS pick images by (the WINDOWS element of a captured image)
        RegistryKey windows = system.root().createKey("ControlSet001\\Control\\Windows");
        windows.setDword("CSDBuildNumber", Integer.parseInt(kind.revision));
        windows.setDword("CSDVersion", Integer.parseInt(kind.servicePack.replaceAll("\\D", "")) << 8);
        RegistryKey options = system.root().createKey("ControlSet001\\Control\\ProductOptions");
        options.setString("ProductType", kind.installationType.equals("Server") ? "ServerNT" : "WinNT");
        options.setMultiString("ProductSuite", List.of("Terminal Server"));
        system.root().createKey("ControlSet001\\Control\\Class\\{4D36E966-E325-11CE-BFC1-08002BE10318}\\0000")
                .setString("MatchingDeviceId", "acpiapic");
        system.save(config.resolve("SYSTEM"));
        Files.write(root.resolve("Windows/System32/kernel32.dll"), portableExecutableHeader(architecture));
        return root;
    }

    /**
     * The start of a DLL as Windows' PE loader reads it: an MS-DOS header whose e_lfanew points to the "PE" signature
     * and a COFF file header with the machine type of the architecture (amd64, x86, ia64, arm64), as kernel32.dll
     * has. It holds no code.
     */
    public static byte[] portableExecutableHeader(String architecture) {
        int machine = switch (architecture) {
            case "amd64" -> 0x8664;
            case "x86" -> 0x014C;
            case "ia64" -> 0x0200;
            case "arm64" -> 0xAA64;
            default -> throw new IllegalArgumentException("no PE machine type for " + architecture);
        };
        java.nio.ByteBuffer pe = java.nio.ByteBuffer.allocate(0x80 + 24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        pe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
        pe.putInt(0x80, 0x00004550).putShort(0x84, (short) machine);
        pe.putShort(0x96, (short) 0x2002); // IMAGE_FILE_EXECUTABLE_IMAGE | IMAGE_FILE_DLL
        return pe.array();
    }

    static void register(Hive software, SyntheticPackage p, int state, Instant when, boolean features) {
        RegistryKey key = software.root().createKey(CBS + p.identity());
        key.setDword("CurrentState", state);
        key.setString("InstallClient", "DISM Package Manager Provider");
        key.setString("InstallName", p.identity() + ".mum");
        key.setString("InstallLocation", "\\\\?\\C:\\Windows\\servicing\\Packages\\");
        long ticks = Duration.between(Instant.parse("1601-01-01T00:00:00Z"), when).getSeconds() * 10_000_000L;
        key.setDword("InstallTimeHigh", (int) (ticks >>> 32));
        key.setDword("InstallTimeLow", (int) ticks);
        key.setString("InstallUser", "S-1-5-18");
        key.setDword("Visibility", 1);
        RegistryKey updates = key.createKey("Updates");
        updates.setDword(p.identity().split("~")[0].toLowerCase() + "-payload", 0x70);
        if (features) {
            for (String feature : FEATURES) {
                updates.setDword(feature, ENABLED_FEATURES.contains(feature) ? 0x70 : 0x40);
            }
        }
    }
}
