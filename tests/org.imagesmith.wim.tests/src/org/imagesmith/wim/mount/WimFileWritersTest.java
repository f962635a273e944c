package org.imagesmith.wim.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.ApplyOptions;
import org.imagesmith.wim.DirectoryCapture;
import org.imagesmith.wim.ImageDeletion;
import org.imagesmith.wim.ImageExport;
import org.imagesmith.wim.ImageCommit;
import org.imagesmith.wim.ImageMetadata;
import org.imagesmith.wim.LastImageException;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WimWriter;
import org.imagesmith.wim.WriterLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers of one WIM file racing on two threads (read/write mounts, commits, appends, exports into it, deletes):
 * exactly one wins at a time, the other is refused at once with the lock's holder, and what every winner did is in
 * the file, as wimlib-imagex reads it. And the guard rails: no append to or delete from a file with a read/write
 * mount, no deletion of a file's last image.
 */
class WimFileWritersTest {
    /** Rounds of each race: the unlocked writers lost a change in every round of 3 to 5 tried by hand. */
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;
    Path wim;
    MountedImages mounts;
    ExecutorService threads;

    @BeforeEach
    void wimAndStore() throws IOException {
        wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("src1"), 1), wim, "One", "first", "--compress=lzx");
        Wimlib.append(SyntheticTree.write(dir.resolve("src2"), 2), wim, "Two", "second", "--compress=lzx");
        mounts = new MountedImages(new MountStore(dir.resolve("state/mounts")));
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
    }

    @FunctionalInterface
    private interface Write {
        void run() throws Exception;
    }

    /** What one writer of a race did: nothing (it succeeded) or the failure it got. */
    private record Outcome(Optional<Throwable> failure) {
        boolean won() {
            return failure.isEmpty();
        }
    }

    /** Starts both writers at the same instant and waits for both. */
    private List<Outcome> race(Write first, Write second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Write write : List.of(first, second)) {
            futures.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    write.run();
                    return new Outcome(Optional.empty());
                } catch (Exception e) {
                    return new Outcome(Optional.of(e));
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(300, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /** A loser of a race was refused because the other held the lock, and was told who. */
    private static void assertLockedOut(Outcome outcome) {
        Throwable failure = outcome.failure().orElseThrow();
        WriterLock.TargetLockedException locked = assertInstanceOf(WriterLock.TargetLockedException.class, failure,
                () -> "the loser is refused by the lock, not by a damaged file: " + failure);
        assertTrue(locked.getMessage().contains("Wait until it finishes"), locked.getMessage());
        assertTrue(locked.holder().startsWith("process " + ProcessHandle.current().pid()), locked.holder());
    }

    /** Mounts an image read/write at "mount" and changes a file of it. */
    private Path mountWithChange(int index, String name, String text) throws IOException {
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        mounts.mount(wim, index, mountDir, false, ApplyOptions.DEFAULT.progress());
        writeMarker(mountDir, name, text);
        return mountDir;
    }

    private static Path writeMarker(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve("Windows").resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The content of a file of an image, as wimlib-imagex extracts it. */
    private Optional<String> fileInImage(int index, String path) throws IOException {
        Path target = Files.createTempDirectory(dir, "applied-");
        Wimlib.apply(wim, index, target);
        Path file = target.resolve(path);
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                : Optional.empty();
    }

    private List<String> imageNames() {
        return Wimlib.info(wim).images().stream().map(image -> image.get("Name")).toList();
    }

    @Test
    void twoReadWriteMountsOfOneImageRacingGiveOneMount() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path first = Files.createDirectories(dir.resolve("first" + round));
            Path second = Files.createDirectories(dir.resolve("second" + round));
            List<Outcome> outcomes = race(() -> mounts.mount(wim, 1, first, false, ApplyOptions.DEFAULT.progress()),
                    () -> mounts.mount(wim, 1, second, false, ApplyOptions.DEFAULT.progress()));
            assertEquals(1, outcomes.stream().filter(Outcome::won).count(), "round " + round + ": " + outcomes);
            Outcome lost = outcomes.stream().filter(o -> !o.won()).findFirst().orElseThrow();
            Throwable failure = lost.failure().orElseThrow();
            if (failure instanceof MountException refused) {
                // the winner had registered before the loser looked
                assertEquals(MountException.MOUNTED_READ_WRITE, refused.errorCode(), refused.getMessage());
            } else {
                assertLockedOut(lost);
            }
            List<MountRecord> records = mounts.store().records();
            assertEquals(1, records.size(), records.toString());
            Path loser = outcomes.get(0).won() ? second : first;
            try (var left = Files.list(loser)) {
                assertEquals(0, left.count(), "the refused mount wrote nothing into its directory");
            }
            mounts.discard(records.get(0).mountDir());
        }
    }

    @Test
    void aCommitAndAnAppendRacingLoseNothing() throws Exception {
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        mounts.mount(wim, 1, mountDir, false, ApplyOptions.DEFAULT.progress());
        ImageMetadata original = ImageMetadata.parse(mounts.store().metadata(mountDir));
        Path appended = SyntheticTree.write(dir.resolve("appended"), 3);
        int expectedImages = 2;
        for (int round = 0; round < ROUNDS; round++) {
            String marker = "commit of round " + round;
            writeMarker(mountDir, "round.txt", marker);
            String name = "Appended " + round;
            // the engine's writers, without the CLI's mount guard (which refuses any append to a mounted file)
            List<Outcome> outcomes = race(
                    () -> ImageCommit.commit(wim, 1, mountDir, original, false, (done, total) -> { }),
                    () -> append(appended, name));
            Wimlib.verify(wim);
            List<String> names = imageNames();
            if (outcomes.get(1).won()) {
                expectedImages++;
                assertEquals(name, names.get(names.size() - 1), "the appended image is kept: " + names);
            } else {
                assertLockedOut(outcomes.get(1));
            }
            assertEquals(expectedImages, names.size(), "round " + round + ": " + names);
            if (outcomes.get(0).won()) {
                assertEquals(Optional.of(marker), fileInImage(1, "Windows/round.txt"), "the commit is kept");
            } else {
                assertLockedOut(outcomes.get(0));
            }
        }
    }

    @Test
    void anExportIntoAFileAndAnInPlaceDeleteRacingLoseNothing() throws Exception {
        Path other = dir.resolve("other.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("src3"), 3), other, "Three", "third", "--compress=lzx");
        Path tree = SyntheticTree.write(dir.resolve("refill"), 4);
        int images = 2;
        for (int round = 0; round < ROUNDS; round++) {
            if (images == 1) {
                // the deletes won the rounds so far: the file keeps two images, so that a delete is never its last
                append(tree, "Refill " + round);
                images++;
            }
            String name = "Exported " + round;
            List<Outcome> outcomes = race(
                    () -> {
                        try (WimFile source = WimFile.open(other); WimWriter writer = WimWriter.append(wim, false)) {
                            ImageExport.exportImage(writer, source, 1, Optional.of(name), Optional.empty());
                            writer.commit();
                        }
                    },
                    () -> ImageDeletion.deleteImage(wim, 1, false));
            Wimlib.verify(wim);
            List<String> names = imageNames();
            int expected = images + (outcomes.get(0).won() ? 1 : 0) - (outcomes.get(1).won() ? 1 : 0);
            assertEquals(expected, names.size(), "round " + round + ": " + outcomes + " " + names);
            if (outcomes.get(0).won()) {
                assertTrue(names.contains(name), "the exported image is kept: " + names);
            } else {
                assertLockedOut(outcomes.get(0));
            }
            if (!outcomes.get(1).won()) {
                assertLockedOut(outcomes.get(1));
            }
            images = expected;
        }
    }

    @Test
    void twoAppendsRacingLeaveAFileWithEveryWinnersImage() throws Exception {
        Path tree = SyntheticTree.write(dir.resolve("appended"), 3);
        int images = 2;
        for (int round = 0; round < ROUNDS; round++) {
            String a = "A " + round;
            String b = "B " + round;
            List<Outcome> outcomes = race(() -> append(tree, a), () -> append(tree, b));
            Wimlib.verify(wim);
            List<String> names = imageNames();
            for (int i = 0; i < 2; i++) {
                if (outcomes.get(i).won()) {
                    images++;
                    assertTrue(names.contains(i == 0 ? a : b), names.toString());
                } else {
                    assertLockedOut(outcomes.get(i));
                }
            }
            assertEquals(images, names.size(), names.toString());
        }
    }

    private void append(Path tree, String name) throws IOException {
        try (WimWriter writer = WimWriter.append(wim, false)) {
            DirectoryCapture.capture(writer, tree, name, "", (done, total) -> { });
            writer.commit();
        }
    }

    @Test
    void aFileWithAReadWriteMountRefusesAppendAndDeleteAndTheMountStillCommits() throws IOException {
        Path mountDir = mountWithChange(2, "kept.txt", "committed after the refusals");
        long size = Files.size(wim);
        MountGuard guard = new MountGuard(mounts);

        MountException delete = assertThrows(MountException.class, () -> guard.deleteImage(wim, 1, false));
        assertEquals(MountException.MOUNTED_READ_WRITE, delete.errorCode());
        assertTrue(delete.getMessage().contains("Image 2 of " + wim.toRealPath() + " is mounted read/write at "
                + mountDir.toRealPath()) && delete.getMessage().contains("/Unmount-Wim"), delete.getMessage());
        MountException append = assertThrows(MountException.class, () -> guard.append(wim, false));
        assertEquals(MountException.MOUNTED_READ_WRITE, append.errorCode());
        assertTrue(append.getMessage().contains("Adding an image to the file"), append.getMessage());

        assertEquals(size, Files.size(wim), "nothing was written");
        assertEquals(List.of("One", "Two"), imageNames());
        assertEquals(Optional.empty(), WriterLock.holder(wim), "the refusals released the lock");
        assertEquals(MountStatus.OK, mounts.status(mounts.record(mountDir)));
        mounts.commit(mountDir, false, (done, total) -> { });
        assertEquals(Optional.of("committed after the refusals"), fileInImage(2, "Windows/kept.txt"));

        // a read-only mount forbids nothing: discarding it loses nothing
        mounts.discard(mountDir);
        mounts.mount(wim, 1, mountDir, true, ApplyOptions.DEFAULT.progress());
        guard.deleteImage(wim, 2, false);
        assertEquals(List.of("One"), imageNames());
    }

    @Test
    void theLastImageOfAFileCannotBeDeleted() throws IOException {
        ImageDeletion.deleteImage(wim, 1, false);
        long size = Files.size(wim);
        LastImageException refused = assertThrows(LastImageException.class, () -> ImageDeletion.deleteImage(wim, 1,
                false));
        assertTrue(refused.getMessage().contains("only image"), refused.getMessage());
        assertEquals(size, Files.size(wim));
        assertEquals(List.of("Two"), imageNames());
        Wimlib.verify(wim);
    }

    @Test
    void aCommitIsRefusedAtOnceWhileTheFileOrTheMountFolderIsLocked() throws IOException {
        Path mountDir = mountWithChange(1, "late.txt", "written by an /Image command");
        long size = Files.size(wim);
        try (WriterLock imageCommand = WriterLock.acquire(mountDir, "/Add-Package")) {
            WriterLock.TargetLockedException refused = assertThrows(WriterLock.TargetLockedException.class,
                    () -> mounts.commit(mountDir, false, (done, total) -> { }));
            assertTrue(refused.holder().contains("/Add-Package"), refused.getMessage());
            assertThrows(WriterLock.TargetLockedException.class, () -> mounts.discard(mountDir));
        }
        assertEquals(size, Files.size(wim), "the refused commit wrote nothing");
        assertEquals(Optional.empty(), WriterLock.holder(wim), "nor kept the file's lock");
        try (WriterLock appending = WriterLock.acquire(wim, "/Append-Image")) {
            assertThrows(WriterLock.TargetLockedException.class,
                    () -> mounts.commit(mountDir, false, (done, total) -> { }));
            assertThrows(WriterLock.TargetLockedException.class,
                    () -> mounts.mount(wim, 2, Files.createDirectories(dir.resolve("second")), false,
                            ApplyOptions.DEFAULT.progress()));
        }
        assertFalse(mounts.store().find(dir.resolve("second")).isPresent());
        mounts.commit(mountDir, false, (done, total) -> { });
        assertEquals(Optional.of("written by an /Image command"), fileInImage(1, "Windows/late.txt"));
    }
}
