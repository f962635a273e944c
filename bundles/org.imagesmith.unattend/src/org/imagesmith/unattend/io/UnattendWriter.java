package org.imagesmith.unattend.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.EList;
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

/**
 * Writes the model as an answer file, indented with four spaces as Windows SIM does. Namespace declarations and
 * prefixes are written as read; a namespace that is used but not declared in scope (wcm for wcm:action on a new
 * list item, for example) is declared on the element that needs it. The content of an element with mixed content
 * (text between its child elements) is written as read, without indentation or line breaks.
 */
public final class UnattendWriter {
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    /** Inside an element with mixed content, whose characters are written as read: no indentation, no line breaks. */
    private int verbatim;

    private UnattendWriter() {
    }

    /** Writes unattend to path in the encoding of its XML declaration (UTF-8 when it has none). */
    public static void write(Unattend unattend, Path path) throws IOException {
        Files.write(path, toBytes(unattend));
    }

    /** Writes unattend to out in the encoding of its XML declaration (UTF-8 when it has none). */
    public static void write(Unattend unattend, OutputStream out) throws IOException {
        out.write(toBytes(unattend));
    }

    /** The bytes of the answer file. */
    public static byte[] toBytes(Unattend unattend) {
        return toXml(unattend).getBytes(charset(unattend.getXmlEncoding()));
    }

    /** The text of the answer file. */
    public static String toXml(Unattend unattend) {
        UnattendWriter writer = new UnattendWriter();
        writer.document(unattend);
        return writer.out.toString();
    }

