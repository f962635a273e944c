package org.imagesmith.servicing.apps;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a Windows Installer compound file is, told by the class ID of its root storage: an installation database
 * (.msi), a patch (.msp) or a transform (.mst, and the transforms inside a patch).
 */
public enum InstallerFileKind {
    DATABASE("{000C1084-0000-0000-C000-000000000046}", "installation package (.msi)"),
    PATCH("{000C1086-0000-0000-C000-000000000046}", "patch package (.msp)"),
    TRANSFORM("{000C1082-0000-0000-C000-000000000046}", "transform (.mst)");

    private final String classId;
    private final String description;

    InstallerFileKind(String classId, String description) {
        this.classId = classId;
        this.description = description;
    }

    /** The root storage's CLSID in registry format. */
    public String classId() {
        return classId;
    }

    public String description() {
        return description;
    }

    /** The kind whose class ID this is (any case), if any. */
    public static Optional<InstallerFileKind> ofClassId(String classId) {
        return Arrays.stream(values()).filter(k -> k.classId.equalsIgnoreCase(classId)).findFirst();
    }
}
