package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.testsupport.Windows7AnswerFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servicing commands on an image of a WIM file in place ({@code /WimFile:<file> /Index:<n>} instead of /Image): a
 * change is saved into the file before success is reported; a listing or a failure leaves the file byte for byte as
 * it was; a mounted file is refused.
 */
class WimFileServicingTest {
    private static final SyntheticPackage UPDATE = Windows7AnswerFile.UPDATE;

    @TempDir
    Path dir;
    Path wim;
    Path log;

    @BeforeEach
    void wimWithAWindowsImage() throws IOException {
        System.setProperty("imagesmith.mountStore", dir.resolve("mounts").toString());
        wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64), wim,
                "Windows 7 PROFESSIONAL", "Windows 7 PROFESSIONAL", "--compress=lzx");
        log = dir.resolve("dism.log");
    }

    @AfterEach
    void forgetStore() {
        System.clearProperty("imagesmith.mountStore");
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }

    private Path answerFile() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Windows7AnswerFile.writeSources(config, dir.resolve("work"));
        return Files.writeString(config.resolve("unattend.xml"), Windows7AnswerFile.text("amd64"));
    }

    @Test
    void applyUnattendIsSavedIntoTheWimBeforeSuccessIsReported() throws Exception {
        CliRun run = CliRun.of("/WimFile:" + wim, "/Index:1", "/Apply-Unattend:" + answerFile(), "/LogPath:" + log);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Installed package " + UPDATE.identity()), run.out());
        int saving = run.out().indexOf("Saving image");
        assertTrue(saving > 0 && saving < run.out().indexOf("The operation completed successfully."), run.out());
        Wimlib.verify(wim);

        Path applied = dir.resolve("applied");
        Wimlib.apply(wim, 1, applied);
        assertEquals(Optional.of("112"), Hivex.get(applied.resolve("Windows/System32/config/SOFTWARE"),
                "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\" + UPDATE.identity(), "CurrentState"));
        assertEquals(Optional.of("0"), Hivex.get(applied.resolve("Windows/System32/config/SOFTWARE"),
                "Microsoft\\Windows\\CurrentVersion\\Policies\\System", "EnableLUA"), "UAC is off in the WIM file's image");
        assertEquals(Optional.of("CONTOSO-LAB-01"), Hivex.get(applied.resolve("Windows/System32/config/SYSTEM"),
                "ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName"));
        CliRun listed = CliRun.of("/WimFile:" + wim, "/Name:Windows 7 PROFESSIONAL", "/Get-Features", "/LogPath:" + log);
        assertEquals(0, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("Feature Name : TelnetClient\nState : Enabled\n"), listed.out());
    }

    @Test
    void listingsAndFailuresLeaveTheWimAsItWas() throws Exception {
        String before = sha1(wim);
        CliRun packages = CliRun.of("/WimFile:" + wim, "/Index:1", "/Get-Packages", "/LogPath:" + log);
        assertEquals(0, packages.exitCode(), packages.err());
        assertTrue(packages.out().contains(SyntheticWindowsImage.INSTALLED_UPDATE), packages.out());
        assertFalse(packages.out().contains("Saving image"), packages.out());
        assertEquals(before, sha1(wim));

        CliRun whatIf = CliRun.of("/WimFile:" + wim, "/Index:1", "/Apply-Unattend:" + answerFile(), "/WhatIf", "/LogPath:" + log);
        assertEquals(0, whatIf.exitCode(), whatIf.err());
        assertEquals(before, sha1(wim));

        CliRun unknown = CliRun.of("/WimFile:" + wim, "/Index:1", "/Enable-Feature", "/FeatureName:NoSuchFeature",
                "/LogPath:" + log);
        assertTrue(unknown.exitCode() != 0, unknown.out());
        assertEquals(before, sha1(wim));

        CliRun noImage = CliRun.of("/WimFile:" + wim, "/Index:3", "/Get-Packages", "/LogPath:" + log);
        assertEquals(87, noImage.exitCode(), noImage.err());
        CliRun both = CliRun.of("/WimFile:" + wim, "/Image:" + dir, "/Index:1", "/Get-Packages", "/LogPath:" + log);
        assertEquals(87, both.exitCode(), both.err());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void aMountedWimIsRefusedWithWhatToDo() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("offline"));
        assertEquals(0, CliRun.of("/Mount-Wim", "/WimFile:" + wim, "/Index:1", "/MountDir:" + mount).exitCode());
        CliRun refused = CliRun.of("/WimFile:" + wim, "/Index:1", "/Enable-Feature", "/FeatureName:TFTP", "/LogPath:" + log);
        assertEquals(32, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("is mounted at " + mount) && refused.err().contains("/Image:" + mount),
                refused.err());
        assertEquals(0, CliRun.of("/Unmount-Wim", "/MountDir:" + mount, "/Discard").exitCode());
        CliRun enabled = CliRun.of("/WimFile:" + wim, "/Index:1", "/Enable-Feature", "/FeatureName:TFTP", "/LogPath:" + log);
        assertEquals(0, enabled.exitCode(), enabled.err());
        Wimlib.verify(wim);
    }

    @Test
    void damagedDataInTheWimIsAClearErrorAndNothingIsWritten() throws Exception {
        // damage the stored data of the SOFTWARE hive, which every servicing command reads
        org.imagesmith.wim.ResourceHeader hive;
        try (org.imagesmith.wim.WimFile file = org.imagesmith.wim.WimFile.open(wim)) {
            org.imagesmith.wim.Dentry software = org.imagesmith.wim.ImageMetadata.parse(file.readMetadataResource(1))
                    .find("Windows/System32/config/SOFTWARE").orElseThrow();
            hive = file.lookupTable().find(software.unnamedData()).orElseThrow().resource();
        }
        byte[] bytes = Files.readAllBytes(wim);
        for (long i = hive.offset() + hive.storedSize() / 2; i < hive.offset() + hive.storedSize(); i += 3) {
            bytes[(int) i] ^= 0x5A;
        }
        Path damaged = Files.write(dir.resolve("damaged.wim"), bytes);
        String before = sha1(damaged);
        CliRun run = CliRun.of("/WimFile:" + damaged, "/Index:1", "/Enable-Feature", "/FeatureName:TFTP", "/LogPath:" + log);
        assertTrue(run.exitCode() != 0, run.out());
        assertTrue(run.err().contains("Error: ") && run.err().contains("damaged"), run.err());
        assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
        assertEquals(before, sha1(damaged));
    }
}
