package org.imagesmith.servicing.packages;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A package as the image's CBS registry keys record it, with the states of its updates (features). */
public record InstalledPackage(
        PackageIdentity identity,
        PackageState state,
        Optional<Instant> installTime,
        String installClient,
        String installLocation,
        String installName,
        int visibility,
        Map<String, PackageState> updateStates) {

    public InstalledPackage {
        updateStates = Map.copyOf(updateStates);
    }
}
