package org.imagesmith.unattend.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagesmith.unattend.model.Pass;

/**
 * A setting of the catalog.
 *
 * @param name the element name
 * @param passes the passes it is valid in; empty when it inherits them from its parent
 * @param type the value type
 * @param values the allowed values of an enum
 * @param min the smallest allowed integer, or null
 * @param max the largest allowed integer, or null
 * @param minLength the shortest allowed string (1 when the setting may not be empty), or null
 * @param maxLength the longest allowed string, or null
 * @param pattern the form a string value must have, or null
 * @param item whether this is a list item (written with wcm:action)
 * @param key the child setting that identifies a list item, "@keyValue" for wcm:keyValue, or null
 * @param defaultValue what Windows uses when the setting is absent, or null when the reference names no default
 * @param description one line saying what the setting does, or null
 * @param deprecation why the setting should no longer be used and what to use instead, or null when it is current
 * @param deprecatedSince the first Windows version where the deprecation holds (null: every version)
 * @param appliedOffline whether Imagesmith applies this offlineServicing setting to an offline image
 * @param children the child settings by name
 * @param availability the Windows versions that have the setting (within those of its component)
 */
public record SettingDefinition(String name, Set<Pass> passes, ValueType type, List<String> values, Long min, Long max,
        Integer minLength, Integer maxLength, ValuePattern pattern, boolean item, String key, String defaultValue,
        String description, String deprecation, WindowsVersion deprecatedSince, boolean appliedOffline,
        Map<String, SettingDefinition> children, Availability availability) {

    /** The key that stands for the wcm:keyValue attribute. */
    public static final String KEY_VALUE = "@keyValue";

    /** The child setting called name. */
    public Optional<SettingDefinition> child(String childName) {
        return Optional.ofNullable(children.get(childName));
    }

    /** Whether the reference marks the setting as deprecated. */
    public boolean deprecated() {
        return deprecation != null;
    }

    /** Whether the setting is deprecated in version. */
    public boolean deprecatedIn(WindowsVersion version) {
        return deprecation != null && (deprecatedSince == null || version.compareTo(deprecatedSince) >= 0);
    }
}
