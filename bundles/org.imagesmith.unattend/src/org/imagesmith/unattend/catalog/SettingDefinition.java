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
 * @param maxLength the longest allowed string, or null
 * @param item whether this is a list item (written with wcm:action)
 * @param key the child setting that identifies a list item, "@keyValue" for wcm:keyValue, or null
 * @param children the child settings by name
 */
public record SettingDefinition(String name, Set<Pass> passes, ValueType type, List<String> values, Long min, Long max,
        Integer maxLength, boolean item, String key, Map<String, SettingDefinition> children) {

    /** The key that stands for the wcm:keyValue attribute. */
    public static final String KEY_VALUE = "@keyValue";

    /** The child setting called name. */
    public Optional<SettingDefinition> child(String childName) {
        return Optional.ofNullable(children.get(childName));
    }
}
