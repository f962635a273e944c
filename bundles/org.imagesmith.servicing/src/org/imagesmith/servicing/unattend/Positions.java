package org.imagesmith.servicing.unattend;

import org.eclipse.emf.ecore.EObject;
import org.imagesmith.unattend.io.SourceLocation;

/** Where a model object is in the answer file, as messages write it (line:column). */
final class Positions {
    private Positions() {
    }

    static String of(EObject object) {
        return SourceLocation.of(object).map(SourceLocation::toString).orElse("?:?");
    }

    static int line(EObject object) {
        return SourceLocation.of(object).map(SourceLocation::line).orElse(0);
    }
}
