package org.imagesmith.unattend.dsl.io;

import java.util.List;
import java.util.Set;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.imagesmith.unattend.model.AssemblyIdentity;
import org.imagesmith.unattend.model.Attribute;
import org.imagesmith.unattend.model.Comment;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Element;
import org.imagesmith.unattend.model.ForeignElement;
import org.imagesmith.unattend.model.NamespaceDeclaration;
import org.imagesmith.unattend.model.Node;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.ProcessingInstruction;
import org.imagesmith.unattend.model.Selection;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Source;
import org.imagesmith.unattend.model.Text;
import org.imagesmith.unattend.model.Unattend;

import com.google.inject.Inject;

/**
 * Writes an answer-file model as text of the answer-file language, indented with four spaces. Everything the model
 * holds is written, so parsing the text gives an equal model.
 */
public class UnattendDslWriter {
    private static final String INDENT = "    ";
    private static final Set<String> SETTING_ACTIONS = Set.of("add", "modify", "remove");
    private static final Set<String> PACKAGE_ACTIONS = Set.of("install", "remove", "stage", "configure");

    private final IValueConverterService converters;

    /** A writer using the language's notations. */
    @Inject
    public UnattendDslWriter(IValueConverterService converters) {
        this.converters = converters;
    }

    /** The text of unattend. */
    public String write(Unattend unattend) {
        StringBuilder out = new StringBuilder();
        if (unattend.getXmlEncoding() != null) {
            out.append("encoding ").append(string(unattend.getXmlEncoding())).append('\n');
        }
        for (Node node : unattend.getProlog()) {
            node(out, node, 0);
        }
        out.append("unattend");
        details(out, unattend);
        block(out, unattend.getChildren(), 0);
        out.append('\n');
        for (Node node : unattend.getEpilog()) {
            node(out, node, 0);
        }
        return out.toString();
    }

    private void node(StringBuilder out, Node node, int depth) {
        out.append(INDENT.repeat(depth));
        if (node instanceof Comment comment) {
            out.append(converters.toString(comment.getText() == null ? "" : comment.getText(), "XML_COMMENT"));
        } else if (node instanceof ProcessingInstruction instruction) {
            out.append("<? ").append(value(instruction.getTarget()));
            if (instruction.getData() != null) {
                out.append(' ').append(string(instruction.getData()));
            }
            out.append(" ?>");
        } else if (node instanceof Settings settings) {
            out.append("pass");
            optional(out, settings.getPass());
            details(out, settings);
            block(out, settings.getChildren(), depth);
        } else if (node instanceof Component component) {
            out.append("component");
            nameAndArchitecture(out, component.getName(), component.getProcessorArchitecture());
            keyed(out, "token", component.getPublicKeyToken());
            keyed(out, "language", component.getLanguage());
            keyed(out, "scope", component.getVersionScope());
            details(out, component);
            block(out, component.getChildren(), depth);
        } else if (node instanceof Setting setting) {
            setting(out, setting, depth);
        } else if (node instanceof Servicing servicing) {
            out.append("servicing");
            details(out, servicing);
            block(out, servicing.getChildren(), depth);
        } else if (node instanceof Package pkg) {
            packageElement(out, pkg, depth);
        } else if (node instanceof AssemblyIdentity identity) {
            out.append("identity");
            identity(out, identity);
        } else if (node instanceof Source source) {
            source(out, source);
        } else if (node instanceof Selection selection) {
            out.append("selection");
            optional(out, selection.getName());
            if (selection.getState() != null) {
                out.append(" = ").append(value(selection.getState()));
            }
            details(out, selection);
        } else if (node instanceof ForeignElement foreign) {
            foreign(out, foreign, depth);
        } else if (node instanceof Text text) {
            out.append("text ").append(string(text.getValue() == null ? "" : text.getValue()));
        } else {
            throw new IllegalArgumentException("the answer-file language has no notation for " + node.eClass().getName());
        }
        out.append('\n');
    }

    private void setting(StringBuilder out, Setting setting, int depth) {
        out.append(value(setting.getName()));
        String action = setting.getAction();
        if (action != null) {
            out.append(SETTING_ACTIONS.contains(action) ? " " + action : " action " + string(action));
        }
        if (setting.getKeyValue() != null) {
            out.append(" key ").append(string(setting.getKeyValue()));
        }
        details(out, setting);
        if (setting.getValue() != null) {
            out.append(" = ").append(string(setting.getValue()));
            if (!setting.getChildren().isEmpty()) {
                block(out, setting.getChildren(), depth);
            }
        } else {
            block(out, setting.getChildren(), depth);
        }
    }

