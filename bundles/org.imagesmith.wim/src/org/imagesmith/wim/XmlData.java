package org.imagesmith.wim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XML data resource of a WIM file (UTF-16LE with a byte-order mark): the file's total size and one
 * IMAGE element per image. Parsing refuses document type declarations, so no external entity is ever read.
 */
public record XmlData(long totalBytes, List<ImageInfo> images) {

    /** FILETIME counts 100 ns intervals since 1601-01-01T00:00Z. */
    private static final Instant FILETIME_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    public XmlData {
        images = List.copyOf(images);
    }

    /** The image with this 1-based index, if the XML data describes it. */
    public Optional<ImageInfo> image(int index) {
        return images.stream().filter(i -> i.index() == index).findFirst();
    }

    /** Parses the bytes of the XML data resource. */
    public static XmlData parse(byte[] bytes) throws WimFormatException {
        if (bytes.length == 0) {
            return new XmlData(0, List.of());
        }
        Document document;
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(toUtf8(bytes)));
        } catch (SAXException e) {
            throw new WimFormatException("the WIM file's XML data is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new WimFormatException("the WIM file's XML data cannot be read: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"WIM".equals(root.getTagName())) {
            throw new WimFormatException("the WIM file's XML data has the root element <" + root.getTagName()
                    + "> instead of <WIM>");
        }
        List<ImageInfo> images = new ArrayList<>();
        for (Element image : children(root, "IMAGE")) {
            images.add(parseImage(image));
        }
        images.sort(Comparator.comparingInt(ImageInfo::index));
        return new XmlData(number(root, "TOTALBYTES"), images);
    }

    /** The XML data resource (UTF-16LE) as UTF-8 without BOM, trailing NULs or XML declaration, for a parser. */
    static byte[] toUtf8(byte[] bytes) {
        // The resource is UTF-16LE, normally with a byte-order mark; decode it ourselves so that a missing
        // mark or a trailing NUL does not confuse the parser, then hand the parser UTF-8 without the declaration.
        int start = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE ? 2 : 0;
        String text = new String(bytes, start, (bytes.length - start) & ~1, StandardCharsets.UTF_16LE);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\0' || Character.isWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        text = text.substring(0, end);
        if (text.startsWith("<?xml")) {
            int close = text.indexOf("?>");
            text = close < 0 ? text : text.substring(close + 2);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static ImageInfo parseImage(Element image) throws WimFormatException {
        String indexText = image.getAttribute("INDEX").trim();
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw new WimFormatException("an IMAGE element of the WIM file's XML data has the index \"" + indexText
                    + "\", which is not a number");
        }
        Optional<WindowsInfo> windows = child(image, "WINDOWS").map(XmlData::parseWindows);
        return new ImageInfo(index, text(image, "NAME"), text(image, "DESCRIPTION"), text(image, "DISPLAYNAME"),
                text(image, "DISPLAYDESCRIPTION"), text(image, "FLAGS"), number(image, "DIRCOUNT"),
                number(image, "FILECOUNT"), number(image, "TOTALBYTES"), number(image, "HARDLINKBYTES"),
                child(image, "CREATIONTIME").map(XmlData::fileTime),
                child(image, "LASTMODIFICATIONTIME").map(XmlData::fileTime),
                number(image, "WIMBOOT") != 0, windows);
    }

    private static WindowsInfo parseWindows(Element windows) {
        List<String> languages = new ArrayList<>();
        String defaultLanguage = "";
        Optional<Element> languagesElement = child(windows, "LANGUAGES");
        if (languagesElement.isPresent()) {
            for (Element language : children(languagesElement.get(), "LANGUAGE")) {
                languages.add(language.getTextContent().trim());
            }
            defaultLanguage = text(languagesElement.get(), "DEFAULT");
        }
        Optional<WindowsVersion> version = child(windows, "VERSION").map(v -> new WindowsVersion(
                number(v, "MAJOR"), number(v, "MINOR"), number(v, "BUILD"), number(v, "SPBUILD"), number(v, "SPLEVEL")));
        Optional<WindowsInfo.Architecture> architecture = child(windows, "ARCH")
                .flatMap(a -> WindowsInfo.Architecture.ofCode(parseNumber(a.getTextContent())));
        return new WindowsInfo(architecture, text(windows, "PRODUCTNAME"), text(windows, "EDITIONID"),
                text(windows, "INSTALLATIONTYPE"), text(windows, "HAL"), text(windows, "PRODUCTTYPE"),
                text(windows, "PRODUCTSUITE"), languages, defaultLanguage, version, text(windows, "SYSTEMROOT"));
    }

    private static Instant fileTime(Element element) {
        long high = number(element, "HIGHPART");
        long low = number(element, "LOWPART");
        long ticks = (high << 32) | (low & 0xFFFF_FFFFL);
        return FILETIME_EPOCH.plus(Duration.ofSeconds(Long.divideUnsigned(ticks, 10_000_000L),
                Long.remainderUnsigned(ticks, 10_000_000L) * 100));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    private static Optional<Element> child(Element parent, String tag) {
        return children(parent, tag).stream().findFirst();
    }

    private static String text(Element parent, String tag) {
        return child(parent, tag).map(e -> e.getTextContent().trim()).orElse("");
    }

    private static long number(Element parent, String tag) {
        return child(parent, tag).map(e -> parseNumber(e.getTextContent())).orElse(0L);
    }

    /** XML data numbers are decimal, or hexadecimal with a 0x prefix (as in HIGHPART and LOWPART). */
    private static long parseNumber(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return t.isEmpty() ? 0 : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
