package org.imagesmith.inf;

import java.util.List;
import java.util.Optional;

/**
 * A line of a models section: the device description, the install section (DDInstall) and the hardware ID, with
 * any compatible IDs, and the decoration of the models section it came from (empty for the undecorated section).
 */
public record InfModel(String description, String installSection, String hardwareId, List<String> compatibleIds,
        Optional<TargetDecoration> decoration, int lineNumber) {
    public InfModel {
        compatibleIds = List.copyOf(compatibleIds);
    }
}
