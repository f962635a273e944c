package org.imagesmith.servicing.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.registry.ValueType;
import org.imagesmith.servicing.ServicingSession;

/**
 * What a driver package records in the image's SYSTEM hive, as Windows 7 records a driver installed offline, and
 * nothing else: the device setup class key (Control\Class\{guid}: its description and Class) when the image lacks
 * it, and for a boot-critical driver its service key (Services\&lt;name&gt;: Type, Start, ErrorControl, ImagePath,
 * Group, DisplayName, and Owners, the published INFs that own the service) and its CriticalDeviceDatabase entries
 * (Control\CriticalDeviceDatabase\&lt;id with \ as #&gt;: Service, ClassGUID, DriverPackageId, the store folder's
 * name) so the boot loader finds it. /Remove-Driver derives what to undo from these same places: the services that
 * name the published INF among their Owners, the entries whose DriverPackageId is the package's store folder.
 */
final class DriverRegistry {
    private static final String OWNERS = "Owners";
    private static final String DRIVER_PACKAGE_ID = "DriverPackageId";
    /** The index earlier Imagesmith versions kept in the SYSTEM hive, which does not belong in a Windows image. */
    private static final String LEGACY_INDEX_ROOT = "Imagesmith";
    private final ServicingSession session;
    private final String controlSet;

    DriverRegistry(ServicingSession session) {
        this.session = session;
        this.controlSet = ControlSets.current(session.system());
    }

    /** The session's SYSTEM hive as it is now (a roll-back reads it again). */
    private Hive system() {
        return session.system();
    }

    private void set(String keyPath, RegistryValue value) {
        system().root().createKey(keyPath).setValue(value);
    }

    private void deleteKey(String keyPath) {
        if (system().findKey(keyPath).isPresent()) {
            system().root().deleteKey(keyPath);
        }
    }

    String servicesKey() {
        return controlSet + "\\Services";
    }

    String classKey(String classGuid) {
        return controlSet + "\\Control\\Class\\" + classGuid;
    }

    String criticalDeviceKey(String deviceId) {
        return controlSet + "\\Control\\CriticalDeviceDatabase\\" + criticalDeviceName(deviceId);
    }

    /** A device ID as a CriticalDeviceDatabase key: lower case, each \ replaced by #. */
    static String criticalDeviceName(String deviceId) {
        return deviceId.toLowerCase(Locale.ROOT).replace('\\', '#');
    }

    /** The class description the image's Class key gives (its default value), if it has the class. */
    Optional<String> classDescription(String classGuid) {
        return system().findKey(classKey(classGuid)).flatMap(k -> k.value("")).map(RegistryValue::asString)
                .filter(s -> !s.isEmpty());
    }

