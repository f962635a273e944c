package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.SyntheticWindowsPe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Windows PE commands on a synthetic Windows PE 3.0 image, and their refusal on Windows 7. */
class WindowsPeCommandsTest {
    @TempDir
    Path dir;
    Path image;


    @BeforeEach
    void makeImage() throws IOException {
        image = SyntheticWindowsPe.write(dir.resolve("winpe"));
    }

    private CliRun run(Path on, String... args) {
        return CliRun.onImage(on, dir.resolve("dism.log"), args);
    }

    @Test
    void prepareAWindowsPeImage() throws IOException {
        CliRun settings = run(image, "/Get-PESettings");
        assertEquals(0, settings.exitCode(), settings.err());
        assertTrue(settings.out().contains("Image Version: 6.1.7600.16385\n\nWinPE settings:\n\nScratch Space : 32MB\n"
                + "Target Path : X:\\\n"), settings.out());
        for (String component : List.of("WinPE-HTA-Package", "WinPE-WMI-Package")) {
            SyntheticPackage neutral = new SyntheticPackage(component, "amd64", "", SyntheticWindowsPe.VERSION)
                    .releaseType("Feature Pack").parent(SyntheticWindowsPe.FOUNDATION_NAME, SyntheticWindowsPe.VERSION, "EQ");
            SyntheticPackage english = new SyntheticPackage(component, "amd64", "en-US", SyntheticWindowsPe.VERSION)
                    .releaseType("Language Pack").parent(component, SyntheticWindowsPe.VERSION, "EQ");
            Path neutralCab = neutral.writeCabinet(dir.resolve(component), dir.resolve(component + ".cab"));
            Path englishCab = english.writeCabinet(dir.resolve(component + "-en"), dir.resolve(component + "_en-us.cab"));
            CliRun add = run(image, "/Add-Package", "/PackagePath:" + neutralCab, "/PackagePath:" + englishCab);
            assertEquals(0, add.exitCode(), add.err());
            CliRun packages = run(image, "/Get-Packages");
            assertTrue(packages.out().contains("Package Identity : " + neutral.identity() + "\nState : Installed\n")
                    && packages.out().contains("Package Identity : " + english.identity() + "\nState : Installed\n"
                            + "Release Type : Language Pack\n"), packages.out());
        }
        CliRun scratch = run(image, "/Set-ScratchSpace:512");
        assertEquals(0, scratch.exitCode(), scratch.err());
        assertTrue(run(image, "/Get-ScratchSpace").out().contains("Scratch Space : 512MB\n"));
        CliRun target = run(image, "/Set-TargetPath:C:\\WinPE");
        assertEquals(0, target.exitCode(), target.err());
        assertTrue(run(image, "/Get-TargetPath").out().contains("Target Path : C:\\WinPE\n"));
        assertTrue(run(image, "/Get-PESettings").out().contains("Scratch Space : 512MB\nTarget Path : C:\\WinPE\n"));
        assertEquals(Optional.of("512"), Hivex.get(image.resolve("Windows/System32/config/SYSTEM"),
                "ControlSet001\\Services\\FBWF", "WinPECacheThreshold"));
        assertEquals(Optional.of("C:\\WinPE"), Hivex.get(image.resolve("Windows/System32/config/SOFTWARE"),
                "Microsoft\\Windows NT\\CurrentVersion\\WinPE", "InstRoot"));
    }

    @Test
    void badValuesAndNonPeImagesExit87() throws IOException {
        CliRun scratch = run(image, "/Set-ScratchSpace:100");
        assertEquals(87, scratch.exitCode());
        assertTrue(scratch.err().contains("32, 64, 128, 256 or 512"), scratch.err());
        CliRun target = run(image, "/Set-TargetPath:C:\\Win PE");
        assertEquals(87, target.exitCode());
        assertTrue(target.err().contains("blank space"), target.err());
        assertTrue(run(image, "/Get-PESettings").out().contains("Scratch Space : 32MB\nTarget Path : X:\\\n"));
        Path windows7 = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        CliRun notPe = run(windows7, "/Get-PESettings");
        assertEquals(87, notPe.exitCode());
        assertTrue(notPe.err().contains("Error: 87") && notPe.err().contains("not a Windows PE image"), notPe.err());
    }
}