    private void packageElement(StringBuilder out, Package pkg, int depth) {
        out.append("package");
        String action = pkg.getAction();
        if (action != null) {
            out.append(PACKAGE_ACTIONS.contains(action) ? " " + action : " action " + string(action));
        }
        details(out, pkg);
        List<Node> children = pkg.getChildren();
        boolean inline = action != null && !children.isEmpty() && children.size() <= 2
                && children.get(0) instanceof AssemblyIdentity identity && identity.getName() != null
                && (children.size() == 1 || children.get(1) instanceof Source);
        if (inline) {
            identity(out, (AssemblyIdentity) children.get(0));
            if (children.size() == 2) {
                out.append(' ');
                source(out, (Source) children.get(1));
            }
        } else if (!children.isEmpty()) {
            block(out, children, depth);
        }
    }

    private void identity(StringBuilder out, AssemblyIdentity identity) {
        // positional: Name [version [architecture]]; 'version' and 'arch' stand in where a position is missing
        if (identity.getName() == null) {
            keyed(out, "version", identity.getVersion());
            keyed(out, "arch", identity.getProcessorArchitecture());
        } else if (identity.getVersion() == null) {
            optional(out, identity.getName());
            keyed(out, "arch", identity.getProcessorArchitecture());
        } else {
            optional(out, identity.getName());
            optional(out, identity.getVersion());
            optional(out, identity.getProcessorArchitecture());
        }
        keyed(out, "token", identity.getPublicKeyToken());
        keyed(out, "language", identity.getLanguage());
        keyed(out, "scope", identity.getVersionScope());
        details(out, identity);
    }

    /** Name [architecture] positionally, or 'arch' architecture when the name is missing. */
    private void nameAndArchitecture(StringBuilder out, String name, String architecture) {
        if (name == null) {
            keyed(out, "arch", architecture);
            return;
        }
        out.append(' ').append(value(name));
        optional(out, architecture);
    }

    private void source(StringBuilder out, Source source) {
        out.append("source");
        if (source.getLocation() != null) {
            out.append(' ').append(string(source.getLocation()));
        }
        details(out, source);
    }

    private void foreign(StringBuilder out, ForeignElement foreign, int depth) {
        out.append("element ");
        if (foreign.getPrefix() != null) {
            out.append(value(foreign.getPrefix())).append(':');
        }
        out.append(value(foreign.getLocalName()));
        if (foreign.getNamespaceUri() != null) {
            out.append(" in ").append(string(foreign.getNamespaceUri()));
        }
        declarations(out, foreign);
        if (foreign.getText() != null) {
            out.append(" = ").append(string(foreign.getText()));
        }
        if (!foreign.getChildren().isEmpty()) {
            block(out, foreign.getChildren(), depth);
        }
    }

    private void details(StringBuilder out, Element element) {
        if (element.getPrefix() != null) {
            out.append(" prefix ").append(value(element.getPrefix()));
        }
        declarations(out, element);
    }

    private void declarations(StringBuilder out, Element element) {
        for (NamespaceDeclaration declaration : element.getNamespaces()) {
            out.append(" xmlns");
            if (declaration.getPrefix() != null) {
                out.append(':').append(value(declaration.getPrefix()));
            }
            out.append('=').append(string(declaration.getUri() == null ? "" : declaration.getUri()));
        }
        for (Attribute attribute : element.getOtherAttributes()) {
            out.append(" @");
            if (attribute.getPrefix() != null) {
                out.append(value(attribute.getPrefix())).append(':');
            }
            out.append(value(attribute.getLocalName()));
            if (attribute.getNamespaceUri() != null) {
                out.append(" in ").append(string(attribute.getNamespaceUri()));
            }
            out.append(" = ").append(string(attribute.getValue() == null ? "" : attribute.getValue()));
        }
    }

    private void block(StringBuilder out, List<Node> children, int depth) {
        if (children.isEmpty()) {
            out.append(" {}");
            return;
        }
        out.append(" {\n");
        for (Node child : children) {
            node(out, child, depth + 1);
        }
        out.append(INDENT.repeat(depth)).append('}');
    }

    private void keyed(StringBuilder out, String keyword, String word) {
        if (word != null) {
            out.append(' ').append(keyword).append(' ').append(value(word));
        }
    }

    private void optional(StringBuilder out, String word) {
        if (word != null) {
            out.append(' ').append(value(word));
        }
    }

    private String value(String word) {
        return converters.toString(word, "Value");
    }

    private String string(String text) {
        return converters.toString(text, "STRING");
    }
}
