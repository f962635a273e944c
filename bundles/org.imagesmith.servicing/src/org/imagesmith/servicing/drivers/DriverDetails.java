package org.imagesmith.servicing.drivers;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A driver package as /Get-DriverInfo shows it: the package, its class description, and the devices it supports
 * per architecture (only the image's for a published package, every one the INF has for an INF given by path).
 */
public record DriverDetails(InstalledDriver driver, String classDescription, Map<String, List<DriverModel>> models) {
    public DriverDetails {
        models = Collections.unmodifiableMap(new TreeMap<>(models)); // architectures in name order
    }
}
