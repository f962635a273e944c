package org.imagesmith.servicing;

/**
 * DISM's servicing providers, each loaded only for the images it can service: package servicing for every image
 * from Windows Vista SP1 and Server 2008 on; drivers, international settings and applications from Windows 7,
 * Server 2008 R2 and Windows PE 3.0 on; editions for full Windows 7 and Server 2008 R2 images; the Windows PE
 * settings for Windows PE images only.
 */
public enum ServicingProvider {
    PACKAGES("DISM Package Manager"),
    DRIVERS("DISM Driver Manager"),
    INTERNATIONAL("DISM International Servicing"),
    EDITIONS("DISM Edition Manager"),
    WINDOWS_PE("DISM WinPE Provider"),
    APPLICATIONS("DISM MSP Manager");

    private final String displayName;

    ServicingProvider(String displayName) {
        this.displayName = displayName;
    }

    /** The provider's name as dism.log writes it. */
    public String displayName() {
        return displayName;
    }

    /** True when DISM loads this provider for the image. */
    public boolean isAvailableFor(ImageIdentity image) {
        boolean windows7OrLater = image.major() > 6 || (image.major() == 6 && image.minor() >= 1);
        return switch (this) {
            case PACKAGES -> image.major() >= 6;
            case DRIVERS, INTERNATIONAL -> windows7OrLater;
            case EDITIONS, APPLICATIONS -> windows7OrLater && !image.isWindowsPe();
            case WINDOWS_PE -> image.isWindowsPe();
        };
    }

    /** Why the provider is not loaded for the image, for the error of a command that needs it. */
    public String unavailableReason(ImageIdentity image) {
        String kind = image.isWindowsPe() ? "a Windows PE image" : "a Windows " + image.major() + "." + image.minor()
                + " image" + (image.productName().isEmpty() ? "" : " (" + image.productName() + ")");
        return switch (this) {
            case WINDOWS_PE -> "it is " + kind + ", not a Windows PE image; the Windows PE commands work on a mounted"
                    + " Windows PE image (winpe.wim, boot.wim)";
            case EDITIONS, APPLICATIONS -> image.isWindowsPe() ? "Windows PE images have no editions or applications"
                    : "it is " + kind + "; DISM services these from Windows 7 and Windows Server 2008 R2 on";
            default -> "it is " + kind + "; DISM services drivers and international settings from Windows 7, Windows"
                    + " Server 2008 R2 and Windows PE 3.0 on (older images: Package Manager and Windows SIM)";
        };
    }
}
