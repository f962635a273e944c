package org.imagesmith.servicing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.imagesmith.testsupport.ExternalTool;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every key and value of a hive file as hivexml (libhivex-bin) reads it, one line each
 * ({@code Services\contosoraid} for a key, {@code Services\contosoraid : Start = int32 0} for a value), so that a
 * test lists exactly what a command added to, changed in or removed from the image's hives.
 */
public final class HiveListing {
    private static final ExternalTool HIVEXML = new ExternalTool("hivexml", "libhivex-bin");

    private HiveListing() {
    }

    /** The keys and values of the hive, in order. */
    public static TreeSet<String> of(Path hive) {
        String xml = HIVEXML.run(hive.toString());
        TreeSet<String> result = new TreeSet<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element hiveElement = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            for (Element root : children(hiveElement, "node")) {
                walk(root, "", result);
            }
        } catch (Exception e) {
            throw new AssertionError("hivexml's output for " + hive + " cannot be read: " + e.getMessage(), e);
        }
        return result;
    }

    /** The lines of {@code after} that {@code before} lacks: added keys, added and changed values. */
    public static List<String> added(TreeSet<String> before, TreeSet<String> after) {
        return after.stream().filter(line -> !before.contains(line)).toList();
    }

    private static void walk(Element node, String path, TreeSet<String> result) {
        for (Element value : children(node, "value")) {
            String name = "1".equals(value.getAttribute("default")) ? "(default)" : value.getAttribute("key");
            List<String> strings = new ArrayList<>(children(value, "string").stream().map(Node::getTextContent).toList());
            if (!strings.isEmpty() && strings.get(strings.size() - 1).isEmpty()) {
                strings.remove(strings.size() - 1); // the empty string that ends a REG_MULTI_SZ
            }
            String data = value.hasAttribute("value") ? value.getAttribute("value") : String.join("|", strings);
            result.add(path + " : " + name + " = " + value.getAttribute("type") + " " + data);
        }
        for (Element child : children(node, "node")) {
            String childPath = path.isEmpty() ? child.getAttribute("name") : path + "\\" + child.getAttribute("name");
            result.add(childPath);
            walk(child, childPath, result);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }
}
