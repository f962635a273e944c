package org.imagesmith.servicing.drivers;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A driver package of the image as /Get-Drivers lists it: the published name (oem0.inf, or the INF's own name for
 * an inbox driver), the INF's original name, where the driver store keeps it, and the [Version] facts.
 */
public record InstalledDriver(String publishedName, String originalFileName, boolean inbox, String className,
        String classGuid, String providerName, Optional<LocalDate> date, String version, boolean bootCritical,
        String driverStorePath) {
}
