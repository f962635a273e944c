package org.imagesmith.servicing.drivers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.registry.ValueType;

/**
 * What a driver package records in the image's SYSTEM hive, as Windows 7 records a driver installed offline:
 * the device setup class key (Control\Class\{guid}) when the image lacks it, and for a boot-critical driver its
 * service key (Services\&lt;name&gt;: Type, Start, ErrorControl, ImagePath, Group, DisplayName, Owners) and its
 * CriticalDeviceDatabase entries (Control\CriticalDeviceDatabase\&lt;id with \ as #&gt;: Service, ClassGUID,
 * DriverPackageId) so the boot loader finds it. Windows 7 keeps its driver store index in binary files
 * (DriverStore\infstore.dat, drvindex.dat); in their place Imagesmith keeps one key per published package under
 * {@link #INDEX} at the hive's root (outside the control sets, so LastKnownGood copies leave it alone), naming the
 * store folder and the keys and files the package created, so that /Remove-Driver removes exactly those.
 */
final class DriverRegistry {
    /** Imagesmith's driver store index in the SYSTEM hive. */
    static final String INDEX = "Imagesmith\\DriverPackages";

    private final Hive system;
    private final String controlSet;

    DriverRegistry(Hive system) {
        this.system = system;
        int current = system.findKey("Select").flatMap(k -> k.value("Current")).map(RegistryValue::asDword).orElse(1);
        this.controlSet = String.format("ControlSet%03d", current);
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

    /** What the index says about a published package. */
    record IndexEntry(String publishedName, String originalFileName, String driverStorePath, List<String> services,
            List<String> criticalDevices, List<String> files, String classKey) {
    }

    Optional<IndexEntry> index(String publishedName) {
        return system.findKey(INDEX + "\\" + publishedName).map(key -> new IndexEntry(key.name(),
                string(key, "OriginalFileName"), string(key, "DriverStorePath"), multi(key, "Services"),
                multi(key, "CriticalDevices"), multi(key, "Files"), string(key, "ClassKey")));
    }

    /** The class description the image's Class key gives (its default value), if it has the class. */
    Optional<String> classDescription(String classGuid) {
        return system.findKey(classKey(classGuid)).flatMap(k -> k.value("")).map(RegistryValue::asString)
                .filter(s -> !s.isEmpty());
    }

    /**
     * Records a package in the journal's hive: class key, boot-critical service and critical device entries, and
     * the index entry.
     *
     * @param files the image files an install copied outside the driver store
     */
    void register(RegistryJournal journal, String publishedName, DriverPackage pkg, String storeFolder,
            List<String> files) {
        String classKey = "";
        if (!pkg.classGuid().isEmpty() && system.findKey(classKey(pkg.classGuid())).isEmpty()) {
            classKey = classKey(pkg.classGuid());
            journal.set(classKey, RegistryValue.ofString("", ValueType.REG_SZ, DeviceClasses.description(pkg.className(),
                    pkg.classGuid(), Optional.empty())));
            journal.set(classKey, RegistryValue.ofString("Class", ValueType.REG_SZ, pkg.className()));
        }
        List<String> services = new ArrayList<>();
        Set<String> devices = new LinkedHashSet<>();
        if (pkg.bootCritical()) {
            for (DriverService service : pkg.services()) {
                String key = servicesKey() + "\\" + service.name();
                if (system.findKey(key).isEmpty()) {
                    services.add(key);
                }
                journal.set(key, RegistryValue.ofDword("Type", service.serviceType()));
                journal.set(key, RegistryValue.ofDword("Start", service.startType()));
                journal.set(key, RegistryValue.ofDword("ErrorControl", service.errorControl()));
                journal.set(key, RegistryValue.ofString("ImagePath", ValueType.REG_EXPAND_SZ,
                        DirIds.imagePath(service.serviceBinary()).orElse(service.serviceBinary())));
                if (!service.loadOrderGroup().isEmpty()) {
                    journal.set(key, RegistryValue.ofString("Group", ValueType.REG_SZ, service.loadOrderGroup()));
                }
                journal.set(key, RegistryValue.ofString("DisplayName", ValueType.REG_SZ, service.displayName()));
                journal.set(key, RegistryValue.ofMultiString("Owners", List.of(publishedName)));
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
                    if (system.findKey(key).isEmpty()) {
                        devices.add(key);
                    }
                    journal.set(key, RegistryValue.ofString("Service", ValueType.REG_SZ, model.serviceName()));
                    journal.set(key, RegistryValue.ofString("ClassGUID", ValueType.REG_SZ, pkg.classGuid()));
                    journal.set(key, RegistryValue.ofString("DriverPackageId", ValueType.REG_SZ, packageId));
                }
            }
        }
        String index = INDEX + "\\" + publishedName;
        journal.set(index, RegistryValue.ofString("OriginalFileName", ValueType.REG_SZ, pkg.infName()));
        journal.set(index, RegistryValue.ofString("DriverStorePath", ValueType.REG_SZ, storeFolder));
        journal.set(index, RegistryValue.ofMultiString("Services", services));
        journal.set(index, RegistryValue.ofMultiString("CriticalDevices", new ArrayList<>(devices)));
        journal.set(index, RegistryValue.ofMultiString("Files", files));
        journal.set(index, RegistryValue.ofString("ClassKey", ValueType.REG_SZ, classKey));
    }

    /** Deletes what a package's index entry says it created, then the entry. */
    void unregister(RegistryJournal journal, IndexEntry entry) {
        for (String key : entry.criticalDevices()) {
            journal.deleteKey(key);
        }
        for (String key : entry.services()) {
            journal.deleteKey(key);
        }
        if (!entry.classKey().isEmpty() && system.findKey(entry.classKey()).map(k -> k.subkeys().isEmpty()).orElse(false)) {
            journal.deleteKey(entry.classKey());
        }
        journal.deleteKey(INDEX + "\\" + entry.publishedName());
        if (system.findKey(INDEX).map(k -> k.subkeys().isEmpty()).orElse(false)) {
            journal.deleteKey(INDEX.substring(0, INDEX.indexOf('\\')));
        }
    }

    private static String string(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asString).orElse("");
    }

    private static List<String> multi(RegistryKey key, String name) {
        return key.value(name).map(RegistryValue::asMultiString).orElse(List.of());
    }
}
