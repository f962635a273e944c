package org.imagesmith.unattend.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;

/** The catalog's definitions of the components and settings of an answer file. */
public final class CatalogDefinitions {
    private final Catalog catalog;

    /** Definitions from catalog. */
    public CatalogDefinitions(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The definition of a component, by its name. */
    public Optional<ComponentDefinition> of(Component component) {
        return component.getName() == null ? Optional.empty() : catalog.component(component.getName());
    }

    /** The definition of a setting, following its parent settings up to its component. */
    public Optional<SettingDefinition> of(Setting setting) {
        Deque<String> path = new ArrayDeque<>();
        EObject object = setting;
        while (object instanceof Setting current) {
            if (current.getName() == null) {
                return Optional.empty();
            }
            path.addFirst(current.getName());
            object = current.eContainer();
        }
        if (!(object instanceof Component component)) {
            return Optional.empty();
        }
        Optional<SettingDefinition> current = of(component).flatMap(definition -> definition.setting(path.removeFirst()));
        while (current.isPresent() && !path.isEmpty()) {
            String name = path.removeFirst();
            current = current.get().child(name);
        }
        return current;
    }

    /**
     * The passes a setting acts in: its own, or those of the nearest parent setting or of its component when it names
     * none; empty when the catalog does not know the setting.
     */
    public Set<Pass> passesOf(Setting setting) {
        EObject object = setting;
        while (object instanceof Setting current) {
            Optional<SettingDefinition> definition = of(current);
            if (definition.isEmpty()) {
                return Set.of();
            }
            if (!definition.get().passes().isEmpty()) {
                return definition.get().passes();
            }
            object = current.eContainer();
        }
        return object instanceof Component component ? of(component).map(ComponentDefinition::passes).orElse(Set.of()) : Set.of();
    }
}
