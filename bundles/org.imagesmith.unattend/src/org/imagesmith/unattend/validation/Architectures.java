package org.imagesmith.unattend.validation;

import java.util.Locale;

/** Which processorArchitecture values apply to an image of a given architecture. */
final class Architectures {
    private Architectures() {
    }

    /** Whether a component or package of architecture applies to a target image; neutral only when allowed. */
    static boolean applies(String target, String architecture, boolean neutralAllowed) {
        String t = target.toLowerCase(Locale.ROOT);
        String a = architecture.toLowerCase(Locale.ROOT);
        if (a.equals(t) || (neutralAllowed && a.equals("neutral"))) {
            return true;
        }
        return a.equals("wow64") && (t.equals("amd64") || t.equals("arm64"));
    }
}
