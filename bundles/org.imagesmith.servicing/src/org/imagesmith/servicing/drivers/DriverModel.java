package org.imagesmith.servicing.drivers;

import java.util.List;

/** A device a driver package supports on one architecture, as /Get-DriverInfo lists it. */
public record DriverModel(String manufacturer, String description, String architecture, String hardwareId,
        String serviceName, List<String> compatibleIds, List<String> excludeIds) {
    public DriverModel {
        compatibleIds = List.copyOf(compatibleIds);
        excludeIds = List.copyOf(excludeIds);
    }
}
