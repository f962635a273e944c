package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.LockHolder;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.wim.WriterLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers of one {@code /Image} folder hold its writer's lock: a second writer, in this process or another, is refused
 * at once with DISM's ERROR_SHARING_VIOLATION (32) naming the holder, readers are never blocked, and no change that
 * was reported successful is lost (the hives are read afterwards with hivexget).
 */
class ImageFolderLockTest {
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";

    @TempDir
    Path dir;
    Path image;
    Path software;
    Path system;
    SyntheticPackage update;
    Path cab;
    SyntheticDriver raid;

    @BeforeEach
    void imageAndSources() throws IOException {
        image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        software = image.resolve("Windows/System32/config/SOFTWARE");
        system = image.resolve("Windows/System32/config/SYSTEM");
        update = SyntheticPackage.update("KB2533552");
        cab = update.writeCabinetWithGcab(dir.resolve("w1"), dir.resolve("Windows6.1-KB2533552-x64.cab"));
        raid = SyntheticDriver.storage("contosoraid");
        raid.write(dir.resolve("drivers/raid"));
    }

    /** The four writers of the issue, each with a change hivexget can see afterwards. */
    private List<List<String>> writers() {
        return List.of(List.of("/Add-Package", "/PackagePath:" + cab), List.of("/Enable-Feature", "/FeatureName:TFTP"),
                List.of("/Set-TimeZone:W. Europe Standard Time"), List.of("/Add-Driver", "/Driver:" + dir.resolve("drivers/raid")));
    }

    private CliRun run(String log, List<String> args) {
        return CliRun.onImage(image, dir.resolve("logs/" + log + ".log"), args.toArray(String[]::new));
    }

    private void assertEveryChangeIsInTheHives() {
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + update.identity(), "CurrentState"),
                "the package is registered");
        assertTrue(Files.exists(image.resolve("Windows/servicing/Packages/" + update.identity() + ".mum")),
                "the package's manifest is in the image");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates", "TFTP"),
                "TFTP is enabled");
        assertEquals(Optional.of("W. Europe Standard Time"),
                Hivex.get(system, "ControlSet001\\Control\\TimeZoneInformation", "TimeZoneKeyName"), "the time zone is set");
        assertEquals(Optional.of("0"), Hivex.get(system, "ControlSet001\\Services\\contosoraid", "Start"),
                "the driver's service is registered");
    }

    @Test
    void writersStartedTogetherAreRefusedWith32OrSucceedAndNoReportedChangeIsLost() throws Exception {
        List<List<String>> writers = writers();
        int readers = 2;
        CyclicBarrier start = new CyclicBarrier(writers.size() + readers);
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + readers);
        List<Future<CliRun>> writes = new ArrayList<>();
        List<Future<CliRun>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < writers.size(); i++) {
                List<String> args = writers.get(i);
                String log = "writer" + i;
                writes.add(pool.submit(() -> {
                    start.await();
                    return run(log, args);
                }));
            }
            for (int i = 0; i < readers; i++) {
                String log = "reader" + i;
                reads.add(pool.submit(() -> {
                    start.await();
                    return run(log, List.of("/Get-Packages"));
                }));
            }
            String holder = "process " + ProcessHandle.current().pid() + " (/";
            List<List<String>> refused = new ArrayList<>();
            for (int i = 0; i < writers.size(); i++) {
                CliRun result = writes.get(i).get(5, TimeUnit.MINUTES);
                if (result.exitCode() == 32) {
                    assertTrue(result.err().contains("is being changed by another command, " + holder)
                            && result.err().contains("Wait until it finishes"), result.err());
                    assertFalse(result.out().contains("The operation completed successfully."), result.out());
                    refused.add(writers.get(i));
                } else {
                    assertEquals(0, result.exitCode(), writers.get(i) + ": " + result.err());
                }
            }
            for (Future<CliRun> read : reads) {
                CliRun result = read.get(5, TimeUnit.MINUTES);
                assertEquals(0, result.exitCode(), "a reader is never blocked: " + result.err());
                assertTrue(result.out().contains("Package Identity : " + SyntheticWindowsImage.FOUNDATION), result.out());
            }
            // a user runs the refused commands again, one after the other
            for (List<String> args : refused) {
                CliRun again = run("again", args);
                assertEquals(0, again.exitCode(), args + ": " + again.err());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEveryChangeIsInTheHives();
    }

    @Test
    void anotherProcessHoldingTheFoldersLockRefusesEveryWriterAndNoReader() throws Exception {
        Path lockFile = lockFileOf(image);
        byte[] softwareBefore = Files.readAllBytes(software);
        byte[] systemBefore = Files.readAllBytes(system);
        try (LockHolder holder = LockHolder.hold(lockFile, "process 4242 (/Add-Package, since now)")) {
            for (List<String> args : writers()) {
                CliRun refused = run("refused", args);
                assertEquals(32, refused.exitCode(), args + ": " + refused.out() + refused.err());
                assertTrue(refused.err().contains(image.toRealPath() + " is being changed by another command, process 4242"
                        + " (/Add-Package, since now). Wait until it finishes"), refused.err());
                assertFalse(refused.err().contains("Exception"), refused.err());
            }
            CliRun pkgmgr = CliRun.of("/PkgMgr", "/iu:TFTP", "/o:" + image + ";" + image.resolve("Windows"),
                    "/l:" + dir.resolve("logs/pkgmgr.log"));
            assertEquals(32, pkgmgr.exitCode(), pkgmgr.err());
            assertTrue(pkgmgr.err().contains("process 4242 (/Add-Package, since now)"), pkgmgr.err());
            CliRun listing = run("listing", List.of("/Get-Features"));
            assertEquals(0, listing.exitCode(), "readers take no lock: " + listing.err());
            assertArrayEquals(softwareBefore, Files.readAllBytes(software), "nothing was written");
            assertArrayEquals(systemBefore, Files.readAllBytes(system), "nothing was written");
            assertFalse(Files.exists(image.resolve("Windows/servicing/Packages/" + update.identity() + ".mum")));
        }
        // the holder was killed: its lock is gone with it, and the commands go through
        for (List<String> args : writers()) {
            CliRun done = run("after", args);
            assertEquals(0, done.exitCode(), args + ": " + done.err());
        }
        assertEveryChangeIsInTheHives();
    }

    /** The lock file of a folder (or WIM file): taken once here, then found by the holder line naming its real path. */
    static Path lockFileOf(Path folder) throws IOException {
        try (WriterLock probe = WriterLock.acquire(folder, "probe")) {
            String suffix = " on " + probe.target();
            try (Stream<Path> files = Files.list(WriterLock.lockFolder())) {
                for (Path file : files.toList()) {
                    if (Files.readString(file, StandardCharsets.UTF_8).strip().endsWith(suffix)) {
                        return file;
                    }
                }
            }
        }
        throw new AssertionError("no lock file names " + folder);
    }
}