    /** Records a package in the SYSTEM hive (in memory: the transaction writes it): class key, boot-critical services and critical device entries. */
    void register(String publishedName, DriverPackage pkg, String storeFolder) {
        if (!pkg.classGuid().isEmpty() && system().findKey(classKey(pkg.classGuid())).isEmpty()) {
            String classKey = classKey(pkg.classGuid());
            set(classKey, RegistryValue.ofString("", ValueType.REG_SZ, DeviceClasses.description(pkg.className(),
                    pkg.classGuid(), Optional.empty())));
            set(classKey, RegistryValue.ofString("Class", ValueType.REG_SZ, pkg.className()));
        }
        if (!pkg.bootCritical()) {
            return;
        }
        for (DriverService service : pkg.services()) {
            String key = servicesKey() + "\\" + service.name();
            Optional<RegistryKey> existing = system().findKey(key);
            set(key, RegistryValue.ofDword("Type", service.serviceType()));
            set(key, RegistryValue.ofDword("Start", service.startType()));
            set(key, RegistryValue.ofDword("ErrorControl", service.errorControl()));
            set(key, RegistryValue.ofString("ImagePath", ValueType.REG_EXPAND_SZ,
                    DirIds.imagePath(service.serviceBinary()).orElse(service.serviceBinary())));
            if (!service.loadOrderGroup().isEmpty()) {
                set(key, RegistryValue.ofString("Group", ValueType.REG_SZ, service.loadOrderGroup()));
            }
            set(key, RegistryValue.ofString("DisplayName", ValueType.REG_SZ, service.displayName()));
            // a service of Windows itself (no Owners) stays Windows' own: a removal must not take it away
            if (existing.isEmpty() || existing.get().value(OWNERS).isPresent()) {
                List<String> owners = new ArrayList<>(existing.map(k -> multi(k, OWNERS)).orElse(List.of()));
                if (owners.stream().noneMatch(publishedName::equalsIgnoreCase)) {
                    owners.add(publishedName);
                }
                set(key, RegistryValue.ofMultiString(OWNERS, owners));
            }
        }
        String packageId = storeFolder.substring(storeFolder.lastIndexOf('\\') + 1);
        for (DriverModel model : pkg.models()) {
            if (model.serviceName().isEmpty()) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            ids.add(model.hardwareId());
            ids.addAll(model.compatibleIds());
            for (String id : ids) {
                if (id.isEmpty() || model.excludeIds().contains(id)) {
                    continue;
                }
                String key = criticalDeviceKey(id);
                set(key, RegistryValue.ofString("Service", ValueType.REG_SZ, model.serviceName()));
                set(key, RegistryValue.ofString("ClassGUID", ValueType.REG_SZ, pkg.classGuid()));
                set(key, RegistryValue.ofString(DRIVER_PACKAGE_ID, ValueType.REG_SZ, packageId));
            }
        }
    }

    /**
     * Deletes what a package's install recorded: the package leaves the Owners of its services (a service no
     * package owns any more is deleted), the critical device entries naming its store folder are deleted, and a
     * class key that holds only what an install writes is deleted when no other package of the image has that class.
     */
    void unregister(String publishedName, Optional<DriverPackage> pkg, String storeFolderName,
            boolean classStillUsed) {
        if (pkg.isPresent()) {
            for (DriverService service : pkg.get().services()) {
                String key = servicesKey() + "\\" + service.name();
                Optional<RegistryKey> existing = system().findKey(key);
                List<String> owners = existing.map(k -> multi(k, OWNERS)).orElse(List.of());
                if (owners.stream().noneMatch(publishedName::equalsIgnoreCase)) {
                    continue;
                }
                List<String> rest = owners.stream().filter(o -> !o.equalsIgnoreCase(publishedName)).toList();
                if (rest.isEmpty()) {
                    deleteKey(key);
                } else {
                    set(key, RegistryValue.ofMultiString(OWNERS, rest));
                }
            }
        }
        if (!storeFolderName.isEmpty()) {
            String database = controlSet + "\\Control\\CriticalDeviceDatabase";
            List<String> entries = system().findKey(database).map(k -> k.subkeys().stream()
                    .filter(e -> string(e, DRIVER_PACKAGE_ID).equalsIgnoreCase(storeFolderName))
                    .map(RegistryKey::name).toList()).orElse(List.of());
            entries.forEach(name -> deleteKey(database + "\\" + name));
        }
        String guid = pkg.map(DriverPackage::classGuid).orElse("");
        if (!guid.isEmpty() && !classStillUsed) {
            Optional<RegistryKey> classKey = system().findKey(classKey(guid));
            boolean onlyWhatAnInstallWrites = classKey.map(k -> k.subkeys().isEmpty() && k.values().stream()
                    .allMatch(v -> v.name().isEmpty() || v.name().equalsIgnoreCase("Class"))).orElse(false);
            if (onlyWhatAnInstallWrites) {
                deleteKey(classKey(guid));
            }
        }
    }

    /** Deletes the index an earlier Imagesmith version left at the hive's root; true when there was one. */
    boolean forgetLegacyIndex() {
        if (system().findKey(LEGACY_INDEX_ROOT + "\\DriverPackages").isEmpty()) {
            return false;
        }
        deleteKey(LEGACY_INDEX_ROOT);
        return true;
    }

    private static String string(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asString).orElse("");
    }

    private static List<String> multi(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asMultiString).orElse(List.of());
    }
}
