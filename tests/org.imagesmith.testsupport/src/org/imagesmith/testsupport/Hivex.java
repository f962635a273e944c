package org.imagesmith.testsupport;

import java.nio.file.Path;
import java.util.Optional;

/** hivexget (Debian package libhivex-bin), the oracle for registry hives: reads a value as hivex sees it. */
public final class Hivex {
    private static final ExternalTool HIVEXGET = new ExternalTool("hivexget", "libhivex-bin");

    private Hivex() {
    }

    /**
     * The value as hivexget prints it (decimal for DWORDs, text for strings), or empty when the key or the value
     * does not exist.
     *
     * @param keyPath a key path with backslashes, without the root ("Microsoft\\Windows NT\\CurrentVersion")
     */
    public static Optional<String> get(Path hive, String keyPath, String value) {
        ExternalTool.Result result = HIVEXGET.runAllowingFailure(hive.toString(), "\\" + keyPath, value);
        if (result.exitCode() != 0) {
            return Optional.empty();
        }
        return Optional.of(result.stdout().strip());
    }

    /** True when hivex finds the key. */
    public static boolean hasKey(Path hive, String keyPath) {
        return HIVEXGET.runAllowingFailure(hive.toString(), "\\" + keyPath).exitCode() == 0;
    }
}
