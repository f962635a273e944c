package org.imagesmith.unattend.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
import org.imagesmith.unattend.model.UnattendFactory;

/**
 * Reads an answer file into the model without loss: namespace prefixes and declarations, element order, comments,
 * unknown components, settings, attributes and elements, and text written next to child elements (mixed content,
 * kept as {@link Text} nodes). Every object gets its {@link SourceLocation}. DOCTYPE
 * declarations are refused, so external entities and entity expansion cannot happen.
 */
public final class UnattendReader {
    /** Answer files are a few kilobytes; this bounds the memory a hostile file can claim. */
    public static final int MAX_FILE_SIZE = 16 * 1024 * 1024;

    private static final UnattendFactory FACTORY = UnattendFactory.eINSTANCE;

    private final String file;
    private final String text;
    private final TextPositions positions;
    private final XMLStreamReader reader;
    private final List<Node> prolog = new ArrayList<>();

    private UnattendReader(String file, String text) throws UnattendFormatException {
        this.file = file;
        this.text = text;
        this.positions = new TextPositions(text);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            this.reader = factory.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Reads the answer file at path. */
    public static Unattend read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_FILE_SIZE) {
            throw new UnattendFormatException(path.toString(), 0, 0,
                    "the file is " + size + " bytes; an answer file is at most " + MAX_FILE_SIZE + " bytes");
        }
        return read(Files.readAllBytes(path), path.toString());
    }

    /** Reads an answer file from a stream; name is used in messages. */
    public static Unattend read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_SIZE + 1);
        if (bytes.length > MAX_FILE_SIZE) {
            throw new UnattendFormatException(name, 0, 0, "the input exceeds " + MAX_FILE_SIZE + " bytes");
        }
        return read(bytes, name);
    }

    /** Reads an answer file from its bytes; name is used in messages. */
    public static Unattend read(byte[] bytes, String name) throws UnattendFormatException {
        String text = AnswerFileText.decode(bytes, name);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        UnattendReader reader = new UnattendReader(name, text);
        try {
            return reader.document();
        } catch (XMLStreamException e) {
            throw reader.failure(e);
        } finally {
            try {
                reader.reader.close();
            } catch (XMLStreamException e) {
                // nothing held open: the input is a string
            }
        }
    }

    private Unattend document() throws XMLStreamException, UnattendFormatException {
        Unattend unattend = null;
        String encoding = reader.getCharacterEncodingScheme();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw error(
                        "a DOCTYPE declaration is not allowed in an answer file (it could pull in external entities or expand entities without bound); remove it");
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    Node node = event == XMLStreamConstants.COMMENT ? comment() : processingInstruction();
                    if (unattend == null) {
                        prolog.add(node);
                    } else {
                        unattend.getEpilog().add(node);
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!UnattendNamespaces.UNATTEND.equals(reader.getNamespaceURI()) || !"unattend".equals(reader.getLocalName())) {
                        throw error("the root element is " + describe() + "; an answer file has <unattend xmlns=\""
                                + UnattendNamespaces.UNATTEND + "\">");
                    }
                    unattend = FACTORY.createUnattend();
                    unattend.setXmlEncoding(encoding);
                    unattend.getProlog().addAll(prolog);
                    start(unattend);
                    children(unattend);
                }
                default -> {
                    // whitespace outside the root element, end of document
                }
            }
        }
        if (unattend == null) {
            throw new UnattendFormatException(file, 0, 0, "the file has no root element");
        }
        return unattend;
    }


    /** A run of character data and the index in the parent's children where it was written. */
    private record TextRun(int index, String text) {
    }

    /** Reads the children of element up to its end tag. */
    private void children(Element element) throws XMLStreamException, UnattendFormatException {
        StringBuilder content = new StringBuilder();
        StringBuilder run = new StringBuilder();
        List<TextRun> runs = new ArrayList<>();
        boolean hasChildElements = false;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    hasChildElements = true;
                    endRun(element, run, runs);
                    Element child = child(element);
                    start(child);
                    element.getChildren().add(child);
                    children(child);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    endRun(element, run, runs);
                    finishContent(element, content, runs, hasChildElements);
                    return;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    content.append(reader.getText());
                    run.append(reader.getText());
                }
                case XMLStreamConstants.COMMENT -> {
                    endRun(element, run, runs);
                    element.getChildren().add(comment());
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    endRun(element, run, runs);
                    element.getChildren().add(processingInstruction());
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error("the entity reference &" + reader.getLocalName()
                        + "; is not defined (answer files use only the predefined entities)");
                default -> throw error("unexpected XML event " + event);
            }
        }
    }

    private static void endRun(Element element, StringBuilder run, List<TextRun> runs) {
        if (run.length() > 0) {
            runs.add(new TextRun(element.getChildren().size(), run.toString()));
            run.setLength(0);
        }
    }

    /**
     * Sets the text of an element: the value of a setting (or the text of an unknown element) that has no child
     * elements; otherwise text that is not only whitespace is mixed content, kept as Text nodes where it was written
     * (every run, whitespace included, so that writing it back gives the same characters).
     */
    private void finishContent(Element element, StringBuilder content, List<TextRun> runs, boolean hasChildElements) {
        if (element instanceof Setting setting && !hasChildElements) {
            setting.setValue(content.toString());
        } else if (element instanceof ForeignElement foreign && !hasChildElements) {
            if (content.length() > 0) {
                foreign.setText(content.toString());
            }
        } else if (!content.toString().isBlank()) {
            for (int i = runs.size() - 1; i >= 0; i--) {
                Text text = FACTORY.createText();
                text.setValue(runs.get(i).text());
                element.getChildren().add(runs.get(i).index(), text);
            }
        }
    }

    /** Creates the model object for the element just started inside parent. */
    private Element child(Element parent) {
        String namespace = reader.getNamespaceURI();
        String name = reader.getLocalName();
        if (UnattendNamespaces.UNATTEND.equals(namespace)) {
            if (parent instanceof Unattend) {
                if (name.equals("settings")) {
                    return FACTORY.createSettings();
                }
                if (name.equals("servicing")) {
                    return FACTORY.createServicing();
                }
            } else if (parent instanceof Settings && name.equals("component")) {
                return FACTORY.createComponent();
            } else if (parent instanceof Component || parent instanceof Setting) {
                Setting setting = FACTORY.createSetting();
                setting.setName(name);
                return setting;
            } else if (parent instanceof Servicing && name.equals("package")) {
                return FACTORY.createPackage();
            } else if (parent instanceof Package) {
                switch (name) {
                    case "assemblyIdentity":
                        return FACTORY.createAssemblyIdentity();
                    case "source":
                        return FACTORY.createSource();
                    case "selection":
                        return FACTORY.createSelection();
                    default:
                        break;
                }
            }
        }
        ForeignElement foreign = FACTORY.createForeignElement();
        foreign.setNamespaceUri(emptyToNull(namespace));
        foreign.setLocalName(name);
        return foreign;
    }

    /** Copies prefix, namespace declarations and attributes of the current start tag into element. */
    private void start(Element element) {
        SourceLocation.set(element, line(tagStart("<")), column(tagStart("<")));
        element.setPrefix(emptyToNull(reader.getPrefix()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            NamespaceDeclaration declaration = FACTORY.createNamespaceDeclaration();
            declaration.setPrefix(emptyToNull(reader.getNamespacePrefix(i)));
            declaration.setUri(reader.getNamespaceURI(i) == null ? "" : reader.getNamespaceURI(i));
            element.getNamespaces().add(declaration);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = emptyToNull(reader.getAttributeNamespace(i));
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            if (!knownAttribute(element, namespace, name, value)) {
                Attribute attribute = FACTORY.createAttribute();
                attribute.setNamespaceUri(namespace);
                attribute.setPrefix(emptyToNull(reader.getAttributePrefix(i)));
                attribute.setLocalName(name);
                attribute.setValue(value);
                element.getOtherAttributes().add(attribute);
            }
        }
    }

    /** Sets a model attribute when (namespace, name) is one the model names; false for any other attribute. */
    private static boolean knownAttribute(Element element, String namespace, String name, String value) {
        if (namespace != null) {
            if (element instanceof Setting setting && UnattendNamespaces.WCM.equals(namespace)) {
                if (name.equals("action")) {
                    setting.setAction(value);
                    return true;
                }
                if (name.equals("keyValue")) {
                    setting.setKeyValue(value);
                    return true;
                }
            }
            return false;
        }
        if (element instanceof Settings settings && name.equals("pass")) {
            settings.setPass(value);
            return true;
        }
        if (element instanceof Component component) {
            switch (name) {
                case "name" -> component.setName(value);
                case "processorArchitecture" -> component.setProcessorArchitecture(value);
                case "publicKeyToken" -> component.setPublicKeyToken(value);
                case "language" -> component.setLanguage(value);
                case "versionScope" -> component.setVersionScope(value);
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (element instanceof AssemblyIdentity identity) {
            switch (name) {
                case "name" -> identity.setName(value);
                case "version" -> identity.setVersion(value);
                case "processorArchitecture" -> identity.setProcessorArchitecture(value);
                case "publicKeyToken" -> identity.setPublicKeyToken(value);
                case "language" -> identity.setLanguage(value);
                case "versionScope" -> identity.setVersionScope(value);
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (element instanceof Package pkg && name.equals("action")) {
            pkg.setAction(value);
            return true;
        }
        if (element instanceof Source source && name.equals("location")) {
            source.setLocation(value);
            return true;
        }
        if (element instanceof Selection selection) {
            if (name.equals("name")) {
                selection.setName(value);
                return true;
            }
            if (name.equals("state")) {
                selection.setState(value);
                return true;
            }
        }
        return false;
    }

    private Comment comment() {
        Comment comment = FACTORY.createComment();
        comment.setText(reader.getText());
        int start = tagStart("<!--");
        SourceLocation.set(comment, line(start), column(start));
        return comment;
    }

    private ProcessingInstruction processingInstruction() {
        ProcessingInstruction instruction = FACTORY.createProcessingInstruction();
        instruction.setTarget(reader.getPITarget());
        String data = reader.getPIData();
        instruction.setData(data == null || data.isEmpty() ? null : data);
        int start = tagStart("<?");
        SourceLocation.set(instruction, line(start), column(start));
        return instruction;
    }

    /** The offset where the markup of the current event (which ends at the parser's location) begins. */
    private int tagStart(String opening) {
        Location location = reader.getLocation();
        int end = Math.min(positions.offset(location.getLineNumber(), location.getColumnNumber()), text.length());
        int start = text.lastIndexOf(opening, Math.max(end - 2, 0));
        return Math.max(start, 0);
    }

    private int line(int offset) {
        return positions.line(offset);
    }

    private int column(int offset) {
        return positions.column(offset);
    }

    private String describe() {
        String namespace = reader.getNamespaceURI();
        return "<" + reader.getLocalName() + ">" + (namespace == null || namespace.isEmpty() ? " without namespace"
                : " in namespace " + namespace);
    }

    private UnattendFormatException error(String message) {
        Location location = reader.getLocation();
        int offset = Math.min(positions.offset(location.getLineNumber(), location.getColumnNumber()), text.length());
        int start = reader.getEventType() == XMLStreamConstants.DTD
                ? Math.max(text.lastIndexOf("<!DOCTYPE", Math.max(offset - 1, 0)), 0)
                : offset;
        return new UnattendFormatException(file, line(start), column(start), message);
    }

    private UnattendFormatException failure(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage();
        int index = message == null ? -1 : message.indexOf("Message: ");
        String detail = index >= 0 ? message.substring(index + "Message: ".length()) : message;
        UnattendFormatException failure = location == null
                ? new UnattendFormatException(file, 0, 0, "not well-formed XML: " + detail)
                : new UnattendFormatException(file, location.getLineNumber(), location.getColumnNumber(),
                        "not well-formed XML: " + detail);
        failure.initCause(e);
        return failure;
    }


    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void setIfSupported(XMLInputFactory factory, String property, Object value) {
        if (factory.isPropertySupported(property)) {
            factory.setProperty(property, value);
        }
    }
}
