package org.imagesmith.unattend.dsl.ui.validation;

import org.imagesmith.unattend.validation.Severity;

/**
 * A problem the editor shows, as a marker or an annotation.
 *
 * @param severity how bad it is
 * @param message what is wrong
 * @param code the validator's problem code (what quick fixes match on), empty for syntax errors
 * @param line the 1-based line
 * @param offset the offset of the text it is about
 * @param length the length of that text (at least 1 where the document has a character there)
 */
public record EditorProblem(Severity severity, String message, String code, int line, int offset, int length) {
}
