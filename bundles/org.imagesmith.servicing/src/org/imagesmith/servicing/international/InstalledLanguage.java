package org.imagesmith.servicing.international;

/** A language installed in the image by a language pack package, as /Get-Intl reports it. */
public record InstalledLanguage(String tag, boolean fullyLocalized, String packageIdentity) {

    /** DISM's "Type" line: "Fully localized language." or "Partially localized language, LIP type.". */
    public String typeText() {
        return fullyLocalized ? "Fully localized language." : "Partially localized language, LIP type.";
    }
}
