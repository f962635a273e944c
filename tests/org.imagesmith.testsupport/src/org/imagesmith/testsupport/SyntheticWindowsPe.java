package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;

/**
 * A small offline image that looks like Windows PE 3.0 x64 (winpe.wim of the Windows 7 AIK, 6.1.7600.16385):
 * EditionID WindowsPE, the WinPE foundation package and its en-US language pack, the scratch space
 * (SYSTEM\ControlSet001\Services\FBWF\WinPECacheThreshold, 32 MB) and the target path
 * (SOFTWARE\Microsoft\Windows NT\CurrentVersion\WinPE\InstRoot, X:\).
 */
public final class SyntheticWindowsPe {
    public static final String VERSION = "6.1.7600.16385";
    public static final String FOUNDATION_NAME = "Microsoft-Windows-WinPE-Package";
    public static final String FOUNDATION = FOUNDATION_NAME + "~" + SyntheticPackage.TOKEN + "~amd64~~" + VERSION;
    public static final String LANGUAGE_PACK = "Microsoft-Windows-WinPE-LanguagePack-Package~" + SyntheticPackage.TOKEN
            + "~amd64~en-US~" + VERSION;

    private SyntheticWindowsPe() {
    }

    /** Writes the image under root and returns root. */
    public static Path write(Path root) throws IOException {
        Path config = Files.createDirectories(root.resolve("Windows/System32/config"));
        Path packages = Files.createDirectories(root.resolve("Windows/servicing/Packages"));
        Files.createDirectories(root.resolve("Windows/WinSxS/Manifests"));
        Files.createDirectories(root.resolve("Windows/inf"));
        Files.createDirectories(root.resolve("Users/Default"));

        Hive software = Hive.create();
        RegistryKey version = software.root().createKey("Microsoft\\Windows NT\\CurrentVersion");
        version.setString("CurrentVersion", "6.1");
        version.setString("CurrentBuildNumber", "7600");
        version.setString("CurrentBuild", "7600");
        version.setString("BuildLabEx", "7600.16385.amd64fre.win7_rtm.090713-1255");
        version.setString("EditionID", "WindowsPE");
        version.setString("InstallationType", "WindowsPE");
        version.setString("ProductName", "Windows PE");
        version.setString("SystemRoot", "X:\\Windows");
        version.createKey("WinPE").setString("InstRoot", "X:\\");
        SyntheticPackage foundation = new SyntheticPackage(FOUNDATION_NAME, "amd64", "", VERSION).releaseType("Foundation");
        SyntheticPackage languagePack = new SyntheticPackage("Microsoft-Windows-WinPE-LanguagePack-Package", "amd64",
                "en-US", VERSION).releaseType("Language Pack").parent(FOUNDATION_NAME, VERSION, "EQ");
        Instant installed = Instant.parse("2009-07-14T05:20:00Z");
        SyntheticWindowsImage.register(software, foundation, 0x70, installed, false);
        SyntheticWindowsImage.register(software, languagePack, 0x70, installed, false);
        for (SyntheticPackage p : List.of(foundation, languagePack)) {
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
        system.root().createKey("ControlSet001\\Services\\FBWF").setDword("WinPECacheThreshold", 32);
        system.save(config.resolve("SYSTEM"));
        return root;
    }
}
