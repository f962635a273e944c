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
    void theImagexScriptListsTheSampleAsWimlibDoes() {
        Path imagex = ROOT.resolve("releng/bin/imagex").toAbsolutePath();
        assertTrue(Files.isExecutable(imagex), imagex + " is missing or not executable");
        ExternalTool.Result dir = new ExternalTool(imagex.toString(), "(this repository)")
                .runAllowingFailure("/dir", SAMPLE.toString(), "1");
        assertEquals(0, dir.exitCode(), dir.stderr());
        java.util.List<String> ours = dir.stdout().lines().filter(l -> l.startsWith("\\"))
                .map(l -> l.replace('\\', '/')).sorted().toList();
        java.util.List<String> wimlib = Wimlib.run("dir", SAMPLE.toString(), "1").lines()
                .filter(l -> l.startsWith("/")).sorted().toList();
        assertEquals(wimlib, ours);
        ExternalTool.Result bad = new ExternalTool(imagex.toString(), "(this repository)")
                .runAllowingFailure("/apply", SAMPLE.toString());
        assertEquals(87, bad.exitCode(), bad.stdout());
    }

    @Test
    void librariesPrintNothingOfTheirOwn(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        // Apache POI logs through the Log4j API, which printed "Log4j API could not find a logging provider"
        Path target = dir.resolve("win7");
        assertEquals(0, imagesmith("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:" + target).exitCode());
        Path notAPatch = Files.writeString(dir.resolve("update.msp"), "not a patch");
        ExternalTool.Result check = imagesmith("/Image:" + target, "/LogPath:" + dir.resolve("dism.log"),
                "/Check-AppPatch", "/PatchLocation:" + notAPatch);
        assertEquals(1635 & 0xFF, check.exitCode(), check.stderr());
        assertEquals("\nDeployment Image Servicing and Management tool\nVersion: " + check.stdout().lines().skip(2)
                .findFirst().orElse("").substring("Version: ".length()) + "\n\nImage Version: 6.1.7601.17514\n\n",
                check.stdout());
        assertFalse(check.stderr().contains("Log4j"), check.stderr());
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

    /** Runs the launcher with extra environment variables; returns {exit code, stdout, stderr}. */
    private static String[] launch(Map<String, String> environment, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(ROOT.resolve("releng/bin/imagesmith").toAbsolutePath().toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] err = process.getErrorStream().readAllBytes();
        byte[] out = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        return new String[] {String.valueOf(code), new String(out, java.nio.charset.StandardCharsets.UTF_8),
                new String(err, java.nio.charset.StandardCharsets.UTF_8)};
    }

    @Test
    void theStartupCacheIsRecordedOnceAndChangesNoOutput(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, String> cached = Map.of("XDG_CACHE_HOME", dir.toString());
        String[] first = launch(cached, "/Get-WimInfo", "/WimFile:" + SAMPLE, "/Index:2");
        String[] second = launch(cached, "/Get-WimInfo", "/WimFile:" + SAMPLE, "/Index:2");
        String[] without = launch(Map.of("IMAGESMITH_STARTUP_CACHE", "off", "XDG_CACHE_HOME", dir.resolve("none").toString()),
                "/Get-WimInfo", "/WimFile:" + SAMPLE, "/Index:2");
        assertEquals("0", first[0], first[2]);
        assertEquals(without[1], first[1], "the cache changes nothing the command prints");
        assertEquals(without[1], second[1]);
        assertFalse(second[2].contains("recording"), "the cache is recorded once: " + second[2]);
        assertFalse(Files.exists(dir.resolve("none")), "IMAGESMITH_STARTUP_CACHE=off writes no cache");
        Path jdk = Path.of(new ExternalTool(ROOT.resolve("releng/bin/find-jdk").toAbsolutePath().toString(),
                "(this repository)").run("21").trim());
        String release = Files.readString(jdk.resolve("release"));
        int feature = Integer.parseInt(release.replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1"));
        long caches;
        try (var files = Files.list(dir.resolve("imagesmith/startup"))) {
            caches = files.filter(p -> p.getFileName().toString().endsWith(".aot")).count();
        } catch (java.nio.file.NoSuchFileException e) {
            caches = 0;
        }
        if (feature >= 25) {
            assertTrue(first[2].contains("recording the JVM's startup cache"), first[2]);
            assertEquals(1, caches, "one cache for this build and JDK");
        } else {
            assertEquals(0, caches, "JDK " + feature + " has no one-step AOT cache");
        }
    }
}
