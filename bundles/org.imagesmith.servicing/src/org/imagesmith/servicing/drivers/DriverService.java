package org.imagesmith.servicing.drivers;

/**
 * An AddService directive of a driver's DDInstall.Services section with its service-install section: the service's
 * name, the directive's flags (0x2 SPSVCINST_ASSOCSERVICE: the device's function driver), DisplayName, ServiceType,
 * StartType (0 SERVICE_BOOT_START), ErrorControl, ServiceBinary as written (with its %dirid%) and LoadOrderGroup.
 */
public record DriverService(String name, int flags, String displayName, int serviceType, int startType,
        int errorControl, String serviceBinary, String loadOrderGroup) {
    /** SPSVCINST_ASSOCSERVICE. */
    public static final int ASSOCIATED_SERVICE = 0x2;
    /** SERVICE_BOOT_START. */
    public static final int BOOT_START = 0;

    public boolean isAssociated() {
        return (flags & ASSOCIATED_SERVICE) != 0;
    }
}
