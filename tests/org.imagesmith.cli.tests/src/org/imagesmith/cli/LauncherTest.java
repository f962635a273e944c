package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.imagesmith.testsupport.ExternalTool;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;

/**
 * The launcher releng/bin/imagesmith, run as a user runs it: a separate process on the packaged jars, on the
 * bundled sample WIM file, compared with wimlib-imagex info.
 */
class LauncherTest {
    private static final Path ROOT = Path.of(System.getProperty("imagesmith.root", "../.."));
    private static final Path SAMPLE = ROOT.resolve("releng/samples/install.wim");

    private static ExternalTool.Result imagesmith(String... args) {
        Path launcher = ROOT.resolve("releng/bin/imagesmith").toAbsolutePath();
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
        return new ExternalTool(launcher.toString(), "(this repository)").runAllowingFailure(args);
    }

    @Test
    void printsTheSampleAsWimlibSeesIt() {
        ExternalTool.Result result = imagesmith("/Get-WimInfo", "/WimFile:" + SAMPLE);
        assertEquals(0, result.exitCode(), result.stderr());
        for (Map<String, String> image : Wimlib.info(SAMPLE).images()) {
            String block = "Index : " + image.get("Index") + "\nName : " + image.get("Name") + "\nDescription : "
                    + image.get("Description") + "\nSize : "
                    + String.format(Locale.US, "%,d", Long.parseLong(image.get("Total Bytes"))) + " bytes\n";
            assertTrue(result.stdout().contains(block), result.stdout());
        }
        assertTrue(result.stdout().endsWith("The operation completed successfully.\n"), result.stdout());
    }

    @Test
    void detailsOfTheSampleUseDismFieldNames() {
        ExternalTool.Result result = imagesmith("-Get-WimInfo", "-WimFile:" + SAMPLE, "-Index:2");
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, String> oracle = Wimlib.info(SAMPLE).images().get(1);
        assertTrue(result.stdout().contains("Edition : " + oracle.get("Edition ID") + "\n"), result.stdout());
        assertTrue(result.stdout().contains("Architecture : x64\n"), result.stdout());
        assertTrue(result.stdout().contains("Directories : " + oracle.get("Directory Count") + "\n"), result.stdout());
        assertTrue(result.stdout().contains("Files : " + oracle.get("File Count") + "\n"), result.stdout());
        assertTrue(result.stdout().contains("        en-US (Default)\n"), result.stdout());
    }

    @Test
    void exitCodesReachTheShell() {
        assertEquals(2, imagesmith("/Get-WimInfo", "/WimFile:" + ROOT.resolve("no-such.wim")).exitCode());
        assertEquals(11, imagesmith("/Get-WimInfo", "/WimFile:" + ROOT.resolve("README.md")).exitCode());
        ExternalTool.Result badIndex = imagesmith("/Get-WimInfo", "/WimFile:" + SAMPLE, "/Index:9");
        assertEquals(87, badIndex.exitCode());
        assertFalse(badIndex.stdout().contains("completed successfully"), badIndex.stdout());
    }

    @Test
    void theReadmeJobAppliesTheSampleAndListsItsPackages(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path target = dir.resolve("win7");
        ExternalTool.Result apply = imagesmith("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:" + target);
        assertEquals(0, apply.exitCode(), apply.stderr());
        ExternalTool.Result packages = imagesmith("/Image:" + target, "/LogPath:" + dir.resolve("dism.log"), "/Get-Packages");
        assertEquals(0, packages.exitCode(), packages.stderr());
        assertTrue(packages.stdout().contains("Image Version: 6.1.7601.17514"), packages.stdout());
        assertTrue(packages.stdout().contains("Package Identity : Microsoft-Windows-Foundation-Package~31bf3856ad364e35"
                + "~amd64~~6.1.7601.17514\nState : Installed\nRelease Type : Foundation\n"), packages.stdout());
    }

    @Test
    void addsASignedDriverThroughTheLauncherWhoseClassPathHoldsTheCatalogParser(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path target = dir.resolve("win7");
        assertEquals(0, imagesmith("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:" + target).exitCode());
        Path driver = org.imagesmith.testsupport.SyntheticDriver.storage("contosoraid").write(dir.resolve("raid"));
        ExternalTool.Result add = imagesmith("/Image:" + target, "/LogPath:" + dir.resolve("dism.log"), "/Add-Driver",
                "/Driver:" + driver);
        assertEquals(0, add.exitCode(), add.stdout() + add.stderr());
        ExternalTool.Result list = imagesmith("/Image:" + target, "/LogPath:" + dir.resolve("dism.log"), "/Get-Drivers");
        assertTrue(list.stdout().contains("Published Name : oem0.inf"), list.stdout());
    }
}
