package org.imagesmith.unattend.dsl.ui.quickfix;

import org.eclipse.text.edits.TextEdit;

/**
 * A change of an answer file's text that solves a problem.
 *
 * @param label what it does, as a quick fix names it
 * @param edit the change (to a copy of the text it was computed on)
 */
public record Fix(String label, TextEdit edit) {
}