    private static Charset charset(String encoding) {
        if (encoding == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(encoding);
            return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private void document(Unattend unattend) {
        String encoding = unattend.getXmlEncoding();
        if (encoding != null) {
            String written = charset(encoding).name().equalsIgnoreCase(Charset.forName(encoding).name()) ? encoding : "utf-8";
            out.append("<?xml version=\"1.0\" encoding=\"").append(written).append("\"?>\n");
        }
        for (Node node : unattend.getProlog()) {
            node(node, 0);
        }
        scopes.push(new HashMap<>(Map.of("xml", "http://www.w3.org/XML/1998/namespace")));
        element(unattend, 0);
        for (Node node : unattend.getEpilog()) {
            node(node, 0);
        }
    }

    private void node(Node node, int depth) {
        if (node instanceof Element element) {
            element(element, depth);
        } else if (node instanceof Comment comment) {
            String text = comment.getText() == null ? "" : comment.getText();
            if (text.contains("--") || text.endsWith("-")) {
                throw new IllegalArgumentException("the comment '" + text + "' contains '--' or ends with '-', which XML does not allow");
            }
            indent(depth).append("<!--").append(text).append("-->");
            newline();
        } else if (node instanceof ProcessingInstruction instruction) {
            indent(depth).append("<?").append(instruction.getTarget());
            if (instruction.getData() != null) {
                out.append(' ').append(instruction.getData());
            }
            out.append("?>");
            newline();
        } else if (node instanceof Text text) {
            escape(text.getValue() == null ? "" : text.getValue(), false);
        }
    }

    private void element(Element element, int depth) {
        Map<String, String> scope = new HashMap<>(scopes.peek());
        List<String[]> declarations = new ArrayList<>();
        for (NamespaceDeclaration declaration : element.getNamespaces()) {
            scope.put(key(declaration.getPrefix()), declaration.getUri());
            declarations.add(new String[] {declaration.getPrefix(), declaration.getUri()});
        }
        String namespace = namespaceOf(element);
        String prefix = element.getPrefix();
        if (!equal(scope.get(key(prefix)), namespace == null ? "" : namespace) && !(namespace == null && prefix == null && isEmpty(scope.get("")))) {
            if (namespace == null && prefix != null) {
                prefix = null;
            }
            scope.put(key(prefix), namespace == null ? "" : namespace);
            declarations.add(new String[] {prefix, namespace == null ? "" : namespace});
        }
        String name = qualified(prefix, localName(element));
        scopes.push(scope);
        indent(depth).append('<').append(name);
        for (String[] attribute : modelAttributes(element)) {
            attribute(attribute[0], attribute[1]);
        }
        if (element instanceof Setting setting) {
            String wcm = setting.getAction() != null || setting.getKeyValue() != null ? prefixFor(UnattendNamespaces.WCM, "wcm", declarations) : null;
            if (setting.getAction() != null) {
                attribute(wcm + ":action", setting.getAction());
            }
            if (setting.getKeyValue() != null) {
                attribute(wcm + ":keyValue", setting.getKeyValue());
            }
        }
        for (Attribute attribute : element.getOtherAttributes()) {
            String attributePrefix = attribute.getNamespaceUri() == null ? null
                    : prefixFor(attribute.getNamespaceUri(), attribute.getPrefix() == null ? "ns" : attribute.getPrefix(), declarations);
            attribute(qualified(attributePrefix, attribute.getLocalName()), attribute.getValue());
        }
        for (String[] declaration : declarations) {
            attribute(declaration[0] == null ? "xmlns" : "xmlns:" + declaration[0], declaration[1]);
        }
        String text = textOf(element);
        EList<Node> children = element.getChildren();
        if (children.isEmpty() && text == null) {
            out.append(" />");
        } else if (children.isEmpty()) {
            out.append('>');
            escape(text, false);
            out.append("</").append(name).append(">");
        } else {
            if (text != null && !text.isEmpty()) {
                throw new IllegalArgumentException("<" + localName(element) + "> has both a value and child elements;"
                        + " clear one of them (text written between child elements is a Text node)");
            }
            boolean mixed = children.stream().anyMatch(Text.class::isInstance);
            verbatim += mixed ? 1 : 0;
            out.append(">");
            newline();
            for (Node child : children) {
                node(child, depth + 1);
            }
            indent(depth).append("</").append(name).append(">");
            verbatim -= mixed ? 1 : 0;
        }
        newline();
        scopes.pop();
    }

    /** The prefix bound to namespace in the current scope, declaring preferred (made unique) when none is. */
    private String prefixFor(String namespace, String preferred, List<String[]> declarations) {
        Map<String, String> scope = scopes.peek();
        if (namespace.equals(scope.get(key(preferred)))) {
            return preferred;
        }
        for (Map.Entry<String, String> binding : scope.entrySet()) {
            if (!binding.getKey().isEmpty() && binding.getValue().equals(namespace)) {
                return binding.getKey();
            }
        }
        String prefix = preferred;
        for (int i = 1; scope.containsKey(prefix); i++) {
            prefix = preferred + i;
        }
        scope.put(prefix, namespace);
        declarations.add(new String[] {prefix, namespace});
        return prefix;
    }

    private static List<String[]> modelAttributes(Element element) {
        List<String[]> attributes = new ArrayList<>();
        if (element instanceof Settings settings) {
            add(attributes, "pass", settings.getPass());
        } else if (element instanceof Component component) {
            add(attributes, "name", component.getName());
            add(attributes, "processorArchitecture", component.getProcessorArchitecture());
            add(attributes, "publicKeyToken", component.getPublicKeyToken());
            add(attributes, "language", component.getLanguage());
            add(attributes, "versionScope", component.getVersionScope());
        } else if (element instanceof Package pkg) {
            add(attributes, "action", pkg.getAction());
        } else if (element instanceof AssemblyIdentity identity) {
            add(attributes, "name", identity.getName());
            add(attributes, "version", identity.getVersion());
            add(attributes, "processorArchitecture", identity.getProcessorArchitecture());
            add(attributes, "publicKeyToken", identity.getPublicKeyToken());
            add(attributes, "language", identity.getLanguage());
            add(attributes, "versionScope", identity.getVersionScope());
        } else if (element instanceof Source source) {
            add(attributes, "location", source.getLocation());
        } else if (element instanceof Selection selection) {
            add(attributes, "name", selection.getName());
            add(attributes, "state", selection.getState());
        }
        return attributes;
    }

    private static void add(List<String[]> attributes, String name, String value) {
        if (value != null) {
            attributes.add(new String[] {name, value});
        }
    }

    private static String namespaceOf(Element element) {
        return element instanceof ForeignElement foreign ? foreign.getNamespaceUri() : UnattendNamespaces.UNATTEND;
    }

    private static String localName(Element element) {
        if (element instanceof Unattend) {
            return "unattend";
        } else if (element instanceof Settings) {
            return "settings";
        } else if (element instanceof Component) {
            return "component";
        } else if (element instanceof Setting setting) {
            return setting.getName();
        } else if (element instanceof Servicing) {
            return "servicing";
        } else if (element instanceof Package) {
            return "package";
        } else if (element instanceof AssemblyIdentity) {
            return "assemblyIdentity";
        } else if (element instanceof Source) {
            return "source";
        } else if (element instanceof Selection) {
            return "selection";
        }
        return ((ForeignElement) element).getLocalName();
    }

    private static String textOf(Element element) {
        if (element instanceof Setting setting) {
            return setting.getValue();
        }
        return element instanceof ForeignElement foreign ? foreign.getText() : null;
    }

    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        escape(value, true);
        out.append('"');
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("the character U+" + String.format("%04X", (int) c)
                                + " cannot be written in XML 1.0 (in '" + text + "')");
                    }
                    out.append(c);
                }
            }
        }
    }

    private void newline() {
        if (verbatim == 0) {
            out.append('\n');
        }
    }

    private StringBuilder indent(int depth) {
        for (int i = 0; verbatim == 0 && i < depth; i++) {
            out.append(INDENT);
        }
        return out;
    }

    private static String qualified(String prefix, String localName) {
        return prefix == null ? localName : prefix + ":" + localName;
    }

    private static String key(String prefix) {
        return prefix == null ? "" : prefix;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
