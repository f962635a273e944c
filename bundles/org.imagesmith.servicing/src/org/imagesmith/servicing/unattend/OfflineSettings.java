package org.imagesmith.servicing.unattend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.OfflineImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;

/**
 * The component settings of an offlineServicing pass, sorted into what Imagesmith applies (the driver paths, and
 * the settings of {@link OfflineSettingHandlers}), what Windows would apply and Imagesmith cannot (refused, so that
 * the run fails before anything changes), and what Windows itself skips (named in warnings): settings of other
 * passes, and components and settings that the image's Windows version does not have.
 */
final class OfflineSettings {
    static final String PNP = "Microsoft-Windows-PnpCustomizationsNonWinPE";
    static final String SHELL_SETUP = "Microsoft-Windows-Shell-Setup";

    /** A driver folder of DriverPaths, searched with its subfolders. */
    record DriverPath(Path folder, Setting element) {
    }

    private final SourcePaths paths;
    private final Catalog catalog;
    private final WindowsVersion version;
    private final PlanContext context;
    private final List<DriverPath> driverPaths = new ArrayList<>();
    private final List<RegistryChange> changes = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    OfflineSettings(SourcePaths paths, Catalog catalog, WindowsVersion version, Hive system, OfflineImage image) {
        this.paths = paths;
        this.catalog = catalog;
        this.version = version;
        this.context = new PlanContext(paths, system, image, warnings);
    }

    /** Sorts the settings of one component (for the image's architecture); fails on a value that cannot be applied. */
    void add(Component component) throws ServicingException {
        String name = component.getName() == null ? "" : component.getName();
        Optional<ComponentDefinition> definition = catalog.component(name);
        if (definition.isEmpty()) {
            warnings.add("The component " + name + " (" + Positions.of(component) + ") is skipped: it is not a component"
                    + " of the Windows versions Imagesmith knows, as Windows skips a component it does not have.");
            return;
        }
        if (!definition.get().availability().in(version)) {
            warnings.add("The component " + name + " (" + Positions.of(component) + ") is skipped: the image's Windows ("
                    + version.displayName() + ") does not have it and skips it; it is in "
                    + definition.get().availability().versions() + ".");
            return;
        }
        if (component.getSettings().isEmpty()) {
            warnings.add("The component " + name + " (" + Positions.of(component) + ") has no settings; nothing to apply.");
        }
        for (Setting setting : component.getSettings()) {
            Optional<SettingDefinition> settingDefinition = definition.get().setting(setting.getName());
            if (settingDefinition.isPresent() && !settingDefinition.get().availability().in(version)) {
                warnings.add(name + " | " + setting.getName() + " (" + Positions.of(setting) + ") is skipped: the"
                        + " image's Windows (" + version.displayName() + ") does not have it and skips it; it is in "
                        + settingDefinition.get().availability().versions() + ".");
                continue;
            }
            Optional<OfflineSettingHandler> handler = OfflineSettingHandlers.of(name, setting.getName());
            if (name.equalsIgnoreCase(PNP) && "DriverPaths".equals(setting.getName())) {
                driverPaths(setting);
            } else if (handler.isPresent()) {
                handler.get().plan(setting, context).ifPresent(changes::add);
            } else if (windowsApplies(definition.get(), setting)) {
                refused.add(name + " | " + setting.getName() + " (" + Positions.of(setting) + "): " + reason(name, setting));
            } else {
                warnings.add(name + " | " + setting.getName() + " (" + Positions.of(setting) + ") is not applied: Windows"
                        + " Setup does not apply it in the offlineServicing pass.");
            }
        }
    }

    List<DriverPath> driverPaths() {
        return List.copyOf(driverPaths);
    }

    /** The registry changes of the settings Imagesmith applies, in the order of the file. */
    List<RegistryChange> changes() {
        return List.copyOf(changes);
    }

    /** The settings Windows applies in the offlineServicing pass and Imagesmith cannot, each with where and why. */
    List<String> refused() {
        return List.copyOf(refused);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether the catalog says Windows Setup applies the setting in the offlineServicing pass. */
    private static boolean windowsApplies(ComponentDefinition component, Setting setting) {
        if (!component.passes().contains(Pass.OFFLINE_SERVICING)) {
            return false;
        }
        Optional<SettingDefinition> definition = component.setting(setting.getName());
        return definition.isPresent() && (definition.get().passes().isEmpty()
                || definition.get().passes().contains(Pass.OFFLINE_SERVICING));
    }

    private void driverPaths(Setting setting) throws ServicingException {
        for (Setting item : setting.getSettings()) {
            String itemName = PNP + " | DriverPaths | PathAndCredentials[" + item.getKeyValue() + "]";
            if ("remove".equals(item.getAction())) {
                warnings.add(itemName + " (" + Positions.of(item) + ") has wcm:action=\"remove\"; there is no earlier"
                        + " answer file to remove it from, so it is skipped.");
                continue;
            }
            Setting path = item.getSetting("Path");
            if (path == null || path.getValue() == null || path.getValue().isBlank()) {
                throw context.invalid(item, itemName + " has no Path; give the folder of the driver packages.");
            }
            if (item.getSetting("Credentials") != null) {
                warnings.add(itemName + " | Credentials (" + Positions.of(item.getSetting("Credentials")) + ") is not"
                        + " used: Imagesmith reads " + path.getValue().trim() + " with the rights of the user running it.");
            }
            driverPaths.add(new DriverPath(paths.resolve(path.getValue(), path, "the driver path"), path));
        }
    }

    private static String reason(String component, Setting setting) {
        String name = setting.getName();
        if (component.equalsIgnoreCase("Microsoft-Windows-UnattendedJoin") && "OfflineIdentification".equals(name)) {
            return "Imagesmith does not apply a djoin provisioning blob yet; run djoin /requestODJ /windowspath on"
                    + " Windows, join in the specialize pass (Identification), or let Windows Setup apply this file";
        }
        return "Imagesmith does not know yet where Windows keeps it in an offline image; let Windows Setup apply this"
                + " file, or set it in another pass";
    }
}
