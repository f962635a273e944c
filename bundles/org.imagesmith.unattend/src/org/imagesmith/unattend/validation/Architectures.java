package org.imagesmith.unattend.validation;

import java.util.List;
import java.util.Locale;

/**
 * The processorArchitecture values of answer files: those a component can have, and which of them apply to an
 * image of a given architecture.
 */
public final class Architectures {
    /**
     * The architectures of components (the names Windows gives them, as DISM and Windows SIM write them): x86, amd64,
     * arm64, wow64 (32-bit components of a 64-bit image), and ia64 and arm of older releases.
     */
    public static final List<String> COMPONENT = List.of("x86", "amd64", "arm64", "wow64", "ia64", "arm");

    private Architectures() {
    }

    /** Whether architecture (in any case) is one a component can have. */
    public static boolean isComponentArchitecture(String architecture) {
        return architecture != null && COMPONENT.contains(architecture.toLowerCase(Locale.ROOT));
    }

    /** The component architectures that apply to an image of target (amd64: amd64 and wow64), target's own first. */
    public static List<String> forImage(String target) {
        return COMPONENT.stream().filter(architecture -> applies(target, architecture, false))
                .sorted((a, b) -> Boolean.compare(!a.equalsIgnoreCase(target), !b.equalsIgnoreCase(target))).toList();
    }

    /** Whether a component or package of architecture applies to a target image; neutral only when allowed. */
    public static boolean applies(String target, String architecture, boolean neutralAllowed) {
        String t = target.toLowerCase(Locale.ROOT);
        String a = architecture.toLowerCase(Locale.ROOT);
        if (a.equals(t) || (neutralAllowed && a.equals("neutral"))) {
            return true;
        }
        return a.equals("wow64") && (t.equals("amd64") || t.equals("arm64"));
    }
}
