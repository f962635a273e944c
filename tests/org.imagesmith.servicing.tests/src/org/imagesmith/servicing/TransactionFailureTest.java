package org.imagesmith.servicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.editions.EditionServicing;
import org.imagesmith.servicing.international.InternationalServicing;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.servicing.pe.WindowsPeServicing;
import org.imagesmith.servicing.unattend.UnattendServicing;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.SyntheticWindowsPe;
import org.imagesmith.testsupport.Windows7AnswerFile;
import org.junit.jupiter.api.Test;

/**
 * One transaction mechanism for every provider: a failure injected at the last moment (when the transaction starts
 * to write the hives, after every file and in-memory hive change of the command) leaves every file of the image
 * byte for byte as it was; the same command without the failure does change the image.
 */
class TransactionFailureTest extends Windows7ImageTest {
    private interface Command {
        void run(ServicingSession session) throws Exception;
    }

    private void run(Command command, boolean failLate) throws Exception {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(),
                Optional.of(dir))) {
            if (failLate) {
                session.beforeCommit = () -> {
                    throw new IllegalStateException("injected failure");
                };
            }
            command.run(session);
        }
    }

    /** The command fails late and leaves the image as it was, then succeeds and changes it. */
    private void undoneWhenItFailsLate(Command command) throws Exception {
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> run(command, true));
        assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        assertEquals(before, TreeDigests.of(root), "the failed command left the image byte for byte as it was");
        run(command, false);
        assertNotEquals(before, TreeDigests.of(root), "the command changes the image when nothing fails");
    }

    private ServicingSession open() throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.of(dir));
    }

    @Test
    void aCommandKilledPartWayIsUndoneByTheNextSession() throws Exception {
        TreeMap<String, String> before = TreeDigests.of(root);
        Path folder = SyntheticPackage.update("KB2600002").writeFolder(dir.resolve("kb"));
        Path nic = SyntheticDriver.network("contosonic").write(dir.resolve("nic"));
        try (ServicingSession session = open()) {
            ServicingTransaction killed = session.begin();
            new PackageServicing(session).add(PackageSource.open(folder, session.scratch()),
                    new PackageServicing.AddOptions(false, false));
            DriverServicing drivers = new DriverServicing(session);
            drivers.add(drivers.open(List.of(nic), false), new DriverServicing.AddOptions(false));
            new PackageServicing(session).remove(PackageIdentity.parse(SyntheticWindowsImage.INSTALLED_UPDATE));
            killed.abandon();
        }
        assertNotEquals(before, TreeDigests.of(root), "the killed command left files in the image");
        try (ServicingSession session = open()) {
            assertTrue(Files.exists(root.resolve("Windows/servicing/Packages/" + SyntheticWindowsImage.INSTALLED_UPDATE
                    + ".mum")), "the next session put back what was set aside");
        }
        assertEquals(before, TreeDigests.of(root), "the next session undid the killed command");
    }

    @Test
    void aCommandKilledWhileItRenamesTheHivesIsFinishedByTheNextSession() throws Exception {
        SyntheticPackage update = SyntheticPackage.update("KB2600003");
        Path folder = update.writeFolder(dir.resolve("kb"));
        try (ServicingSession session = open()) {
            ServicingTransaction killed = session.begin();
            new PackageServicing(session).add(PackageSource.open(folder, session.scratch()),
                    new PackageServicing.AddOptions(false, false));
            new PackageServicing(session).remove(PackageIdentity.parse(SyntheticWindowsImage.INSTALLED_UPDATE));
            session.afterCommitPoint = () -> {
                try {
                    killed.abandon();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("killed");
            };
            assertThrows(IllegalStateException.class, killed::commit);
        }
        try (ServicingSession session = open()) {
            PackageServicing packages = new PackageServicing(session);
            assertTrue(packages.packages().stream().anyMatch(p -> p.identity().toString().equals(update.identity())),
                    "the next session finished the commit");
            assertTrue(packages.packages().stream().noneMatch(p -> p.identity().toString()
                    .equals(SyntheticWindowsImage.INSTALLED_UPDATE)));
        }
        try (var files = Files.walk(root)) {
            List<String> left = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tmp") || n.contains(".servicing-")).toList();
            assertEquals(List.of(), left, "nothing of the transaction is left in the image");
        }
        assertTrue(Files.exists(root.resolve("Windows/servicing/Packages/" + update.identity() + ".mum")));
        assertTrue(Files.notExists(root.resolve("Windows/servicing/Packages/" + SyntheticWindowsImage.INSTALLED_UPDATE
                + ".mum")));
    }

    @Test
    void addPackage() throws Exception {
        Path folder = SyntheticPackage.update("KB2600001").writeFolder(dir.resolve("kb"));
        undoneWhenItFailsLate(s -> new PackageServicing(s).add(PackageSource.open(folder, s.scratch()),
                new PackageServicing.AddOptions(false, false)));
    }

    @Test
    void removePackage() throws Exception {
        undoneWhenItFailsLate(s -> new PackageServicing(s).remove(PackageIdentity.parse(SyntheticWindowsImage.INSTALLED_UPDATE)));
    }

    @Test
    void enableFeature() throws Exception {
        undoneWhenItFailsLate(s -> new PackageServicing(s).setFeatures(List.of("TelnetClient"), Optional.empty(), true));
    }

    @Test
    void addAndRemoveDrivers() throws Exception {
        Path nic = SyntheticDriver.network("contosonic").write(dir.resolve("nic"));
        Path raid = SyntheticDriver.storage("contosoraid").write(dir.resolve("raid"));
        undoneWhenItFailsLate(s -> {
            DriverServicing drivers = new DriverServicing(s);
            drivers.add(drivers.open(List.of(nic, raid), false), new DriverServicing.AddOptions(false));
        });
        undoneWhenItFailsLate(s -> new DriverServicing(s).remove(List.of("oem1.inf", "oem0.inf")));
    }

    @Test
    void internationalSettingsInBothHives() throws Exception {
        Path pack = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", "amd64", "de-DE",
                SyntheticWindowsImage.VERSION).releaseType("Language Pack")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ")
                .writeFolder(dir.resolve("lp"));
        run(s -> new PackageServicing(s).add(PackageSource.open(pack, s.scratch()),
                new PackageServicing.AddOptions(false, false)), false);
        undoneWhenItFailsLate(s -> new InternationalServicing(s).setUiLanguage("de-DE"));
    }

    @Test
    void productKey() throws Exception {
        undoneWhenItFailsLate(s -> new EditionServicing(s).setProductKey("BCDFG-HJKMP-QRTVW-XY234-6789B"));
    }

    @Test
    void windowsPeSettings() throws Exception {
        root = SyntheticWindowsPe.write(dir.resolve("pe"));
        undoneWhenItFailsLate(s -> new WindowsPeServicing(s, "Set-ScratchSpace").setScratchSpace("128"));
    }

    @Test
    void answerFileWithPackagesFeaturesDriversAndSettings() throws Exception {
        Path answers = Files.createDirectories(dir.resolve("config"));
        Windows7AnswerFile.writeSources(answers, dir.resolve("work"));
        Path file = Files.writeString(answers.resolve("unattend.xml"), Windows7AnswerFile.text("amd64"));
        undoneWhenItFailsLate(s -> new UnattendServicing(s).apply(file));
    }
}
