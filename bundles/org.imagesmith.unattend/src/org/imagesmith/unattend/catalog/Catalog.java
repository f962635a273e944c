package org.imagesmith.unattend.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.imagesmith.unattend.model.Pass;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** The components and settings Windows Setup knows, read from catalog data (components.xml in this package). */
public final class Catalog {
    private static Catalog standard;

    private final Map<String, ComponentDefinition> components;
    private final Map<String, ComponentDefinition> byName;
    private final PackageRules packages;

    private Catalog(Map<String, ComponentDefinition> components, PackageRules packages) {
        this.components = components;
        Map<String, ComponentDefinition> index = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        index.putAll(components);
        this.byName = Collections.unmodifiableMap(index);
        this.packages = packages;
    }

    /** The catalog shipped with this bundle. */
    public static synchronized Catalog standard() {
        if (standard == null) {
            try (InputStream in = Catalog.class.getResourceAsStream("components.xml")) {
                if (in == null) {
                    throw new IllegalStateException("components.xml is missing from package org.imagesmith.unattend.catalog");
                }
                standard = read(in, "components.xml");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** Reads a catalog in the format of components.xml; name is used in messages. */
    public static Catalog read(InputStream in, String name) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            document = builder.parse(in, name);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(name + ": not a readable catalog: " + e.getMessage(), e);
        }
        Map<String, ComponentDefinition> components = new LinkedHashMap<>();
        List<NamePattern> languagePacks = new ArrayList<>();
        List<NamePattern> updates = new ArrayList<>();
        List<PackageRules.Dependency> dependencies = new ArrayList<>();
        for (Element child : elements(document.getDocumentElement())) {
            if (child.getTagName().equals("component")) {
                String componentName = required(child, "name", name);
                ComponentDefinition component = new ComponentDefinition(componentName, passes(child, name),
                        Boolean.parseBoolean(child.getAttribute("complete")), optional(child, "description"),
                        settings(child, componentName, name), availability(child, componentName, name));
                if (components.keySet().stream().anyMatch(componentName::equalsIgnoreCase)) {
                    throw new IOException(name + ": the component " + componentName + " is defined twice");
                }
                components.put(componentName, component);
            } else if (child.getTagName().equals("packages")) {
                for (Element rule : elements(child)) {
                    switch (rule.getTagName()) {
                        case "languagePack" -> languagePacks.add(NamePattern.of(required(rule, "name", name)));
                        case "update" -> updates.add(NamePattern.of(required(rule, "name", name)));
                        case "dependency" -> dependencies.add(new PackageRules.Dependency(
                                NamePattern.of(required(rule, "dependent", name)), NamePattern.of(required(rule, "requires", name))));
                        default -> throw new IOException(name + ": unknown package rule <" + rule.getTagName() + ">");
                    }
                }
            }
        }
        return new Catalog(Collections.unmodifiableMap(components),
                new PackageRules(List.copyOf(languagePacks), List.copyOf(updates), List.copyOf(dependencies)));
    }

    /** The component called name; like Windows, the lookup ignores case. */
    public Optional<ComponentDefinition> component(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** All components, by name. */
    public Map<String, ComponentDefinition> components() {
        return components;
    }

    /** The servicing package rules. */
    public PackageRules packages() {
        return packages;
    }

    private static Map<String, SettingDefinition> settings(Element parent, String path, String source) throws IOException {
        Map<String, SettingDefinition> settings = new LinkedHashMap<>();
        for (Element child : elements(parent)) {
            if (!child.getTagName().equals("setting")) {
                throw new IOException(source + ": unexpected <" + child.getTagName() + "> in <" + parent.getTagName() + ">");
            }
            String settingName = required(child, "name", source);
            String settingPath = path + " | " + settingName;
            if (settings.containsKey(settingName)) {
                throw new IOException(source + ": the setting " + settingPath + " is defined twice");
            }
            Map<String, SettingDefinition> children = settings(child, settingPath, source);
            ValueType type = child.hasAttribute("type") ? type(child, settingPath, source)
                    : children.isEmpty() ? ValueType.STRING : ValueType.COMPLEX;
            List<String> values = child.hasAttribute("values") ? List.of(child.getAttribute("values").split("\\|")) : List.of();
            if (type == ValueType.ENUM && values.isEmpty()) {
                throw new IOException(source + ": the enum setting " + settingPath + " lists no values");
            }
            settings.put(settingName, new SettingDefinition(settingName,
                    child.hasAttribute("passes") ? passes(child, source) : Set.of(), type, values,
                    number(child, "min", settingPath, source), number(child, "max", settingPath, source),
                    length(child, "minLength", settingPath, source), length(child, "maxLength", settingPath, source),
                    pattern(child, settingPath, source), Boolean.parseBoolean(child.getAttribute("item")),
                    optional(child, "key"), optional(child, "default"), optional(child, "description"),
                    optional(child, "deprecated"), version(child, "deprecatedSince", settingPath, source),
                    Boolean.parseBoolean(child.getAttribute("appliedOffline")), Collections.unmodifiableMap(children),
                    availability(child, settingPath, source)));
        }
        return settings;
    }

    private static Availability availability(Element element, String path, String source) throws IOException {
        WindowsVersion since = version(element, "since", path, source);
        WindowsVersion removedIn = version(element, "removedIn", path, source);
        try {
            return since == null && removedIn == null ? Availability.ALWAYS : new Availability(since, removedIn);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + path + " is " + e.getMessage(), e);
        }
    }

    private static WindowsVersion version(Element element, String attribute, String path, String source) throws IOException {
        if (!element.hasAttribute(attribute)) {
            return null;
        }
        return WindowsVersion.ofLabel(element.getAttribute(attribute)).orElseThrow(() -> new IOException(source + ": "
                + attribute + "=\"" + element.getAttribute(attribute) + "\" of " + path + " names no Windows version"));
    }

    private static ValuePattern pattern(Element element, String path, String source) throws IOException {
        if (!element.hasAttribute("pattern")) {
            return null;
        }
        if (!element.hasAttribute("patternHint")) {
            throw new IOException(source + ": the pattern of " + path + " needs a patternHint that says the form in words");
        }
        try {
            return new ValuePattern(Pattern.compile(element.getAttribute("pattern")), element.getAttribute("patternHint"));
        } catch (PatternSyntaxException e) {
            throw new IOException(source + ": the pattern of " + path + " is not a regular expression: " + e.getDescription(), e);
        }
    }

    private static String optional(Element element, String attribute) {
        return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
    }

    private static ValueType type(Element element, String path, String source) throws IOException {
        try {
            return ValueType.valueOf(element.getAttribute("type").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": the type '" + element.getAttribute("type") + "' of " + path
                    + " is not one of string, boolean, integer, enum, list, complex", e);
        }
    }

    private static Long number(Element element, String attribute, String path, String source) throws IOException {
        if (!element.hasAttribute(attribute)) {
            return null;
        }
        try {
            return Long.valueOf(element.getAttribute(attribute));
        } catch (NumberFormatException e) {
            throw new IOException(source + ": " + attribute + "=\"" + element.getAttribute(attribute) + "\" of " + path
                    + " is not a whole number", e);
        }
    }

    private static Integer length(Element element, String attribute, String path, String source) throws IOException {
        Long length = number(element, attribute, path, source);
        if (length != null && (length < 0 || length > Integer.MAX_VALUE)) {
            throw new IOException(source + ": " + attribute + "=\"" + length + "\" of " + path + " is not a length");
        }
        return length == null ? null : length.intValue();
    }

    private static Set<Pass> passes(Element element, String source) throws IOException {
        Set<Pass> passes = EnumSet.noneOf(Pass.class);
        for (String literal : required(element, "passes", source).trim().split("\\s+")) {
            Pass pass = Pass.get(literal);
            if (pass == null) {
                throw new IOException(source + ": unknown pass '" + literal + "' on " + element.getAttribute("name"));
            }
            passes.add(pass);
        }
        return Collections.unmodifiableSet(passes);
    }

    private static String required(Element element, String attribute, String source) throws IOException {
        if (!element.hasAttribute(attribute)) {
            throw new IOException(source + ": <" + element.getTagName() + " name=\"" + element.getAttribute("name")
                    + "\"> lacks the attribute " + attribute);
        }
        return element.getAttribute(attribute);
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
