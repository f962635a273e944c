package org.imagesmith.inf;

import java.util.Locale;
import java.util.Optional;

/** The processor architectures of INF decorations (NTx86, NTamd64, ...) and of [SourceDisksFiles.arch]. */
public enum Architecture {
    X86("x86"),
    AMD64("amd64"),
    IA64("ia64"),
    ARM("arm"),
    ARM64("arm64");

    private final String infName;

    Architecture(String infName) {
        this.infName = infName;
    }

    /** The name used in INF files: x86, amd64, ia64, arm, arm64. */
    public String infName() {
        return infName;
    }

    /** The architecture of an INF name, ignoring case. */
    public static Optional<Architecture> fromInfName(String name) {
        for (Architecture value : values()) {
            if (value.infName.equalsIgnoreCase(name.strip())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return infName.toLowerCase(Locale.ROOT);
    }
}
