package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Unattend;

/**
 * Moves a component, or a setting, out of a pass it is not valid in into each pass it is valid in: a setting into
 * the same component (same name and architecture) and the same parent settings there, creating the pass, the
 * component and the parent settings that are missing. Whole lines move, with the comments on them; parent settings
 * left empty by a setting that moves go as well.
 */
final class PassMoves {
    private final TextLayout layout;
    private final CatalogDefinitions definitions;

    PassMoves(TextLayout layout, CatalogDefinitions definitions) {
        this.layout = layout;
        this.definitions = definitions;
    }

    List<Fix> moveComponent(Component component) {
        if (!(component.eContainer() instanceof Settings) || !(component.eContainer().eContainer() instanceof Unattend unattend)) {
            return List.of();
        }
        List<TextLayout.Line> lines = layout.lines(component);
        List<Fix> fixes = new ArrayList<>();
        for (Pass pass : sorted(definitions.of(component).map(ComponentDefinition::passes).orElse(Set.of()))) {
            TextChange insertion = passOf(unattend, pass)
                    .map(target -> layout.appendToBlock(target, lines))
                    .orElseGet(() -> layout.appendToBlock(unattend, layout.nest(List.of(passHeader(pass)), lines, layout.unit())));
            fixes.add(new Fix("Move " + component.getName() + " to the " + pass.getLiteral() + " pass",
                    List.of(layout.removal(component), insertion)));
        }
        return fixes;
    }

    List<Fix> moveSetting(Setting setting) {
        List<Setting> parents = new ArrayList<>();
        EObject container = setting.eContainer();
        while (container instanceof Setting parent) {
            parents.add(0, parent);
            container = parent.eContainer();
        }
        if (!(container instanceof Component component) || !(component.eContainer() instanceof Settings)
                || !(component.eContainer().eContainer() instanceof Unattend unattend)) {
            return List.of();
        }
        List<TextLayout.Line> lines = layout.lines(setting);
        TextChange removal = layout.removal(emptiedParent(setting));
        String unit = layout.unit();
        List<Fix> fixes = new ArrayList<>();
        for (Pass pass : sorted(definitions.passesOf(setting))) {
            Optional<Settings> targetPass = passOf(unattend, pass);
            Optional<Component> targetComponent = targetPass.flatMap(target -> sameComponent(target, component));
            TextChange insertion;
            if (targetPass.isEmpty()) {
                List<String> headers = new ArrayList<>(List.of(passHeader(pass), layout.header(component)));
                parents.forEach(parent -> headers.add(layout.header(parent)));
                insertion = layout.appendToBlock(unattend, layout.nest(headers, lines, unit));
            } else if (targetComponent.isEmpty()) {
                List<String> headers = new ArrayList<>(List.of(layout.header(component)));
                parents.forEach(parent -> headers.add(layout.header(parent)));
                insertion = layout.appendToBlock(targetPass.get(), layout.nest(headers, lines, unit));
            } else {
                EObject block = targetComponent.get();
                int found = 0;
                while (found < parents.size()) {
                    Optional<Setting> same = sameSetting(block, parents.get(found));
                    if (same.isEmpty()) {
                        break;
                    }
                    block = same.get();
                    found++;
                }
                List<String> headers = parents.subList(found, parents.size()).stream().map(layout::header).toList();
                insertion = layout.appendToBlock(block, layout.nest(headers, lines, unit));
            }
            fixes.add(new Fix("Move " + path(parents, setting) + " to the " + pass.getLiteral() + " pass", List.of(removal, insertion)));
        }
        return fixes;
    }

    /** The setting, or its outermost parent setting that holds nothing else (no other child, value or comment). */
    private EObject emptiedParent(Setting setting) {
        Setting removed = setting;
        while (removed.eContainer() instanceof Setting parent && parent.getChildren().size() == 1 && parent.getValue() == null
                && !hasCommentsOutside(parent, removed)) {
            removed = parent;
        }
        return removed;
    }

    private boolean hasCommentsOutside(EObject parent, EObject child) {
        int childStart = layout.node(child).getOffset();
        int childEnd = layout.node(child).getEndOffset();
        for (ILeafNode leaf : layout.node(parent).getLeafNodes()) {
            boolean comment = leaf.isHidden() && !leaf.getText().isBlank();
            if (comment && (leaf.getEndOffset() <= childStart || leaf.getOffset() >= childEnd)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Settings> passOf(Unattend unattend, Pass pass) {
        return unattend.getSettings().stream().filter(settings -> settings.getPassKind() == pass).findFirst();
    }

    /** The component of target with the name and architecture of component. */
    private static Optional<Component> sameComponent(Settings target, Component component) {
        return target.getComponents().stream().filter(candidate -> Objects.equals(candidate.getName(), component.getName())
                && equalsIgnoreCase(candidate.getProcessorArchitecture(), component.getProcessorArchitecture())).findFirst();
    }

    /** The child setting of block that is the same as setting: same name, same list key. */
    private Optional<Setting> sameSetting(EObject block, Setting setting) {
        List<Setting> children = block instanceof Component component ? component.getSettings() : ((Setting) block).getSettings();
        return children.stream().filter(candidate -> Objects.equals(candidate.getName(), setting.getName())
                && Objects.equals(candidate.getKeyValue(), setting.getKeyValue())
                && Objects.equals(keyOf(candidate), keyOf(setting))).findFirst();
    }

    /** The value of the setting that identifies a list item (Order of a SynchronousCommand), or null. */
    private String keyOf(Setting item) {
        Optional<SettingDefinition> definition = definitions.of(item);
        if (definition.isEmpty() || !definition.get().item() || definition.get().key() == null
                || definition.get().key().equals(SettingDefinition.KEY_VALUE)) {
            return null;
        }
        Setting key = item.getSetting(definition.get().key());
        return key == null || key.getValue() == null ? null : key.getValue().strip();
    }

    private static String path(List<Setting> parents, Setting setting) {
        StringBuilder path = new StringBuilder();
        for (Setting parent : parents) {
            path.append(parent.getName()).append(" | ");
        }
        return path.append(setting.getName()).toString();
    }

    private static String passHeader(Pass pass) {
        return "pass " + pass.getLiteral() + " {";
    }

    private static List<Pass> sorted(Collection<Pass> passes) {
        return passes.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
