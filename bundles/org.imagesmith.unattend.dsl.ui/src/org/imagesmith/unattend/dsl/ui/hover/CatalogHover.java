package org.imagesmith.unattend.dsl.ui.hover;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.ValueType;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;

/**
 * What the catalog knows of the component or setting under the mouse: what it does, the passes it acts in, its value
 * type and allowed values, range, form and default, and whether it is deprecated.
 */
public class CatalogHover implements ITextHover {
    private final CatalogDefinitions definitions = new CatalogDefinitions(Catalog.standard());

    @Override
    public IRegion getHoverRegion(ITextViewer viewer, int offset) {
        return new Region(offset, 0);
    }

    @Override
    public String getHoverInfo(ITextViewer viewer, IRegion region) {
        return describe(viewer.getDocument().get(), region.getOffset());
    }

    /** The description of what is at offset of text, or null when the catalog does not know it. */
    public String describe(String text, int offset) {
        XtextResource resource = AnswerFileLanguage.parse(text, null);
        if (resource.getParseResult() == null) {
            return null;
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        if (leaf == null || leaf.isHidden()) {
            return null;
        }
        EObject element = NodeModelUtils.findActualSemanticObjectFor(leaf);
        if (element instanceof Component component) {
            return definitions.of(component).map(CatalogHover::describe).orElse(null);
        }
        if (element instanceof Setting setting) {
            return definitions.of(setting).map(CatalogHover::describe).orElse(null);
        }
        return null;
    }

    static String describe(ComponentDefinition component) {
        return component.name() + (component.description() == null ? "" : "\n" + component.description())
                + "\nComponent, acts in the passes: " + passes(component.passes())
                + (component.complete() ? "" : "\nThe catalog does not list all of its settings.");
    }

    static String describe(SettingDefinition setting) {
        StringBuilder text = new StringBuilder(setting.name()).append('\n');
        Optional.ofNullable(setting.description()).ifPresent(description -> text.append(description).append('\n'));
        Optional.ofNullable(setting.deprecation()).ifPresent(deprecation -> text.append("Deprecated: ").append(deprecation).append('\n'));
        text.append(setting.type() == ValueType.COMPLEX ? "Complex setting" : "Type: " + setting.type().name().toLowerCase(Locale.ROOT));
        if (setting.item()) {
            text.append(", a list item").append(setting.key() == null ? "" : " keyed by "
                    + (setting.key().equals(SettingDefinition.KEY_VALUE) ? "its key" : setting.key()));
        }
        if (!setting.passes().isEmpty()) {
            text.append("\nPasses: ").append(passes(setting.passes()));
        }
        if (!setting.values().isEmpty()) {
            text.append("\nValues: ").append(String.join(", ", setting.values()));
        }
        Optional.ofNullable(setting.min()).ifPresent(min -> text.append("\nAt least ").append(min));
        Optional.ofNullable(setting.max()).ifPresent(max -> text.append("\nAt most ").append(max));
        Optional.ofNullable(setting.maxLength()).ifPresent(max -> text.append("\nAt most ").append(max).append(" characters"));
        Optional.ofNullable(setting.minLength()).filter(min -> min > 0).ifPresent(min -> text.append("\nMay not be empty"));
        Optional.ofNullable(setting.pattern()).ifPresent(pattern -> text.append("\nForm: ").append(pattern.hint()));
        Optional.ofNullable(setting.defaultValue()).ifPresent(value -> text.append("\nDefault: ").append(value));
        if (!setting.children().isEmpty()) {
            text.append("\nSettings: ").append(String.join(", ", setting.children().keySet()));
        }
        return text.toString();
    }

    private static String passes(Set<Pass> passes) {
        return passes.stream().map(Pass::getLiteral).collect(Collectors.joining(", "));
    }
}
