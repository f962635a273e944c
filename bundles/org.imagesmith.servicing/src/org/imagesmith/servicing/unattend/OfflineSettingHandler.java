package org.imagesmith.servicing.unattend;

import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.model.Setting;

/**
 * Applies one setting of the offlineServicing pass as Windows Setup does: checks its value and works out the change,
 * changing nothing. Making Imagesmith apply another setting is writing one handler, listing it in
 * {@link OfflineSettingHandlers} and marking the setting appliedOffline in the catalog.
 */
interface OfflineSettingHandler {
    /** The component of the setting, such as Microsoft-Windows-LUA-Settings. */
    String component();

    /** The setting's name, such as EnableLUA. */
    String setting();

    /**
     * The change the setting makes, or empty when it leaves the image as it is (a warning in context says why).
     *
     * @throws ServicingException when the value cannot be applied as written
     */
    Optional<RegistryChange> plan(Setting setting, PlanContext context) throws ServicingException;
}
