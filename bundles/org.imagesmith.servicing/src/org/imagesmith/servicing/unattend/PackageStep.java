package org.imagesmith.servicing.unattend;

import java.util.List;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;

/**
 * One package of an answer file's servicing section, checked and ready to apply.
 *
 * @param element the package element (for its position in the file)
 * @param action install, remove, stage or configure
 * @param identity the package's identity (from its source for install and stage)
 * @param sources the expanded source (one package; for install and stage only, else empty)
 * @param features the selections as feature name to enable (true) or disable (false), in document order
 * @param kind whether it is a language pack, an update or another package, for the installation order
 */
record PackageStep(Package element, PackageAction action, PackageIdentity identity, List<PackageSource> sources,
        List<FeatureSelection> features, Kind kind) {

    /** The order class of a package: language packs go before other packages, updates after them. */
    enum Kind {
        LANGUAGE_PACK, OTHER, UPDATE
    }

    /** A selection: the feature and whether to enable it. */
    record FeatureSelection(String name, boolean enable) {
    }

    PackageStep {
        sources = List.copyOf(sources);
        features = List.copyOf(features);
    }

    /** The line:column of the package element. */
    String at() {
        return Positions.of(element);
    }

    String name() {
        return identity.name();
    }
}
