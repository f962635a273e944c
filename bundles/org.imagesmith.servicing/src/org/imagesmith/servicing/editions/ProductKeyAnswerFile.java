package org.imagesmith.servicing.editions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The product key of an offline image, kept where Windows Setup applies it: the Microsoft-Windows-Shell-Setup
 * component's ProductKey in the specialize pass of the image's implicit answer file, Windows\Panther\Unattend.xml
 * (urn:schemas-microsoft-com:unattend). An existing answer file keeps everything else it says.
 */
final class ProductKeyAnswerFile {
    static final String PATH = "Windows\\Panther\\unattend.xml";
    static final String NAMESPACE = "urn:schemas-microsoft-com:unattend";
    private static final String SHELL_SETUP = "Microsoft-Windows-Shell-Setup";

    private ProductKeyAnswerFile() {
    }

    /** The ProductKey of the specialize pass, if the file gives one. */
    static Optional<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Element shell = shellSetup(parse(Files.readAllBytes(file), file), false, "");
        if (shell == null) {
            return Optional.empty();
        }
        Element key = child(shell, "ProductKey");
        return key == null ? Optional.empty() : Optional.of(key.getTextContent().trim());
    }

    /** The bytes of the answer file (the existing one, or a new one) with the key set. */
    static byte[] withKey(Optional<byte[]> existing, ProductKey key, String architecture, Path where) throws IOException {
        Document document = existing.isPresent() ? parse(existing.get(), where) : newDocument();
        Element shell = shellSetup(document, true, architecture);
        Element productKey = child(shell, "ProductKey");
        if (productKey == null) {
            productKey = document.createElementNS(NAMESPACE, "ProductKey");
            shell.appendChild(productKey);
        }
        productKey.setTextContent(key.text());
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "utf-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IOException("the answer file cannot be written: " + e.getMessage(), e);
        }
    }

    private static Element shellSetup(Document document, boolean create, String architecture) {
        Element root = document.getDocumentElement();
        Element specialize = null;
        for (Element settings : children(root, "settings")) {
            if ("specialize".equals(settings.getAttribute("pass"))) {
                specialize = settings;
            }
        }
        if (specialize == null) {
            if (!create) {
                return null;
            }
            specialize = document.createElementNS(NAMESPACE, "settings");
            specialize.setAttribute("pass", "specialize");
            root.appendChild(specialize);
        }
        for (Element component : children(specialize, "component")) {
            if (SHELL_SETUP.equals(component.getAttribute("name"))) {
                return component;
            }
        }
        if (!create) {
            return null;
        }
        Element component = document.createElementNS(NAMESPACE, "component");
        component.setAttribute("name", SHELL_SETUP);
        component.setAttribute("processorArchitecture", architecture);
        component.setAttribute("publicKeyToken", "31bf3856ad364e35");
        component.setAttribute("language", "neutral");
        component.setAttribute("versionScope", "nonSxS");
        specialize.appendChild(component);
        return component;
    }

    private static Document newDocument() throws IOException {
        Document document = builder().newDocument();
        document.appendChild(document.createElementNS(NAMESPACE, "unattend"));
        return document;
    }

    private static Document parse(byte[] bytes, Path where) throws IOException {
        try {
            Document document = builder().parse(new ByteArrayInputStream(bytes));
            if (!"unattend".equals(document.getDocumentElement().getLocalName())) {
                throw new IOException(where + " is not an answer file: its root element is <"
                        + document.getDocumentElement().getNodeName() + ">, not <unattend>");
            }
            return document;
        } catch (SAXException e) {
            throw new IOException(where + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static java.util.List<Element> children(Element parent, String localName) {
        java.util.List<Element> result = new java.util.ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element child(Element parent, String localName) {
        java.util.List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }
}
