package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.imagesmith.testsupport.LockHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WriterLock}: one writer at a time per target, whatever path names it; a second writer learns who holds it;
 * the lock of a killed process is gone at once; the target itself is never written.
 */
class WriterLockTest {
    @TempDir
    Path dir;

    @Test
    void secondWriterInThisProcessIsRefusedAndNamesTheFirst() throws IOException {
        Path locks = dir.resolve("locks");
        Path image = Files.createDirectories(dir.resolve("image"));
        try (WriterLock first = WriterLock.acquire(locks, image, "/Add-Package")) {
            WriterLock.TargetLockedException refused = assertThrows(WriterLock.TargetLockedException.class,
                    () -> WriterLock.acquire(locks, image, "/Enable-Feature"));
            assertTrue(refused.holder().contains("/Add-Package"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Wait until it finishes"), refused.getMessage());
            assertEquals(Optional.of(first.target()), WriterLock.holder(locks, image).map(h -> first.target()));
        }
        assertEquals(Optional.empty(), WriterLock.holder(locks, image));
        try (WriterLock again = WriterLock.acquire(locks, image, "/Enable-Feature")) {
            assertEquals(image.toRealPath(), again.target());
        }
        try (var entries = Files.list(image)) {
            assertEquals(0, entries.count(), "nothing is written into the target");
        }
    }

    @Test
    void aLinkAndARelativeSpellingNameTheSameLock() throws IOException {
        Path locks = dir.resolve("locks");
        Path wim = Files.createFile(dir.resolve("install.wim"));
        Path link = Files.createSymbolicLink(dir.resolve("link.wim"), wim);
        try (WriterLock held = WriterLock.acquire(locks, wim, "commit")) {
            assertThrows(WriterLock.TargetLockedException.class, () -> WriterLock.acquire(locks, link, "append"));
            assertThrows(WriterLock.TargetLockedException.class,
                    () -> WriterLock.acquire(locks, dir.resolve("x/../install.wim"), "delete"));
        }
    }

    @Test
    void anotherProcessHoldsTheLockUntilItIsKilled() throws Exception {
        Path locks = dir.resolve("locks");
        Path wim = Files.createFile(dir.resolve("install.wim"));
        // find the lock file's name by taking the lock once
        try (WriterLock once = WriterLock.acquire(locks, wim, "probe")) {
            // nothing
        }
        Path lockFile;
        try (var files = Files.list(locks)) {
            lockFile = files.findFirst().orElseThrow();
        }
        // a process that takes the same fcntl record lock, says so, and sleeps until it is killed
        try (LockHolder holder = LockHolder.hold(lockFile, "process 4242 (/Unmount-Wim, since now)")) {
            WriterLock.TargetLockedException refused = assertThrows(WriterLock.TargetLockedException.class,
                    () -> WriterLock.acquire(locks, wim, "/Append-Image"));
            assertEquals("process 4242 (/Unmount-Wim, since now)", refused.holder());
            assertEquals(Optional.of("process 4242 (/Unmount-Wim, since now)"), WriterLock.holder(locks, wim));
        }
        // the kill released it: no stale lock
        try (WriterLock mine = WriterLock.acquire(locks, wim, "/Append-Image")) {
            assertEquals(wim.toRealPath(), mine.target());
        }
    }
}
