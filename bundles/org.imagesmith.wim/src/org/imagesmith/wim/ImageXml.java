package org.imagesmith.wim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The IMAGE element of one image in the XML data a WIM writer writes: its child elements in order, each kept as
 * XML text, so that what this engine does not interpret (the WINDOWS block, DISPLAYNAME, FLAGS, vendor elements)
 * survives an export or a rewrite unchanged. Immutable.
 */
record ImageXml(List<Map.Entry<String, String>> elements) {

    public ImageXml {
        elements = List.copyOf(elements);
    }

    /** The element of an image just captured, as wimlib and DISM write it. */
    static ImageXml captured(String name, String description, ImageStatistics statistics, Instant now) {
        List<Map.Entry<String, String>> elements = new ArrayList<>();
        elements.add(Map.entry("DIRCOUNT", element("DIRCOUNT", Long.toString(statistics.directories()))));
        elements.add(Map.entry("FILECOUNT", element("FILECOUNT", Long.toString(statistics.files()))));
        elements.add(Map.entry("TOTALBYTES", element("TOTALBYTES", Long.toString(statistics.totalBytes()))));
        elements.add(Map.entry("HARDLINKBYTES", element("HARDLINKBYTES", Long.toString(statistics.hardLinkBytes()))));
        elements.add(Map.entry("CREATIONTIME", fileTimeElement("CREATIONTIME", now)));
        elements.add(Map.entry("LASTMODIFICATIONTIME", fileTimeElement("LASTMODIFICATIONTIME", now)));
        ImageXml xml = new ImageXml(elements).with("NAME", name);
        return description.isEmpty() ? xml : xml.with("DESCRIPTION", description);
    }

    /** The same element with {@code tag} set to this text (replaced in place, or added at the end). */
    public ImageXml with(String tag, String text) {
        return withElement(tag, element(tag, text));
    }

    /**
     * The element of an image whose tree changed: the counts from its new tree and the last modification time
     * set, everything else (name, description, creation time, the WINDOWS block) kept.
     */
    ImageXml updated(ImageStatistics statistics, Instant now) {
        return with("DIRCOUNT", Long.toString(statistics.directories()))
                .with("FILECOUNT", Long.toString(statistics.files()))
                .with("TOTALBYTES", Long.toString(statistics.totalBytes()))
                .with("HARDLINKBYTES", Long.toString(statistics.hardLinkBytes()))
                .withElement("LASTMODIFICATIONTIME", fileTimeElement("LASTMODIFICATIONTIME", now));
    }

    /**
     * The same element with the WINDOWS block describing {@code windows}, where DISM writes it: before NAME (or
     * replacing the one there was).
     */
    ImageXml withWindows(WindowsInfo windows) {
        StringBuilder xml = new StringBuilder("<WINDOWS>");
        windows.architecture().ifPresent(a -> xml.append(element("ARCH", Integer.toString(a.code()))));
        optional(xml, "PRODUCTNAME", windows.productName());
        optional(xml, "EDITIONID", windows.editionId());
        optional(xml, "INSTALLATIONTYPE", windows.installationType());
        optional(xml, "HAL", windows.hal());
        optional(xml, "PRODUCTTYPE", windows.productType());
        optional(xml, "PRODUCTSUITE", windows.productSuite());
        if (!windows.languages().isEmpty() || !windows.defaultLanguage().isEmpty()) {
            xml.append("<LANGUAGES>");
            windows.languages().forEach(language -> xml.append(element("LANGUAGE", language)));
            optional(xml, "DEFAULT", windows.defaultLanguage());
            xml.append("</LANGUAGES>");
        }
        windows.version().ifPresent(v -> xml.append("<VERSION>").append(element("MAJOR", Long.toString(v.major())))
                .append(element("MINOR", Long.toString(v.minor()))).append(element("BUILD", Long.toString(v.build())))
                .append(element("SPBUILD", Long.toString(v.spBuild())))
                .append(element("SPLEVEL", Long.toString(v.spLevel()))).append("</VERSION>"));
        optional(xml, "SYSTEMROOT", windows.systemRoot());
        xml.append("</WINDOWS>");
        List<Map.Entry<String, String>> copy = new ArrayList<>(without("WINDOWS").elements());
        int name = 0;
        while (name < copy.size() && !copy.get(name).getKey().equals("NAME")) {
            name++;
        }
        copy.add(name, Map.entry("WINDOWS", xml.toString()));
        return new ImageXml(copy);
    }

