package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DISM 6.1 commands Imagesmith does not carry out (/Cleanup-Image /spsuperseded, Windows PE profiling, /Online):
 * each is recognized with its options and refused with ERROR_NOT_SUPPORTED (50) and its reason, the image untouched.
 */
class RefusedCommandsTest {
    @TempDir
    Path dir;

    private void assertRefused(CliRun run, String reason) {
        assertEquals(ExitCode.NOT_SUPPORTED, run.exitCode(), run.err() + run.out());
        assertTrue(run.err().contains(reason), run.err());
        assertFalse(run.out().contains("completed successfully"), run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    /** A copy of a tree with its modification times, to compare the tree with after a refusal. */
    private Path copyOf(Path tree) throws IOException {
        Path copy = dir.resolve("copy");
        for (Path relative : TreeAssertions.relativeEntries(tree)) {
            Path source = tree.resolve(relative);
            if (Files.isDirectory(source)) {
                Files.createDirectories(copy.resolve(relative));
            } else {
                Files.copy(source, copy.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        for (Path relative : TreeAssertions.relativeEntries(tree).reversed()) {
            Files.setLastModifiedTime(copy.resolve(relative), Files.getLastModifiedTime(tree.resolve(relative)));
        }
        return copy;
    }

    @Test
    void cleanupImageSpSupersededIsRefusedAndTheImageIsUnchanged() throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path copy = copyOf(image);
        assertRefused(CliRun.onImage(image, dir.resolve("dism.log"), "/Cleanup-Image", "/spsuperseded", "/hidesp"),
                "/Cleanup-Image /spsuperseded is not supported");
        TreeAssertions.assertSameTree(copy, image);
    }

    @Test
    void windowsPeProfilingCommandsAreRefused() throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path copy = copyOf(image);
        for (String command : new String[] {"/Enable-Profiling", "/Disable-Profiling", "/Get-Profiling",
                "/Apply-Profiles:" + dir.resolve("profile.txt")}) {
            String name = command.split(":", 2)[0];
            assertRefused(CliRun.onImage(image, dir.resolve("dism.log"), command), name + " is not supported");
        }
        TreeAssertions.assertSameTree(copy, image);
    }

    @Test
    void onlineServicingIsRefused() {
        assertRefused(CliRun.of("/Online", "/Get-Packages"), "Online servicing is not supported");
        assertRefused(CliRun.of("/Online", "/Cleanup-Image", "/spsuperseded"), "Online servicing is not supported");
    }
}
