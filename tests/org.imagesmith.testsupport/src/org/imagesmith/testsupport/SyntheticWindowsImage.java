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
        WINDOWS_7_SP1_X64("Professional", "Client", "Windows 7 Professional"),
        SERVER_2008_R2_SP1("ServerStandard", "Server", "Windows Server 2008 R2 Standard");

        final String edition;
        final String installationType;
        final String productName;

        Kind(String edition, String installationType, String productName) {
            this.edition = edition;
            this.installationType = installationType;
            this.productName = productName;
        }
    }

    private SyntheticWindowsImage() {
    }

    /** Writes the image under root and returns root. */
    public static Path write(Path root, Kind kind) throws IOException {
        Path config = Files.createDirectories(root.resolve("Windows/System32/config"));
        Path packages = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        Files.createDirectories(root.resolve("Windows/WinSxS/Manifests"));
        Files.createDirectories(root.resolve("Windows/inf"));
        Files.createDirectories(root.resolve("Users/Default"));
        Files.createDirectories(root.resolve("Program Files"));

        Hive software = Hive.create();
        RegistryKey version = software.root().createKey("Microsoft\\Windows NT\\CurrentVersion");
        version.setString("CurrentVersion", "6.1");
        version.setString("CurrentBuildNumber", "7601");
        version.setString("CurrentBuild", "7601");
        version.setString("BuildLabEx", "7601.17514.amd64fre.win7sp1_rtm.101119-1850");
        version.setString("CSDVersion", "Service Pack 1");
        version.setString("EditionID", kind.edition);
        version.setString("InstallationType", kind.installationType);
        version.setString("ProductName", kind.productName);
        version.setString("SystemRoot", "C:\\Windows");

        SyntheticPackage foundation = new SyntheticPackage(FOUNDATION_NAME, "amd64", "", VERSION).releaseType("Foundation");
        FEATURES.forEach(f -> foundation.feature(f, f.replace('-', ' ')));
        SyntheticPackage languagePack = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", "amd64",
                "en-US", VERSION).releaseType("Language Pack").parent(FOUNDATION_NAME, VERSION, "EQ");
        SyntheticPackage update = SyntheticPackage.update("KB976902").withLanguageResources();
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
                .setString("PROCESSOR_ARCHITECTURE", "AMD64");
        system.root().createKey("ControlSet001\\Control\\Nls\\Language").setString("Default", "0409");
        system.root().createKey("ControlSet001\\Services");
        system.save(config.resolve("SYSTEM"));
        return root;
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
