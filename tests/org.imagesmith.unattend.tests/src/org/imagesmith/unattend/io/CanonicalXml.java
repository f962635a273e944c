package org.imagesmith.unattend.io;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A canonical text of an XML document for comparisons: elements and attributes by namespace and local name,
 * attributes sorted, namespace declarations left out, whitespace-only text between elements dropped.
 */
final class CanonicalXml {
    private CanonicalXml() {
    }

    static String of(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        StringBuilder out = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            write(node, out, 0);
        }
        return out.toString();
    }

    private static void write(Node node, StringBuilder out, int depth) {
        String indent = "  ".repeat(depth);
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                out.append(indent).append('{').append(node.getNamespaceURI()).append('}').append(node.getLocalName());
                NamedNodeMap attributes = node.getAttributes();
                List<String> sorted = new ArrayList<>();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
                        sorted.add(" {" + attribute.getNamespaceURI() + "}" + attribute.getLocalName() + "=\"" + attribute.getValue() + "\"");
                    }
                }
                sorted.sort(null);
                sorted.forEach(out::append);
                out.append('\n');
                for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out, depth + 1);
                }
            }
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                boolean hasElementSibling = false;
                for (Node sibling = node.getParentNode().getFirstChild(); sibling != null; sibling = sibling.getNextSibling()) {
                    hasElementSibling |= sibling.getNodeType() == Node.ELEMENT_NODE;
                }
                if (!(hasElementSibling && node.getNodeValue().isBlank())) {
                    out.append(indent).append("text:").append(node.getNodeValue()).append('\n');
                }
            }
            case Node.COMMENT_NODE -> out.append(indent).append("comment:").append(node.getNodeValue()).append('\n');
            case Node.PROCESSING_INSTRUCTION_NODE -> out.append(indent).append("pi:").append(node.getNodeName())
                    .append(' ').append(node.getNodeValue()).append('\n');
            default -> {
            }
        }
    }
}
