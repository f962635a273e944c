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
 * Edition packages of an edition-family Windows 7 SP1 x64 image (Microsoft-Windows-&lt;EditionID&gt;Edition): the
 * current edition's installed, the others staged, as on the install.wim images that /Set-Edition upgrades.
 */
public final class SyntheticEditionPackages {
    private SyntheticEditionPackages() {
    }

    /** The identity of an edition's package in the synthetic image. */
    public static String identity(String editionId) {
        return "Microsoft-Windows-" + editionId + "Edition~" + SyntheticPackage.TOKEN + "~amd64~~"
                + SyntheticWindowsImage.VERSION;
    }

    /**
     * Registers and writes the packages of the image's edition (installed) and of {@code staged} (staged), and makes
     * the image's EditionID and ProductName those of its edition ("HomePremium", "Windows 7 Home Premium").
     */
    public static Path stage(Path root, String currentEdition, List<String> staged) throws IOException {
        Path config = root.resolve("Windows/System32/config");
        Hive software = Hive.open(config.resolve("SOFTWARE"));
        RegistryKey version = software.root().key("Microsoft\\Windows NT\\CurrentVersion");
        version.setString("EditionID", currentEdition);
        version.setString("ProductName", "Windows 7 " + currentEdition.replaceAll("(?<=[a-z])(?=[A-Z])", " "));
        Instant installed = Instant.parse("2010-11-21T03:40:00Z");
        write(root, software, currentEdition, 0x70, installed);
        for (String edition : staged) {
            write(root, software, edition, 0x40, installed);
        }
        software.save(config.resolve("SOFTWARE"));
        return root;
    }

    private static void write(Path root, Hive software, String edition, int state, Instant when) throws IOException {
        SyntheticPackage pkg = new SyntheticPackage("Microsoft-Windows-" + edition + "Edition", "amd64", "",
                SyntheticWindowsImage.VERSION).releaseType("Product")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
        SyntheticWindowsImage.register(software, pkg, state, when, false);
        Path packages = root.resolve("Windows/servicing/Packages");
        Files.writeString(packages.resolve(pkg.identity() + ".mum"), pkg.manifest(), StandardCharsets.UTF_8);
        Files.writeString(packages.resolve(pkg.identity() + ".cat"), "catalog");
    }
}
