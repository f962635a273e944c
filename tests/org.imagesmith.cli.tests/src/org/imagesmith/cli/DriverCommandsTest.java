package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /Add-Driver, /Remove-Driver, /Get-Drivers and /Get-DriverInfo on a synthetic Windows 7 SP1 x64 image. */
class DriverCommandsTest {
    @TempDir
    Path dir;
    Path image;
    Path log;
    Path system;


    @BeforeEach
    void makeImage() throws IOException {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        log = dir.resolve("logs/dism.log");
        system = image.resolve("Windows/System32/config/SYSTEM");
    }

    private CliRun run(String... args) {
        return CliRun.onImage(image, log, args);
    }

    @Test
    void addListShowAndRemoveInDismsLayouts() throws IOException {
        CliRun empty = run("/Get-Drivers");
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.out().contains("Driver packages listing:\n\n(No drivers found in the image matching the criteria)\n"),
                empty.out());

        Path nic = SyntheticDriver.network("contosonic").write(dir.resolve("drivers/nic"));
        SyntheticDriver raid = SyntheticDriver.storage("contosoraid");
        raid.write(dir.resolve("drivers/storage/raid"));
        CliRun add = run("/Add-Driver", "/Driver:" + nic, "/Driver:" + dir.resolve("drivers/storage"), "/Recurse");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("Found 2 driver package(s) to install.\n"), add.out());
        assertTrue(add.out().contains("Installing 1 of 2 - " + nic + ": The driver package was successfully installed.\n"),
                add.out());
        assertTrue(add.out().contains("Installing 2 of 2 - " + dir.resolve("drivers/storage/raid/contosoraid.inf")
                + ": The driver package was successfully installed.\n"), add.out());
        assertTrue(add.out().endsWith("The operation completed successfully.\n"), add.out());

        CliRun list = run("/Get-Drivers");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("Driver packages listing:\n\nPublished Name : oem0.inf\nOriginal File Name : contosonic.inf\n"
                + "Inbox : No\nClass Name : Net\nProvider Name : Contoso Ltd.\nDate : 11/21/2010\nVersion : 6.1.7601.17514\n\n"
                + "Published Name : oem1.inf\nOriginal File Name : contosoraid.inf\nInbox : No\nClass Name : SCSIAdapter\n"),
                list.out());
        CliRun table = run("/Get-Drivers", "/Format:Table");
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("oem1.inf ") && l.contains(" | contosoraid.inf ")
                && l.contains(" | SCSIAdapter ")), table.out());

        CliRun info = run("/Get-DriverInfo", "/Driver:oem1.inf");
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Driver package information:\n\nPublished Name : oem1.inf\nDriver Store Path : "), info.out());
        assertTrue(info.out().contains("\nClass Name : SCSIAdapter\nClass Description : Storage controllers\nClass GUID : "
                + SyntheticDriver.SCSI_CLASS_GUID + "\nDate : 11/21/2010\nVersion : 6.1.7601.17514\nBoot Critical : Yes\n\n"
                + "Drivers for architecture : amd64\n\n    Manufacturer : Contoso Ltd.\n    Description : Contoso contosoraid"
                + " controller\n    Architecture : x64\n    Hardware ID : " + raid.hardwareId() + "\n    Service Name : contosoraid\n"
                + "    Compatible IDs : " + raid.compatibleId() + "\n    Exclude IDs : \n"), info.out());
        assertEquals(Optional.of("0"), Hivex.get(system, "ControlSet001\\Services\\contosoraid", "Start"));

        CliRun remove = run("/Remove-Driver", "/Driver:oem1.inf");
        assertEquals(0, remove.exitCode(), remove.err());
        assertTrue(remove.out().contains("Removing 1 of 1 - oem1.inf: The driver package was successfully removed.\n"),
                remove.out());
        assertFalse(run("/Get-Drivers").out().contains("oem1.inf"));
        assertFalse(Hivex.hasKey(system, "ControlSet001\\Services\\contosoraid"));
        assertTrue(Files.readString(log).contains("Removed the driver package oem1.inf"));
    }

    @Test
    void refusalsGetDismsErrorsAndExitCodes() throws IOException {
        Path unsigned = SyntheticDriver.network("nocat").unsigned().write(dir.resolve("unsigned"));
        CliRun refused = run("/Add-Driver", "/Driver:" + unsigned);
        assertEquals(0x2f, refused.exitCode(), "a shell sees the low byte of 0x800f022f");
        assertTrue(refused.err().contains("Error: 0x800f022f"), refused.err());
        assertTrue(refused.err().contains("/ForceUnsigned"), refused.err());
        CliRun forced = run("/Add-Driver", "/Driver:" + unsigned, "/ForceUnsigned");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains("Warning:"), "the unsigned package is reported: " + forced.err());

        Path x86 = SyntheticDriver.network("only32").architectures("x86").write(dir.resolve("x86"));
        CliRun wrong = run("/Add-Driver", "/Driver:" + x86);
        assertEquals(0x2d, wrong.exitCode());
        assertTrue(wrong.err().contains("Error: 0x800f022d"), wrong.err());
        assertTrue(wrong.err().contains("does not support this version of Windows"), wrong.err());

        CliRun unknown = run("/Remove-Driver", "/Driver:oem5.inf");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("oem5.inf"), unknown.err());
        Files.writeString(image.resolve("Windows/inf/netrtl.inf"), SyntheticDriver.network("netrtl").inf());
        CliRun inbox = run("/Remove-Driver", "/Driver:netrtl.inf");
        assertEquals(87, inbox.exitCode());
        assertTrue(inbox.err().contains("inbox driver"), inbox.err());
        assertTrue(run("/Get-Drivers", "/All").out().contains("Published Name : netrtl.inf\nOriginal File Name : netrtl.inf\n"
                + "Inbox : Yes\n"));

        CliRun missing = run("/Add-Driver");
        assertEquals(87, missing.exitCode());
        assertTrue(missing.err().contains("/Driver is missing"), missing.err());
        CliRun nothing = run("/Add-Driver", "/Driver:" + dir.resolve("x86").getParent().resolve("empty-folder-that-is-not-there"));
        assertEquals(2, nothing.exitCode());
    }
}
