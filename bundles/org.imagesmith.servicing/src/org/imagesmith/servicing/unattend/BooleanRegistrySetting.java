package org.imagesmith.servicing.unattend;

import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.unattend.model.Setting;

/**
 * A true/false offlineServicing setting that Windows keeps as a REG_DWORD (1 for true, 0 for false) of the same name
 * in a key of the SOFTWARE or SYSTEM hive.
 */
abstract class BooleanRegistrySetting implements OfflineSettingHandler {
    private final String component;
    private final String setting;
    private final String hive;

    /** hive is {@link ServicingSession#SOFTWARE_HIVE} or {@link ServicingSession#SYSTEM_HIVE}. */
    BooleanRegistrySetting(String component, String setting, String hive) {
        this.component = component;
        this.setting = setting;
        this.hive = hive;
    }

    /** The key of the value, relative to the hive's root. */
    abstract String key(PlanContext context);

    @Override
    public final String component() {
        return component;
    }

    @Override
    public final String setting() {
        return setting;
    }

    @Override
    public final Optional<RegistryChange> plan(Setting element, PlanContext context) throws ServicingException {
        String name = component + " | " + setting;
        int value = context.booleanValue(name, element) ? 1 : 0;
        String key = key(context);
        String root = hive.equals(ServicingSession.SYSTEM_HIVE) ? "HKLM\\SYSTEM\\" : "HKLM\\SOFTWARE\\";
        return Optional.of(new RegistryChange(name, hive, root + key + ": " + setting + " = " + value + " (REG_DWORD)",
                registry -> registry.root().createKey(key).setDword(setting, value)));
    }
}
