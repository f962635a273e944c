package org.imagesmith.unattend.io;

/** The XML namespaces of an answer file. */
public final class UnattendNamespaces {
    /** The namespace of unattend, settings, component, servicing and of all settings. */
    public static final String UNATTEND = "urn:schemas-microsoft-com:unattend";
    /** The namespace of wcm:action and wcm:keyValue. */
    public static final String WCM = "http://schemas.microsoft.com/WMIConfig/2002/State";
    /** The XML Schema instance namespace, declared on components by Windows SIM. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private UnattendNamespaces() {
    }
}
