package org.imagesmith.inf;

import java.util.List;
import java.util.Optional;

/** A section with its lines, duplicated sections of the file merged in file order. */
public record InfSection(String name, List<InfLine> lines) {
    public InfSection {
        lines = List.copyOf(lines);
    }

    /** The first line with this key (ignoring case), as SetupFindFirstLine finds it. */
    public Optional<InfLine> line(String key) {
        return lines.stream().filter(line -> line.hasKey(key)).findFirst();
    }

    /** All lines with this key, in order (directives such as CopyFiles may repeat). */
    public List<InfLine> lines(String key) {
        return lines.stream().filter(line -> line.hasKey(key)).toList();
    }

    /** The first value of the first line with this key. */
    public Optional<String> value(String key) {
        return line(key).map(InfLine::value);
    }
}
