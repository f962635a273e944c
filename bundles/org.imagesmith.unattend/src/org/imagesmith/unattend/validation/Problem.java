package org.imagesmith.unattend.validation;

import org.eclipse.emf.ecore.EObject;

/**
 * A problem found in an answer file.
 *
 * @param severity how serious it is
 * @param code a stable identifier of the rule (for example wrong-pass)
 * @param message what is wrong and what to do, for a user
 * @param line the 1-based line of the element in the file, 0 when the model was not read from a file
 * @param column the 1-based column of the element's '&lt;', 0 when unknown
 * @param element the model object the problem is about
 */
public record Problem(Severity severity, String code, String message, int line, int column, EObject element) {

    @Override
    public String toString() {
        return line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message + " [" + code + "]";
    }
}
