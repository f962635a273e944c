package org.imagesmith.cli;

import java.io.File;
import java.net.URL;
import java.util.jar.JarFile;

/** The tool's version: the Bundle-Version of the jar it runs from (0.1.0 when run from classes). */
final class Version {
    static final String TOOL = read();

    private Version() {
    }

    private static String read() {
        try {
            URL location = Version.class.getProtectionDomain().getCodeSource().getLocation();
            File file = new File(location.toURI());
            if (file.isFile()) {
                try (JarFile jar = new JarFile(file)) {
                    String version = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
                    if (version != null) {
                        return version;
                    }
                }
            }
        } catch (Exception e) {
            // not a jar on the local file system (an OSGi bundle URL, a test class folder): use the release
        }
        return "0.1.0";
    }
}
