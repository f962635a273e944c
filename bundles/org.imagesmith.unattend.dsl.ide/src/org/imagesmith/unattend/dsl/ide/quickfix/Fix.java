package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.Comparator;
import java.util.List;

/**
 * A change of an answer file's text that solves a problem.
 *
 * @param label what it does, as an editor lists it
 * @param changes the changes, all to the text the fix was computed on; they do not overlap
 */
public record Fix(String label, List<TextChange> changes) {

    /** A fix of the changes (copied). */
    public Fix {
        changes = List.copyOf(changes);
    }

    /** text, which the fix was computed on, with the changes made. */
    public String applyTo(String text) {
        StringBuilder out = new StringBuilder(text);
        changes.stream().sorted(Comparator.comparingInt(TextChange::offset).thenComparingInt(TextChange::length).reversed())
                .forEach(change -> out.replace(change.offset(), change.end(), change.text()));
        return out.toString();
    }
}
