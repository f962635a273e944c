package org.imagesmith.servicing.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.registry.ValueType;

/**
 * The per-machine Windows Installer registration in an image's SOFTWARE hive, as msi.dll keeps it:
 * <ul>
 * <li>{@code Classes\Installer\Products\<packed product>}: the advertised product (ProductName, PackageCode,
 * Language, Version, Assignment, Transforms, SourceList\PackageName) and its {@code Patches} key (the multi-string
 * {@code Patches} of packed patch codes, and one value per patch holding the transforms it applied);</li>
 * <li>{@code Microsoft\Windows\CurrentVersion\Installer\UserData\S-1-5-18\Products\<packed product>}: the installed
 * product ({@code InstallProperties}: DisplayName, DisplayVersion, Publisher, InstallDate, InstallSource,
 * LocalPackage, HelpLink...) and {@code Patches\<packed patch>} (State, Uninstallable, DisplayName, MoreInfoURL,
 * Installed);</li>
 * <li>{@code ...\UserData\S-1-5-18\Patches\<packed patch>}: the cached patch (LocalPackage).</li>
 * </ul>
 * Per-user installations live in the users' own hives and are not read.
 */
final class InstallerRegistry {
    static final String CLASSES_PRODUCTS = "Classes\\Installer\\Products";
    static final String USER_DATA = "Microsoft\\Windows\\CurrentVersion\\Installer\\UserData\\S-1-5-18";
    static final String USER_DATA_PRODUCTS = USER_DATA + "\\Products";
    static final String USER_DATA_PATCHES = USER_DATA + "\\Patches";

    private final Hive software;
    private final List<String> warnings = new ArrayList<>();

    InstallerRegistry(Hive software) {
        this.software = software;
    }

