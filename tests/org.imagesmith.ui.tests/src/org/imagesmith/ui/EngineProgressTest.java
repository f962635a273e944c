package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engine's progress callbacks feed the job's monitor, and a canceled monitor undoes a mount. */
@ExtendWith(NoLoggedErrors.class)
class EngineProgressTest {
    @TempDir
    Path dir;

    /** Counts the work reported. */
    private static final class CountingMonitor extends NullProgressMonitor {
        int total;
        int worked;

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
        }

        @Override
        public void worked(int work) {
            worked += work;
        }
    }

    private Path wim() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("tree"), 1), wim, "Windows 7 HOMEBASIC", "Home Basic");
        return wim;
    }

    @Test
    void aMountReportsAllItsWork() throws Exception {
        MountedImages images = new MountedImages(new MountStore(dir.resolve("store")));
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        CountingMonitor monitor = new CountingMonitor();
        images.mount(wim(), 1, mountDir, true, new EngineProgress(monitor, "Mounting", true));
        assertEquals(EngineProgress.UNITS, monitor.total);
        assertEquals(EngineProgress.UNITS, monitor.worked, "the whole image was applied");
    }

    @Test
    void aCanceledMountLeavesNothingBehind() throws Exception {
        MountedImages images = new MountedImages(new MountStore(dir.resolve("store")));
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        CountingMonitor monitor = new CountingMonitor();
        monitor.setCanceled(true);
        Path wim = wim();
        assertThrows(OperationCanceledException.class,
                () -> images.mount(wim, 1, mountDir, false, new EngineProgress(monitor, "Mounting", true)));
        try (var entries = Files.list(mountDir)) {
            assertTrue(entries.findAny().isEmpty(), "the mount directory is emptied again");
        }
        assertTrue(images.store().records().isEmpty(), "no mount is recorded");
    }

    @Test
    void anOperationThatCannotBeUndoneIgnoresCancel() {
        CountingMonitor monitor = new CountingMonitor();
        monitor.setCanceled(true);
        EngineProgress progress = new EngineProgress(monitor, "Remounting", false);
        progress.bytesApplied(50, 100);
        progress.bytesApplied(100, 100);
        assertEquals(EngineProgress.UNITS, monitor.worked);
    }
}
