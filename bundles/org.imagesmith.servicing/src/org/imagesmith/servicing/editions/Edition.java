package org.imagesmith.servicing.editions;

import java.util.Locale;
import java.util.Optional;

/**
 * The editions of Windows 7 and Windows Server 2008 R2, with their upgrade paths: an edition can be changed only
 * to a higher one of its own family (Windows Anytime Upgrade's paths: Starter, Home Basic, Home Premium,
 * Professional, Ultimate; the N editions likewise; Server Standard, Enterprise, Datacenter). Enterprise is a
 * volume-licensing edition of its own family and has no upgrade.
 */
public enum Edition {
    STARTER("Starter", "Windows 7 Starter", "client", 0),
    HOME_BASIC("HomeBasic", "Windows 7 Home Basic", "client", 1),
    HOME_PREMIUM("HomePremium", "Windows 7 Home Premium", "client", 2),
    PROFESSIONAL("Professional", "Windows 7 Professional", "client", 3),
    ULTIMATE("Ultimate", "Windows 7 Ultimate", "client", 4),
    STARTER_N("StarterN", "Windows 7 Starter N", "client-n", 0),
    HOME_BASIC_N("HomeBasicN", "Windows 7 Home Basic N", "client-n", 1),
    HOME_PREMIUM_N("HomePremiumN", "Windows 7 Home Premium N", "client-n", 2),
    PROFESSIONAL_N("ProfessionalN", "Windows 7 Professional N", "client-n", 3),
    ULTIMATE_N("UltimateN", "Windows 7 Ultimate N", "client-n", 4),
    ENTERPRISE("Enterprise", "Windows 7 Enterprise", "enterprise", 0),
    ENTERPRISE_N("EnterpriseN", "Windows 7 Enterprise N", "enterprise-n", 0),
    SERVER_STANDARD("ServerStandard", "Windows Server 2008 R2 Standard", "server", 0),
    SERVER_ENTERPRISE("ServerEnterprise", "Windows Server 2008 R2 Enterprise", "server", 1),
    SERVER_DATACENTER("ServerDatacenter", "Windows Server 2008 R2 Datacenter", "server", 2);

    private final String id;
    private final String productName;
    private final String family;
    private final int rank;

    Edition(String id, String productName, String family, int rank) {
        this.id = id;
        this.productName = productName;
        this.family = family;
        this.rank = rank;
    }

    /** The EditionID, as SOFTWARE\Microsoft\Windows NT\CurrentVersion and the edition package name spell it. */
    public String id() {
        return id;
    }

    /** The ProductName value of an image of this edition. */
    public String productName() {
        return productName;
    }

    /** True when an image of this edition may be changed to {@code target}. */
    public boolean canUpgradeTo(Edition target) {
        return family.equals(target.family) && target.rank > rank;
    }

    /** The name of the edition's package: Microsoft-Windows-&lt;EditionID&gt;Edition. */
    public String packageName() {
        return "Microsoft-Windows-" + id + "Edition";
    }

    public static Optional<Edition> ofId(String id) {
        for (Edition e : values()) {
            if (e.id.toLowerCase(Locale.ROOT).equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The edition of a package name such as Microsoft-Windows-UltimateEdition. */
    public static Optional<Edition> ofPackageName(String name) {
        for (Edition e : values()) {
            if (e.packageName().equalsIgnoreCase(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
