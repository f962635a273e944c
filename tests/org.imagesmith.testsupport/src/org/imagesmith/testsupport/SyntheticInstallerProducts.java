package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;

/**
 * Registers Windows Installer products and patches in the SOFTWARE hive of a synthetic image the way msi.dll does
 * for per-machine installations (Classes\Installer\Products\&lt;packed&gt;, Installer\UserData\S-1-5-18\Products\
 * &lt;packed&gt;\InstallProperties and \Patches, UserData\S-1-5-18\Patches\&lt;packed patch&gt;). Packed GUIDs are
 * computed here on their own, so that the code under test is checked against a second implementation.
 */
public final class SyntheticInstallerProducts {
    public static final String CLASSES_PRODUCTS = "Classes\\Installer\\Products\\";
    public static final String USER_DATA = "Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\S-1-5-18\\";
    private static final String SOFTWARE = "Windows/System32/config/SOFTWARE";

    /** A per-machine product; codes in registry format ({...}, upper case). */
    public record Product(String productCode, String name, String version, String publisher, int language,
            String packageCode, String packageName, String installSource, String localPackage, String installDate,
            String helpLink) {

        /** A product with made-up but plausible facts for the rest. */
        public static Product of(String productCode, String name, String version, String packageCode) {
            String file = name.replace(" ", "") + ".msi";
            return new Product(productCode, name, version, "Contoso Ltd.", 1033, packageCode, file,
                    "D:\\Setup\\" + name.replace(" ", "") + "\\", "C:\\Windows\\Installer\\" + Integer.toHexString(
                            Math.abs(productCode.hashCode()) % 0xFFFFF) + ".msi", "20110315", "http://contoso.example/support");
        }
    }

    /** A patch applied to a product. */
    public record Patch(String patchCode, String productCode, String displayName, int state, boolean uninstallable,
            String moreInfoUrl, String transforms, String localPackage, String installed) {

        public static Patch applied(String patchCode, String productCode, String displayName) {
            return new Patch(patchCode, productCode, displayName, 1, true, "http://contoso.example/kb1",
                    ":RTM.1;:#RTM.1", "C:\\Windows\\Installer\\" + Integer.toHexString(Math.abs(patchCode.hashCode())
                            % 0xFFFFF) + ".msp", "20110401");
        }
    }

    private SyntheticInstallerProducts() {
    }

    /** Adds the products and patches to the image's SOFTWARE hive and saves it. */
    public static void register(Path image, List<Product> products, List<Patch> patches) throws IOException {
        Path file = image.resolve(SOFTWARE);
        Hive software = Hive.open(file);
        for (Product product : products) {
            register(software, product);
        }
        for (Patch patch : patches) {
            register(software, patch);
        }
        software.save(file);
    }

    private static void register(Hive software, Product p) {
        String packed = pack(p.productCode());
        RegistryKey advertised = software.root().createKey(CLASSES_PRODUCTS + packed);
        advertised.setString("ProductName", p.name());
        advertised.setString("PackageCode", pack(p.packageCode()));
        advertised.setDword("Language", p.language());
        advertised.setDword("Version", versionDword(p.version()));
        advertised.setDword("Assignment", 1);
        advertised.setDword("AdvertiseFlags", 0x184);
        advertised.setDword("InstanceType", 0);
        RegistryKey source = advertised.createKey("SourceList");
        source.setString("PackageName", p.packageName());
        source.setExpandString("LastUsedSource", "n;1;" + p.installSource());
        source.createKey("Net").setExpandString("1", p.installSource());
        RegistryKey properties = software.root().createKey(USER_DATA + "Products\\" + packed + "\\InstallProperties");
        properties.setString("DisplayName", p.name());
        properties.setString("DisplayVersion", p.version());
        properties.setString("Publisher", p.publisher());
        properties.setString("InstallDate", p.installDate());
        properties.setString("InstallSource", p.installSource());
        properties.setString("LocalPackage", p.localPackage());
        properties.setString("HelpLink", p.helpLink());
        properties.setExpandString("UninstallString", "MsiExec.exe /X" + p.productCode());
        properties.setDword("Language", p.language());
        properties.setDword("Version", versionDword(p.version()));
        properties.setDword("WindowsInstaller", 1);
    }

    private static void register(Hive software, Patch p) {
        String product = pack(p.productCode());
        String patch = pack(p.patchCode());
        RegistryKey patches = software.root().createKey(CLASSES_PRODUCTS + product + "\\Patches");
        List<String> listed = new ArrayList<>(patches.value("Patches").map(v -> v.asMultiString()).orElse(List.of()));
        listed.add(patch);
        patches.setMultiString("Patches", listed);
        patches.setString(patch, p.transforms());
        RegistryKey applied = software.root().createKey(USER_DATA + "Products\\" + product + "\\Patches\\" + patch);
        applied.setDword("State", p.state());
        applied.setDword("Uninstallable", p.uninstallable() ? 1 : 0);
        applied.setString("DisplayName", p.displayName());
        applied.setString("MoreInfoURL", p.moreInfoUrl());
        applied.setString("Installed", p.installed());
        applied.setDword("MSI3", 1);
        applied.setDword("PatchType", 0);
        software.root().createKey(USER_DATA + "Patches\\" + patch).setString("LocalPackage", p.localPackage());
    }

    /**
     * The packed form of a GUID that names the installer's keys: the first three groups reversed, and the two
     * hex digits of each remaining byte swapped.
     */
    public static String pack(String guid) {
        String[] groups = guid.replace("{", "").replace("}", "").toUpperCase().split("-");
        StringBuilder packed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            packed.append(new StringBuilder(groups[i]).reverse());
        }
        String rest = groups[3] + groups[4];
        for (int i = 0; i < rest.length(); i += 2) {
            packed.append(rest.charAt(i + 1)).append(rest.charAt(i));
        }
        return packed.toString();
    }

    /** The installer's version DWORD: major in the high byte, minor in the next, build in the low word. */
    static int versionDword(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int build = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return major << 24 | minor << 16 | build;
    }
}
