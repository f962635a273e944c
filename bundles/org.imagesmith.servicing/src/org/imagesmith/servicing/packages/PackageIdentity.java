package org.imagesmith.servicing.packages;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * A package identity as Component-Based Servicing writes it: name~publicKeyToken~processorArchitecture~language~version,
 * with an empty language for language-neutral packages
 * (Package_for_KB976902~31bf3856ad364e35~amd64~~6.1.1.17514).
 */
public record PackageIdentity(String name, String publicKeyToken, String architecture, String language, String version) {

    /** Parses the tilde form; an "neutral" language is kept as empty. */
    public static PackageIdentity parse(String text) {
        String[] parts = text.trim().split("~", -1);
        if (parts.length != 5 || parts[0].isEmpty() || parts[4].isEmpty() || !isFileName(text.trim())) {
            throw new IllegalArgumentException("\"" + text + "\" is not a package identity; it has the form"
                    + " name~publicKeyToken~architecture~language~version, as /Get-Packages lists them.");
        }
        return new PackageIdentity(parts[0], parts[1], parts[2], neutral(parts[3]), parts[4]);
    }

    /** True when the text can be the name of a .mum file: no control character (NUL), path separator or colon. */
    private static boolean isFileName(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == '\\' || c == '/' || c == ':');
    }

    /** The identity of an assemblyIdentity element of a .mum manifest. */
    public static PackageIdentity of(Element assemblyIdentity) {
        return new PackageIdentity(assemblyIdentity.getAttribute("name"), assemblyIdentity.getAttribute("publicKeyToken"),
                assemblyIdentity.getAttribute("processorArchitecture"), neutral(assemblyIdentity.getAttribute("language")),
                assemblyIdentity.getAttribute("version"));
    }

    private static String neutral(String language) {
        return language == null || language.equalsIgnoreCase("neutral") ? "" : language;
    }

    /** True for a language-specific package (a language pack or a language-specific part of an update). */
    public boolean isLanguageSpecific() {
        return !language.isEmpty() && !language.equals("*");
    }

    /** Compares identities as CBS does: without regard to case. */
    public boolean matches(PackageIdentity other) {
        return toString().equalsIgnoreCase(other.toString());
    }

    /** The identity without its version, for finding other versions of the same package. */
    public String unversioned() {
        return (name + "~" + publicKeyToken + "~" + architecture + "~" + language).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name + "~" + publicKeyToken + "~" + architecture + "~" + language + "~" + version;
    }
}