    /** Keys that were skipped because their names are not packed GUIDs, for the log. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Every per-machine product, installed or only advertised, in product-name order. */
    List<InstalledApp> products() {
        Set<PackedGuid> codes = new LinkedHashSet<>();
        codes.addAll(packedSubkeys(USER_DATA_PRODUCTS));
        codes.addAll(packedSubkeys(CLASSES_PRODUCTS));
        List<InstalledApp> apps = new ArrayList<>();
        for (PackedGuid code : codes) {
            product(code).ifPresent(apps::add);
        }
        apps.sort(Comparator.comparing(InstalledApp::productName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(a -> a.productCode().guid()));
        return apps;
    }

    /** The product with this code, when the image registers it. */
    Optional<InstalledApp> product(PackedGuid code) {
        Optional<RegistryKey> properties = software.findKey(USER_DATA_PRODUCTS + "\\" + code.packed() + "\\InstallProperties");
        Optional<RegistryKey> advertised = software.findKey(CLASSES_PRODUCTS + "\\" + code.packed());
        if (properties.isEmpty() && advertised.isEmpty()) {
            return Optional.empty();
        }
        String name = first(properties, "DisplayName").or(() -> first(advertised, "ProductName")).orElse("");
        String packageCode = first(advertised, "PackageCode").flatMap(InstallerRegistry::unpackQuietly)
                .map(PackedGuid::guid).orElse("");
        String version = first(properties, "DisplayVersion")
                .or(() -> dword(properties, "Version").or(() -> dword(advertised, "Version")).map(InstallerRegistry::version))
                .orElse("");
        int assignment = dword(advertised, "Assignment").orElse(1);
        int language = dword(advertised, "Language").or(() -> dword(properties, "Language")).orElse(-1);
        String packageName = advertised.flatMap(k -> k.findKey("SourceList")).flatMap(k -> string(k, "PackageName"))
                .orElse("");
        return Optional.of(new InstalledApp(code, name,
                properties.isPresent() ? InstalledApp.INSTALLED : InstalledApp.ADVERTISED, packageCode, version,
                assignment, first(properties, "Publisher").orElse(""), language,
                first(properties, "InstallSource").orElse(""), packageName, first(properties, "HelpLink").orElse(""),
                first(advertised, "Transforms").orElse(""), first(properties, "LocalPackage").orElse(""),
                first(properties, "InstallDate").orElse("")));
    }

    /** The patches registered for one product, in patch-code order. */
    List<InstalledPatch> patches(PackedGuid product) {
        Set<PackedGuid> codes = new LinkedHashSet<>(packedSubkeys(USER_DATA_PRODUCTS + "\\" + product.packed() + "\\Patches"));
        Optional<RegistryKey> classes = software.findKey(CLASSES_PRODUCTS + "\\" + product.packed() + "\\Patches");
        classes.flatMap(k -> k.value("Patches")).filter(v -> v.type() == ValueType.REG_MULTI_SZ.code())
                .map(RegistryValue::asMultiString).orElse(List.of())
                .forEach(packed -> unpackQuietly(packed).ifPresent(codes::add));
        List<InstalledPatch> patches = new ArrayList<>();
        for (PackedGuid code : codes) {
            Optional<RegistryKey> patch = software.findKey(USER_DATA_PRODUCTS + "\\" + product.packed() + "\\Patches\\"
                    + code.packed());
            Optional<RegistryKey> cached = software.findKey(USER_DATA_PATCHES + "\\" + code.packed());
            patches.add(new InstalledPatch(code, product, first(patch, "DisplayName").orElse(""),
                    dword(patch, "State").orElse(InstalledPatch.APPLIED), dword(patch, "Uninstallable").orElse(0) != 0,
                    first(patch, "MoreInfoURL").orElse(""), first(classes, code.packed()).orElse(""),
                    first(cached, "LocalPackage").orElse(""), first(patch, "Installed").orElse("")));
        }
        patches.sort(Comparator.comparing(p -> p.patchCode().guid()));
        return patches;
    }

    private List<PackedGuid> packedSubkeys(String path) {
        List<PackedGuid> codes = new ArrayList<>();
        for (RegistryKey key : software.findKey(path).map(RegistryKey::subkeys).orElse(List.of())) {
            Optional<PackedGuid> code = unpackQuietly(key.name());
            if (code.isPresent()) {
                codes.add(code.get());
            } else {
                warnings.add("Skipped the key " + path + "\\" + key.name() + ": its name is not a packed GUID.");
            }
        }
        return codes;
    }

    private static Optional<PackedGuid> unpackQuietly(String packed) {
        try {
            return Optional.of(PackedGuid.unpack(packed));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A product version DWORD: major in the high byte, minor in the next, build in the low word. */
    static String version(int packed) {
        return (packed >>> 24) + "." + ((packed >>> 16) & 0xFF) + "." + (packed & 0xFFFF);
    }

    private static Optional<String> first(Optional<RegistryKey> key, String name) {
        return key.flatMap(k -> string(k, name));
    }

    /** A text value; the installer writes some numbers as DWORDs, which are read as their decimal text. */
    private static Optional<String> string(RegistryKey key, String name) {
        Optional<RegistryValue> value = key.value(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        int type = value.get().type();
        if (type == ValueType.REG_SZ.code() || type == ValueType.REG_EXPAND_SZ.code()) {
            return Optional.of(value.get().asString().strip()).filter(s -> !s.isEmpty());
        }
        if (type == ValueType.REG_DWORD.code() && value.get().data().length == 4) {
            return Optional.of(Integer.toUnsignedString(value.get().asDword()));
        }
        return Optional.empty();
    }

    /** A number value; a DWORD, or a string holding a decimal number. */
    private static Optional<Integer> dword(Optional<RegistryKey> key, String name) {
        Optional<RegistryValue> value = key.flatMap(k -> k.value(name));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().type() == ValueType.REG_DWORD.code() && value.get().data().length == 4) {
            return Optional.of(value.get().asDword());
        }
        try {
            return key.flatMap(k -> string(k, name)).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
