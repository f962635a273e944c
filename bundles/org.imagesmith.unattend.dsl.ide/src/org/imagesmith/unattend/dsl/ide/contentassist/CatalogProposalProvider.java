package org.imagesmith.unattend.dsl.ide.contentassist;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.ValueType;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.validation.Architectures;

import com.google.inject.Inject;

/**
 * Content assist from the component catalog: component names after 'component' (those acting in the enclosing pass
 * first), the settings a component or complex setting has, the values of boolean and enum settings, pass names and
 * processor architectures.
 */
public class CatalogProposalProvider extends IdeContentProposalProvider {
    /** The architectures of components, and neutral, which packages may have as well. */
    private static final List<String> ARCHITECTURES = Stream.concat(Architectures.COMPONENT.stream(), Stream.of("neutral")).toList();

    @Inject
    private IValueConverterService converters;

    private final Catalog catalog = Catalog.standard();
    private final CatalogDefinitions definitions = new CatalogDefinitions(catalog);

    @Override
    protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        ParserRule rule = GrammarUtil.containingParserRule(assignment);
        String ruleName = rule == null ? "" : rule.getName();
        String feature = assignment.getFeature();
        if (ruleName.equals("Component") && feature.equals("name")) {
            proposeComponents(context, acceptor);
        } else if (ruleName.equals("Setting") && feature.equals("name")) {
            proposeSettings(context, acceptor);
        } else if (ruleName.equals("Setting") && feature.equals("value")) {
            proposeValues(context, acceptor);
        } else if (ruleName.equals("Settings") && feature.equals("pass")) {
            for (Pass pass : Pass.VALUES) {
                propose(pass.getLiteral(), pass.getLiteral(), "configuration pass", true, context, acceptor);
            }
        } else if (feature.equals("processorArchitecture")) {
            for (String architecture : ARCHITECTURES) {
                propose(architecture, architecture, "processor architecture", true, context, acceptor);
            }
        } else {
            super._createProposals(assignment, context, acceptor);
        }
    }

    private void proposeComponents(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        Pass pass = enclosing(context.getCurrentModel(), Settings.class).map(Settings::getPassKind).orElse(null);
        for (ComponentDefinition component : catalog.components().values()) {
            boolean acts = pass == null || component.passes().contains(pass);
            String description = (acts ? "passes: " + component.passes() : "does not act in " + pass.getLiteral())
                    + (component.description() == null ? "" : "; " + component.description());
            propose(converters.toString(component.name(), "Value"), component.name(), description, acts, context, acceptor);
        }
    }

    private void proposeSettings(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        Map<String, SettingDefinition> settings = childSettings(context.getCurrentModel());
        for (SettingDefinition setting : settings.values()) {
            String name = converters.toString(setting.name(), "Value");
            String text = setting.type() == ValueType.COMPLEX ? name + (setting.item() ? " add" : "") + " {}" : name + " = \"\"";
            String type = setting.type().name().toLowerCase(java.util.Locale.ROOT);
            propose(text, setting.name(), setting.description() == null ? type : type + ": " + setting.description(),
                    !setting.deprecated(), context, acceptor);
        }
    }

    private void proposeValues(ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
        EObject model = context.getCurrentModel();
        if (!(model instanceof Setting setting)) {
            return;
        }
        Optional<SettingDefinition> definition = definitions.of(setting);
        if (definition.isEmpty()) {
            return;
        }
        List<String> values = switch (definition.get().type()) {
            case BOOLEAN -> List.of("true", "false");
            case ENUM -> definition.get().values();
            default -> List.of();
        };
        for (String value : values) {
            propose(converters.toString(value, "STRING"), value, setting.getName(), true, context, acceptor);
        }
    }

    /** The settings a new child of model (a component or a complex setting) can be, by name. */
    private Map<String, SettingDefinition> childSettings(EObject model) {
        if (model instanceof Component component) {
            return definitions.of(component).map(ComponentDefinition::settings).orElse(Map.of());
        }
        if (model instanceof Setting setting) {
            return definitions.of(setting).map(SettingDefinition::children).orElse(Map.of());
        }
        return Map.of();
    }

    private static <T> Optional<T> enclosing(EObject object, Class<T> type) {
        for (EObject current = object; current != null; current = current.eContainer()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }

    private void propose(String text, String label, String description, boolean preferred, ContentAssistContext context,
            IIdeContentProposalAcceptor acceptor) {
        ContentAssistEntry entry = getProposalCreator().createProposal(text, context);
        if (entry == null) {
            return; // does not match what is typed
        }
        entry.setLabel(label);
        entry.setDescription(description);
        entry.setKind(ContentAssistEntry.KIND_VALUE);
        int priority = getProposalPriorities().getDefaultPriority(entry);
        acceptor.accept(entry, preferred ? priority + 1 : priority - 1);
    }
}
