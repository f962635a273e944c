package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DISM's generic options that change nothing offline: /English (output is English) and /NoRestart. */
class GenericOptionsTest {
    @TempDir
    Path dir;

    @Test
    void englishAndNoRestartAreAccepted() throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        CliRun plain = CliRun.onImage(image, dir.resolve("dism.log"), "/Get-Packages");
        CliRun english = CliRun.onImage(image, dir.resolve("dism.log"), "/Get-Packages", "/English", "/NoRestart");
        assertEquals(0, english.exitCode(), english.err());
        assertTrue(english.out().contains("Package Identity : " + SyntheticWindowsImage.FOUNDATION), english.out());
        assertEquals(plain.out(), english.out(), "the same listing, in English");
    }
}
