package org.imagesmith.servicing.apps;

import java.util.List;
import java.util.Optional;

/**
 * Whether a patch applies to the image (/Check-AppPatch): for each product the patch targets, whether the image
 * has it and whether the patch's transforms accept its version.
 */
public record PatchApplicability(PatchPackage patch, List<Target> targets) {

    public PatchApplicability {
        targets = List.copyOf(targets);
    }

    /**
     * One target product of the patch.
     *
     * @param installed the product as the image registers it, if it does
     * @param reason why the patch does not apply to it; empty when it does
     */
    public record Target(PackedGuid productCode, Optional<InstalledApp> installed, Optional<String> reason) {
        public boolean applicable() {
            return reason.isEmpty();
        }
    }

    /** True when the patch applies to at least one product of the image. */
    public boolean applicable() {
        return targets.stream().anyMatch(Target::applicable);
    }
}
