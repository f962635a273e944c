package org.imagesmith.unattend.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.imagesmith.unattend.io.SourceLocation;

/** Collects problems with the position of the element they are about. */
final class Problems {
    private final List<Problem> problems = new ArrayList<>();

    void add(Severity severity, String code, EObject element, String message) {
        SourceLocation location = SourceLocation.of(element).orElse(null);
        problems.add(new Problem(severity, code, message, location == null ? 0 : location.line(),
                location == null ? 0 : location.column(), element));
    }

    static String at(EObject element) {
        return SourceLocation.of(element).map(location -> "line " + location.line()).orElse("elsewhere");
    }

    List<Problem> list() {
        return List.copyOf(problems);
    }
}
