package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.SyntheticWindowsImage.Kind;
import org.imagesmith.testsupport.SyntheticWindowsPe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an image takes depends on the image: /Image:X /? lists it, other commands get DISM's error 87; and x86,
 * amd64 and ia64 images are serviced alike from this 64-bit host.
 */
class ImageDependentCommandsTest {
    @TempDir
    Path dir;

    private CliRun on(Path image, String... args) {
        return CliRun.onImage(image, dir.resolve("dism.log"), args);
    }

    @Test
    void windowsVistaTakesOnlyPackageServicing() throws IOException {
        Path vista = SyntheticWindowsImage.write(dir.resolve("vista"), Kind.VISTA_SP2);
        CliRun packages = on(vista, "/Get-Packages");
        assertEquals(0, packages.exitCode(), packages.err());
        assertTrue(packages.out().contains("Image Version: 6.0.6002.18005"), packages.out());
        assertTrue(packages.out().contains(SyntheticWindowsImage.foundation(Kind.VISTA_SP2, "amd64")), packages.out());

        for (String command : new String[] {"/Get-Drivers", "/Get-Intl", "/Get-CurrentEdition", "/Get-PESettings"}) {
            CliRun refused = on(vista, command);
            assertEquals(87, refused.exitCode(), command);
            assertTrue(refused.err().contains("not available for this image") || refused.err().contains("is unknown"),
                    refused.err());
        }
        CliRun help = on(vista, "/?");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("/Get-Packages"), help.out());
        assertTrue(help.out().contains("/Enable-Feature"), help.out());
        assertFalse(help.out().contains("/Add-Driver"), help.out());
        assertFalse(help.out().contains("/Set-UILang"), help.out());
        assertFalse(help.out().contains("/Get-WimInfo"), "image help lists servicing commands only");
    }

    @Test
    void windows7AndWindowsPeEachListWhatTheyTake() throws IOException {
        Path win7 = SyntheticWindowsImage.write(dir.resolve("win7"), Kind.WINDOWS_7_SP1_X64);
        CliRun help7 = on(win7, "/?");
        assertTrue(help7.out().contains("/Add-Driver"), help7.out());
        assertTrue(help7.out().contains("/Set-UILang"), help7.out());
        assertTrue(help7.out().contains("/Set-Edition"), help7.out());
        assertFalse(help7.out().contains("/Set-ScratchSpace"), help7.out());

        Path pe = SyntheticWindowsPe.write(dir.resolve("pe"));
        CliRun helpPe = on(pe, "/?");
        assertTrue(helpPe.out().contains("/Set-ScratchSpace"), helpPe.out());
        assertTrue(helpPe.out().contains("/Add-Driver"), helpPe.out());
        assertFalse(helpPe.out().contains("/Set-Edition"), helpPe.out());
        assertEquals(87, on(pe, "/Get-CurrentEdition").exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x86", "amd64", "ia64"})
    void imagesOfEachArchitectureAreServicedAlike(String architecture) throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve(architecture), Kind.WINDOWS_7_SP1_X64, architecture);
        CliRun packages = on(image, "/Get-Packages");
        assertEquals(0, packages.exitCode(), packages.err());
        assertTrue(packages.out().contains(SyntheticWindowsImage.foundation(Kind.WINDOWS_7_SP1_X64, architecture)),
                packages.out());

        Path fitting = new SyntheticPackage("Package_for_KB2000001", architecture, "", "6.1.1.17514")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "GE")
                .writeFolder(dir.resolve("fit-" + architecture));
        CliRun add = on(image, "/Add-Package", "/PackagePath:" + fitting);
        assertEquals(0, add.exitCode(), add.err());

        String other = architecture.equals("x86") ? "amd64" : "x86";
        Path foreign = new SyntheticPackage("Package_for_KB2000002", other, "", "6.1.1.17514")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "GE")
                .writeFolder(dir.resolve("foreign-" + architecture));
        CliRun refused = on(image, "/Add-Package", "/PackagePath:" + foreign);
        assertEquals(0x1e, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("Error: 0x800f081e"), refused.err());

        Path driver = SyntheticDriver.network("contosonic").architectures(architecture).write(dir.resolve("nic-" + architecture));
        CliRun drivers = on(image, "/Add-Driver", "/Driver:" + driver);
        assertEquals(0, drivers.exitCode(), drivers.err());
        Path wrongDriver = SyntheticDriver.network("othernic").architectures(other).write(dir.resolve("other-" + architecture));
        assertTrue(on(image, "/Add-Driver", "/Driver:" + wrongDriver).exitCode() != 0);
    }
}
