package org.imagesmith.servicing.apps;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One transform a patch carries (a sub-storage of the .msp), as its own summary information describes it: the
 * product and version it changes, the product and version it makes, and which of these the installer validates
 * before it applies the transform.
 *
 * @param name the sub-storage's name, such as "RTM.1"
 * @param validationFlags the MSITRANSFORM_VALIDATE_* flags (the high word of the Character Count property)
 */
public record PatchTransform(String name, PackedGuid targetProductCode, String targetVersion,
        PackedGuid upgradedProductCode, String upgradedVersion, Optional<PackedGuid> upgradeCode, int validationFlags) {
    /** MSITRANSFORM_VALIDATE_LANGUAGE. */
    public static final int VALIDATE_LANGUAGE = 0x0001;
    /** MSITRANSFORM_VALIDATE_PRODUCT: the installed product code must be the target's. */
    public static final int VALIDATE_PRODUCT = 0x0002;
    /** MSITRANSFORM_VALIDATE_PLATFORM. */
    public static final int VALIDATE_PLATFORM = 0x0004;
    /** MSITRANSFORM_VALIDATE_MAJORVERSION: compare the major version only. */
    public static final int VALIDATE_MAJOR_VERSION = 0x0008;
    /** MSITRANSFORM_VALIDATE_MINORVERSION: compare major and minor versions. */
    public static final int VALIDATE_MINOR_VERSION = 0x0010;
    /** MSITRANSFORM_VALIDATE_UPDATEVERSION: compare major, minor and update versions. */
    public static final int VALIDATE_UPDATE_VERSION = 0x0020;
    /** MSITRANSFORM_VALIDATE_NEWLESSBASEVERSION: installed version &lt; target version. */
    public static final int NEW_LESS_BASE = 0x0040;
    /** MSITRANSFORM_VALIDATE_NEWLESSEQUALBASEVERSION: installed version &lt;= target version. */
    public static final int NEW_LESS_EQUAL_BASE = 0x0080;
    /** MSITRANSFORM_VALIDATE_NEWEQUALBASEVERSION: installed version = target version. */
    public static final int NEW_EQUAL_BASE = 0x0100;
    /** MSITRANSFORM_VALIDATE_NEWGREATEREQUALBASEVERSION: installed version &gt;= target version. */
    public static final int NEW_GREATER_EQUAL_BASE = 0x0200;
    /** MSITRANSFORM_VALIDATE_NEWGREATERBASEVERSION: installed version &gt; target version. */
    public static final int NEW_GREATER_BASE = 0x0400;
    /** MSITRANSFORM_VALIDATE_UPGRADECODE. */
    public static final int VALIDATE_UPGRADE_CODE = 0x0800;

    private static final String GUID = "(\\{[0-9A-Fa-f-]{36}\\})";
    /** Revision Number of a transform: "{target}1.0.0;{upgraded}1.0.1;{upgrade code}". */
    private static final Pattern REVISION = Pattern.compile(GUID + "([^;]*);" + GUID + "([^;]*)(?:;" + GUID + ")?;?");

    /**
     * The transform described by a transform's summary information.
     *
     * @throws IllegalArgumentException when its Revision Number is not of the transform's form
     */
    static PatchTransform of(String name, InstallerSummaryInformation summary) {
        Matcher m = REVISION.matcher(summary.revisionNumber().strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("the Revision Number \"" + summary.revisionNumber() + "\" of the transform "
                    + name + " is not of the form {target product}version;{upgraded product}version;{upgrade code}");
        }
        int validation = summary.characterCount() < 0 ? 0 : summary.characterCount() >>> 16;
        return new PatchTransform(name, PackedGuid.parse(m.group(1)), m.group(2).strip(), PackedGuid.parse(m.group(3)),
                m.group(4).strip(), Optional.ofNullable(m.group(5)).map(PackedGuid::parse), validation);
    }

    /**
     * Whether the installer would apply this transform to an installed product with this code and version; empty
     * when it would, otherwise why not.
     */
    public Optional<String> mismatch(PackedGuid productCode, String installedVersion) {
        if ((validationFlags & VALIDATE_PRODUCT) != 0 && !productCode.equals(targetProductCode)) {
            return Optional.of("the transform " + name + " targets the product " + targetProductCode);
        }
        int parts = (validationFlags & VALIDATE_UPDATE_VERSION) != 0 ? 3
                : (validationFlags & VALIDATE_MINOR_VERSION) != 0 ? 2
                : (validationFlags & VALIDATE_MAJOR_VERSION) != 0 ? 1 : 0;
        if (parts == 0) {
            return Optional.empty();
        }
        int order = compare(installedVersion, targetVersion, parts);
        boolean ok = switch (validationFlags & 0x07C0) {
            case NEW_LESS_BASE -> order < 0;
            case NEW_LESS_EQUAL_BASE -> order <= 0;
            case NEW_GREATER_EQUAL_BASE -> order >= 0;
            case NEW_GREATER_BASE -> order > 0;
            default -> order == 0;
        };
        return ok ? Optional.empty() : Optional.of("the installed version " + installedVersion + " does not match the"
                + " version " + targetVersion + " that the transform " + name + " requires");
    }

    /** Compares the first parts of two dotted versions; missing or non-numeric parts count as 0. */
    static int compare(String a, String b, int parts) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < parts; i++) {
            int c = Long.compare(part(x, i), part(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int i) {
        try {
            return i < parts.length ? Long.parseLong(parts[i].strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
