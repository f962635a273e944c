package org.imagesmith.inf;

import java.util.List;

/**
 * One entry of a section: its key ({@code null} for a line without {@code =}), its comma-separated values with
 * quotes removed and %strkey% tokens replaced, and the line number where it starts.
 */
public record InfLine(String key, List<String> values, int lineNumber) {
    public InfLine {
        values = List.copyOf(values);
    }

    /** The value at {@code index}, or "" when the line has fewer values. */
    public String value(int index) {
        return index < values.size() ? values.get(index) : "";
    }

    /** The first value, or "". */
    public String value() {
        return value(0);
    }

    /** True when the key equals {@code name}, ignoring case as Windows does. */
    public boolean hasKey(String name) {
        return key != null && key.equalsIgnoreCase(name);
    }
}
