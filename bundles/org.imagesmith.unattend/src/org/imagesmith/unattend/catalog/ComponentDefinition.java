package org.imagesmith.unattend.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagesmith.unattend.model.Pass;

/**
 * A component of the catalog.
 *
 * @param name the component name
 * @param passes the passes the component acts in
 * @param complete whether every setting of the component is in the catalog
 * @param description one line saying what the component configures, or null
 * @param settings the top-level settings by name
 * @param availability the Windows versions that have the component
 */
public record ComponentDefinition(String name, Set<Pass> passes, boolean complete, String description,
        Map<String, SettingDefinition> settings, Availability availability) {

    /** The top-level setting called name. */
    public Optional<SettingDefinition> setting(String settingName) {
        return Optional.ofNullable(settings.get(settingName));
    }
}
