package org.imagesmith.cli;

/** The tool's version, from the bundle's manifest when it runs from a jar. */
final class Version {
    static final String TOOL = read();

    private Version() {
    }

    private static String read() {
        String v = Version.class.getPackage().getImplementationVersion();
        if (v == null) {
            v = "0.1.0";
        }
        return v;
    }
}