    private static void optional(StringBuilder xml, String tag, String text) {
        if (!text.isEmpty()) {
            xml.append(element(tag, text));
        }
    }

    private ImageXml withElement(String tag, String xml) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(elements);
        Map.Entry<String, String> entry = Map.entry(tag, xml);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).getKey().equals(tag)) {
                copy.set(i, entry);
                return new ImageXml(copy);
            }
        }
        copy.add(entry);
        return new ImageXml(copy);
    }

    /** The same element without {@code tag}. */
    public ImageXml without(String tag) {
        return new ImageXml(elements.stream().filter(e -> !e.getKey().equals(tag)).toList());
    }

    /**
     * Reads the IMAGE elements of a WIM file's XML data (the raw resource bytes), by their INDEX attribute: element
     * i of the result describes image i + 1; images the XML does not describe get an empty element.
     *
     * @throws WimFormatException when the XML is not well-formed
     */
    static List<ImageXml> readAll(byte[] xmlData, int imageCount) throws WimFormatException {
        List<ImageXml> result = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            result.add(new ImageXml(List.of()));
        }
        if (xmlData.length == 0) {
            return result;
        }
        Document document;
        try {
            DocumentBuilder builder = XmlData.secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(XmlData.toUtf8(xmlData)));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new WimFormatException("the WIM file's XML data cannot be read: " + e.getMessage(), e);
        }
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element image && image.getTagName().equals("IMAGE")) {
                int index;
                try {
                    index = Integer.parseInt(image.getAttribute("INDEX").trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (index >= 1 && index <= imageCount) {
                    List<Map.Entry<String, String>> elements = new ArrayList<>();
                    for (Node c = image.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element child) {
                            StringBuilder text = new StringBuilder();
                            serialize(child, text);
                            elements.add(Map.entry(child.getTagName(), text.toString()));
                        }
                    }
                    result.set(index - 1, new ImageXml(elements));
                }
            }
        }
        return result;
    }

    /** The UTF-16LE XML data (with a byte-order mark) of a WIM file with these images. */
    static byte[] document(long totalBytes, List<ImageXml> images) {
        StringBuilder text = new StringBuilder("\uFEFF<WIM>");
        text.append(element("TOTALBYTES", Long.toString(totalBytes)));
        for (int i = 0; i < images.size(); i++) {
            text.append("<IMAGE INDEX=\"").append(i + 1).append("\">");
            images.get(i).elements().forEach(e -> text.append(e.getValue()));
            text.append("</IMAGE>");
        }
        text.append("</WIM>");
        return text.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    private static void serialize(Element element, StringBuilder out) {
        out.append('<').append(element.getTagName());
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            out.append(' ').append(a.getNodeName()).append("=\"").append(escape(a.getNodeValue(), true)).append('"');
        }
        out.append('>');
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                serialize(child, out);
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(escape(c.getNodeValue(), false));
            }
        }
        out.append("</").append(element.getTagName()).append('>');
    }

    private static String element(String tag, String text) {
        return "<" + tag + ">" + escape(text, false) + "</" + tag + ">";
    }

    private static String fileTimeElement(String tag, Instant time) {
        long value = MetadataResourceWriter.fileTime(time);
        return "<" + tag + "><HIGHPART>" + String.format("0x%08X", value >>> 32) + "</HIGHPART><LOWPART>"
                + String.format("0x%08X", value & 0xFFFF_FFFFL) + "</LOWPART></" + tag + ">";
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
