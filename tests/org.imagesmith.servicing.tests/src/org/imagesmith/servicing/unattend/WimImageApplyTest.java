package org.imagesmith.servicing.unattend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.servicing.WimImage;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.drivers.InstalledDriver;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStatus;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offlineServicing pass applied straight to an image of a WIM file ({@link WimImage}): the result, applied with
 * wimlib-imagex, equals the same answer file applied to the image in a folder (packages, features, drivers, hives,
 * every other file); a failure or a refusal leaves the WIM file byte for byte as it was; a mounted file is refused.
 */
class WimImageApplyTest {
    @TempDir
    Path dir;
    Path folderImage;
    Path wim;
    Path answers;
    Path log;
    MountedImages mounts;

    @BeforeEach
    void images() throws IOException {
        Path source = SyntheticWindowsImage.write(dir.resolve("source"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        wim = dir.resolve("install.wim");
        Wimlib.capture(source, wim, "Windows 7 PROFESSIONAL", "Windows 7 Professional", "--compress=lzx");
        folderImage = dir.resolve("folder");
        Wimlib.apply(wim, 1, folderImage);
        answers = Files.createDirectories(dir.resolve("config"));
        log = dir.resolve("dism.log");
        mounts = new MountedImages(new MountStore(dir.resolve("mounts")));
    }

    private UnattendServicing.Result applyToWim(Path answerFile) throws Exception {
        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO);
                WimImage image = WimImage.open(wim, 1, Optional.of(dir), mounts);
                ServicingSession session = ServicingSession.open(image, servicingLog, Optional.empty())) {
            UnattendServicing.Result result = new UnattendServicing(session).apply(answerFile);
            assertTrue(image.hasChanges());
            CommitResult commit = image.commit(false, (done, total) -> { });
            assertTrue(commit.streamsCompressed() > 0);
            return result;
        }
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    @Test
    void applyingToTheWimEqualsApplyingToTheFolder() throws Exception {
        UnattendServicingTest.writeSources(answers, dir.resolve("work"));
        Path file = Files.writeString(answers.resolve("unattend.xml"), UnattendServicingTest.fullAnswerFile("amd64"));
        UnattendServicing.Result onWim = applyToWim(file);
        UnattendServicing.Result onFolder;
        try (ServicingLog servicingLog = ServicingLog.open(dir.resolve("folder.log"), LogLevel.INFO);
                ServicingSession session = ServicingSession.open(DirectoryImage.open(folderImage), servicingLog,
                        Optional.empty())) {
            onFolder = new UnattendServicing(session).apply(file);
        }
        assertEquals(onFolder.actions(), onWim.actions());
        Wimlib.verify(wim);

        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(UnattendServicingTest.packageStates(folderImage), UnattendServicingTest.packageStates(applied));
        assertEquals(UnattendServicingTest.featureStates(folderImage), UnattendServicingTest.featureStates(applied));
        assertEquals("Installed", UnattendServicingTest.packageStates(applied).get(UnattendServicingTest.LANGUAGE_PACK.identity()));
        assertEquals("Enabled", UnattendServicingTest.featureStates(applied).get("TelnetClient"));
        assertEquals(drivers(folderImage), drivers(applied));
        assertEquals(List.of("contosonet.inf", "contososcsi.inf"), drivers(applied));
        assertEquals(Optional.of("CONTOSO-LAB-01"), Hivex.get(applied.resolve("Windows/System32/config/SYSTEM"),
                "ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName"));

        // every file but the hives (whose timestamps differ) is the same, byte for byte
        TreeMap<String, String> expected = TreeDigests.of(folderImage);
        TreeMap<String, String> actual = TreeDigests.of(applied);
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            if (!name.startsWith("Windows/System32/config/")) {
                assertEquals(expected.get(name), actual.get(name), name);
            }
        }
    }

    private static List<String> drivers(Path root) throws Exception {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            return new DriverServicing(session).drivers(false).stream().map(InstalledDriver::originalFileName).sorted().toList();
        }
    }

    @Test
    void aFailurePartWayWritesNothingToTheWim() throws Exception {
        Path file = Files.writeString(answers.resolve("unattend.xml"),
                UnattendServicingTest.answerFileFailingPartWay(answers, dir.resolve("work")));
        String before = sha1(wim);

        try (ServicingLog servicingLog = ServicingLog.open(log, LogLevel.INFO);
                WimImage image = WimImage.open(wim, 1, Optional.of(dir), mounts);
                ServicingSession session = ServicingSession.open(image, servicingLog, Optional.empty())) {
            ServicingException e = assertThrows(ServicingException.class, () -> new UnattendServicing(session).apply(file));
            assertEquals(ServicingException.NOT_APPLICABLE, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was written to the image"), e.getMessage());
        }
        assertEquals(before, sha1(wim));
        try (Stream<Path> left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("imagesmith-")),
                    "the staging folder is deleted");
        }
    }

    @Test
    void aMountedImageIsRefused() throws Exception {
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        mounts.mount(wim, 1, mountDir, true, (done, total) -> { });
        ServicingException e = assertThrows(ServicingException.class, () -> WimImage.open(wim, 1, Optional.of(dir), mounts));
        assertEquals(ServicingException.SHARING_VIOLATION, e.errorCode());
        assertTrue(e.getMessage().contains("is mounted at " + mountDir), e.getMessage());
    }

    @Test
    void theMountOfAnotherImageStaysValidAndCommitsAfterwards() throws Exception {
        Wimlib.append(folderImage, wim, "Windows 7 ULTIMATE", "second edition");
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        MountRecord mount = mounts.mount(wim, 2, mountDir, false, (done, total) -> { });
        UnattendServicingTest.writeSources(answers, dir.resolve("work"));
        applyToWim(Files.writeString(answers.resolve("unattend.xml"), UnattendServicingTest.fullAnswerFile("amd64")));

        assertEquals(MountStatus.OK, mounts.status(mounts.record(mountDir)), "the other image's mount is still Ok");
        Files.writeString(mountDir.resolve("Windows/edited-in-the-mount.txt"), "edited");
        mounts.commit(mountDir, false, (done, total) -> { });
        mounts.discard(mountDir);
        Wimlib.verify(wim);
        Path first = dir.resolve("first");
        Wimlib.apply(wim, 1, first);
        assertEquals("Installed", UnattendServicingTest.packageStates(first).get(UnattendServicingTest.LANGUAGE_PACK.identity()),
                "the change in place survives the other image's commit");
        Path second = dir.resolve("second");
        Wimlib.apply(wim, 2, second);
        assertEquals("edited", Files.readString(second.resolve("Windows/edited-in-the-mount.txt")));
        assertEquals(2, mount.imageIndex());
    }

    @Test
    void aWimThatIsNotAWindowsImageIsRefused() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("not-windows/Program Files"));
        Files.writeString(tree.resolve("readme.txt"), "not an image");
        Path other = dir.resolve("other.wim");
        Wimlib.capture(tree.getParent(), other, "Data", "");
        ServicingException e = assertThrows(ServicingException.class, () -> WimImage.open(other, 1, Optional.of(dir), mounts));
        assertTrue(e.getMessage().contains("holds no Windows folder"), e.getMessage());
        ServicingException noImage = assertThrows(ServicingException.class, () -> WimImage.open(other, 2, Optional.of(dir), mounts));
        assertEquals(ServicingException.INVALID_PARAMETER, noImage.errorCode());
    }
}
