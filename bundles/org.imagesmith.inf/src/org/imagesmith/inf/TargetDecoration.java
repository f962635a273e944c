package org.imagesmith.inf;

import java.util.Optional;

/**
 * A TargetOSVersion decoration of [Manufacturer]: {@code NT[Architecture][.[OSMajorVersion][.[OSMinorVersion][.[
 * ProductType][.[SuiteMask][.[BuildNumber]]]]]]}, such as {@code NTamd64.10.0...22000}. Absent numbers are -1; an
 * absent architecture means any.
 */
public record TargetDecoration(String text, Optional<Architecture> architecture, int osMajorVersion,
        int osMinorVersion, int buildNumber) {

    /**
     * Parses a decoration.
     *
     * @throws InfFormatException when it does not start with NT or names an unknown architecture
     */
    public static TargetDecoration parse(String text, String where) throws InfFormatException {
        String[] parts = text.strip().split("\\.", -1);
        if (parts[0].length() < 2 || !parts[0].substring(0, 2).equalsIgnoreCase("NT")) {
            throw new InfFormatException(where + ": the decoration '" + text + "' does not start with NT");
        }
        String architectureName = parts[0].substring(2);
        Optional<Architecture> architecture = Optional.empty();
        if (!architectureName.isEmpty()) {
            architecture = Architecture.fromInfName(architectureName);
            if (architecture.isEmpty()) {
                throw new InfFormatException(where + ": the decoration '" + text + "' names the unknown architecture '"
                        + architectureName + "'");
            }
        }
        return new TargetDecoration(text.strip(), architecture, number(parts, 1), number(parts, 2), number(parts, 5));
    }

    private static int number(String[] parts, int index) {
        if (index >= parts.length || parts[index].isBlank()) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[index].strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** True when this decoration applies to {@code target}: the same architecture, or none given. */
    public boolean appliesTo(Architecture target) {
        return architecture.map(value -> value == target).orElse(true);
    }

    @Override
    public String toString() {
        return text;
    }
}
