package org.imagesmith.servicing.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.imagesmith.servicing.ServicingException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A package manifest (update.mum, urn:schemas-microsoft-com:asm.v3): the package's identity, release type and
 * restart behaviour, the packages it applies to (parents), those it needs (dependencies), and its updates, the
 * selectable ones of which DISM calls features. A package whose {@code <package>} element says
 * {@code permanence="permanent"} (servicing stack updates, for one) can never be uninstalled.
 */
public record PackageManifest(
        PackageIdentity identity,
        String releaseType,
        String restart,
        String displayName,
        String description,
        String company,
        String copyright,
        String supportInformation,
        String creationTimeStamp,
        List<Parent> parents,
        List<PackageIdentity> dependencies,
        List<Update> updates,
        boolean hasLanguageResources,
        boolean permanent) {

    public PackageManifest {
        parents = List.copyOf(parents);
        dependencies = List.copyOf(dependencies);
        updates = List.copyOf(updates);
    }

    /** A package this one applies to; buildCompare is how its version must compare (EQ, GE, ...). */
    public record Parent(PackageIdentity identity, String buildCompare) {
    }

    /** An update of the package; a feature when it is selectable (it has a display name and is not hidden). */
    public record Update(String name, String displayName, String description, String restart, boolean feature) {
    }

    public boolean isLanguagePack() {
        return releaseType.equalsIgnoreCase("Language Pack");
    }

    /** True for the foundation package (release type "Foundation"), which every other package of the image needs. */
    public boolean isFoundation() {
        return releaseType.equalsIgnoreCase("Foundation");
    }

    public boolean isServicePack() {
        return releaseType.equalsIgnoreCase("Service Pack");
    }

    /** True for an update, security update or hotfix: what must come after the language packs. */
    public boolean isUpdate() {
        String type = releaseType.toLowerCase(Locale.ROOT);
        return type.contains("update") || type.equals("hotfix");
    }

    public List<Update> features() {
        return updates.stream().filter(Update::feature).toList();
    }

    /**
     * Parses the bytes of a .mum file. Document type declarations are refused, so no entity is ever expanded.
     *
     * @param source where the bytes came from, for messages
     */
    public static PackageManifest parse(byte[] bytes, String source) throws ServicingException {
        Element assembly;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            assembly = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw invalid(source, "it is not well-formed XML (" + e.getMessage() + ")");
        }
        if (!"assembly".equals(assembly.getLocalName())) {
            throw invalid(source, "its root element is <" + assembly.getNodeName() + ">, not <assembly>");
        }
        Element identityElement = child(assembly, "assemblyIdentity");
        Element pkg = child(assembly, "package");
        if (identityElement == null || pkg == null) {
            throw invalid(source, "it has no " + (identityElement == null ? "<assemblyIdentity>" : "<package>") + " element");
        }
        PackageIdentity identity = PackageIdentity.of(identityElement);
        if (identity.name().isEmpty() || identity.version().isEmpty() || identity.architecture().isEmpty()) {
            throw invalid(source, "its assemblyIdentity lacks a name, version or processorArchitecture");
        }
        List<Parent> parents = new ArrayList<>();
        List<PackageIdentity> dependencies = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        for (Element element : children(pkg)) {
            switch (element.getLocalName()) {
                case "parent" -> {
                    for (Element parentIdentity : descendants(element, "assemblyIdentity")) {
                        parents.add(new Parent(PackageIdentity.of(parentIdentity), element.getAttribute("buildCompare")));
                    }
                }
                case "dependency" -> {
                    for (Element dependencyIdentity : descendants(element, "assemblyIdentity")) {
                        dependencies.add(PackageIdentity.of(dependencyIdentity));
                    }
                }
                case "update" -> updates.add(update(element));
                default -> {
                    // other package children (declarations, customInformation) do not affect servicing here
                }
            }
        }
        boolean languageResources = descendants(pkg, "assemblyIdentity").stream()
                .anyMatch(e -> e.getAttribute("language").equals("*") || (!e.getAttribute("language").isEmpty()
                        && !e.getAttribute("language").equalsIgnoreCase("neutral")));
        return new PackageManifest(identity, attribute(pkg, "releaseType", "Update"), attribute(pkg, "restart", "possible"),
                assembly.getAttribute("displayName"), assembly.getAttribute("description"), assembly.getAttribute("company"),
                assembly.getAttribute("copyright"), assembly.getAttribute("supportInformation"),
                assembly.getAttribute("creationTimeStamp"), parents, dependencies, updates, languageResources,
                pkg.getAttribute("permanence").equalsIgnoreCase("permanent"));
    }

    private static Update update(Element element) {
        Element nestedPackage = child(element, "package");
        boolean hidden = nestedPackage != null && "hidden".equalsIgnoreCase(nestedPackage.getAttribute("integrate"));
        String displayName = element.getAttribute("displayName");
        return new Update(element.getAttribute("name"), displayName, element.getAttribute("description"),
                attribute(element, "restart", "possible"), !hidden && !displayName.isEmpty());
    }

    private static String attribute(Element element, String name, String fallback) {
        String value = element.getAttribute(name);
        return value.isEmpty() ? fallback : value;
    }

    private static ServicingException invalid(String source, String why) {
        return new ServicingException(ServicingException.INVALID_PACKAGE, "The package manifest " + source
                + " is not valid: " + why + ".");
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
    }

    private static List<Element> descendants(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                result.add(e);
            }
            result.addAll(descendants(e, localName));
        }
        return result;
    }
}
