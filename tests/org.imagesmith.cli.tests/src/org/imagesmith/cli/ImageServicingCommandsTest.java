package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /Image: commands on a synthetic Windows 7 SP1 x64 image: DISM's layouts, exit codes and the log. */
class ImageServicingCommandsTest {
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";

    @TempDir
    Path dir;
    Path image;
    Path log;


    @BeforeEach
    void makeImage() throws IOException {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        log = dir.resolve("logs/dism.log");
    }

    private CliRun run(String... args) {
        return CliRun.onImage(image, log, args);
    }

    @Test
    void getPackagesPrintsDismsListing() {
        CliRun run = run("/Get-Packages");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Image Version: 6.1.7601.17514\n\nPackages listing:\n\n"), run.out());
        assertTrue(run.out().contains("Package Identity : " + SyntheticWindowsImage.FOUNDATION + "\nState : Installed\n"
                + "Release Type : Foundation\nInstall Time : 11/21/2010 3:40 AM\n"), run.out());
        assertTrue(run.out().contains("Release Type : Language Pack"), run.out());
        assertTrue(run.out().endsWith("The operation completed successfully.\n"), run.out());

        CliRun table = run("/Get-Packages", "/Format:Table");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("Package Identity"), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith(SyntheticWindowsImage.FOUNDATION) && l.contains(" | Installed")),
                table.out());
    }

    @Test
    void addPackageInstallsInOrderAndHivexSeesIt() throws IOException {
        SyntheticPackage first = SyntheticPackage.update("KB2533552");
        SyntheticPackage second = SyntheticPackage.update("KB2545698");
        Path cab = first.writeCabinetWithGcab(dir.resolve("w1"), dir.resolve("Windows6.1-KB2533552-x64.cab"));
        Path msu = second.writeMsu(dir.resolve("w2"), dir.resolve("Windows6.1-KB2545698-x64.msu"));
        CliRun run = run("/Add-Package", "/PackagePath:" + cab, "/PackagePath:" + msu, "/ScratchDir:" + dir);
        assertEquals(0, run.exitCode(), run.err());
        int firstAt = run.out().indexOf("Processing 1 of 2 - Adding package " + first.identity());
        int secondAt = run.out().indexOf("Processing 2 of 2 - Adding package " + second.identity());
        assertTrue(firstAt > 0 && secondAt > firstAt, run.out());
        assertTrue(run.out().contains("[==========================100.0%==========================]"), run.out());
        Path software = image.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + first.identity(), "CurrentState"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + second.identity(), "CurrentState"));
        assertTrue(run("/Get-Packages").out().contains("Package Identity : " + second.identity() + "\nState : Installed\n"));
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("imagesmith-")), "scratch removed");
        }
        String logText = Files.readString(log);
        assertTrue(logText.contains("Adding package " + first.identity()), logText);
    }

    @Test
    void aPackageThatDoesNotApplyGetsDismsErrorAndExitCode() throws IOException {
        Path x86 = new SyntheticPackage("Package_for_KB2000000", "x86", "", "6.1.1.17514").writeFolder(dir.resolve("x86"));
        CliRun run = run("/Add-Package", "/PackagePath:" + x86);
        assertEquals(0x1e, run.exitCode(), "a shell sees the low byte of 0x800f081e");
        assertTrue(run.err().contains("Error: 0x800f081e"), run.err());
        assertTrue(run.err().contains("not applicable"), run.err());
        assertTrue(run.err().contains("The DISM log file can be found at " + log), run.err());
        assertTrue(Files.readString(log).contains("Error"), "the failure is logged");
    }

    @Test
    void featuresAreListedShownAndSwitched() {
        CliRun features = run("/Get-Features");
        assertEquals(0, features.exitCode(), features.err());
        assertTrue(features.out().contains("Feature Name : TelnetClient\nState : Disabled\n"), features.out());
        assertTrue(features.out().contains("Feature Name : MediaPlayback\nState : Enabled\n"), features.out());

        CliRun enable = run("/Enable-Feature", "/FeatureName:TelnetClient", "/FeatureName:TFTP");
        assertEquals(0, enable.exitCode(), enable.err());
        CliRun info = run("/Get-FeatureInfo", "/FeatureName:telnetclient");
        assertTrue(info.out().contains("Feature Name : TelnetClient\nDisplay Name : TelnetClient\n"), info.out());
        assertTrue(info.out().contains("State : Enabled\n"), info.out());
        Path software = image.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates", "TFTP"));

        CliRun unknown = run("/Enable-Feature", "/FeatureName:NoSuchFeature");
        assertEquals(0x0c, unknown.exitCode());
        assertTrue(unknown.err().contains("Error: 0x800f080c"), unknown.err());
        assertTrue(unknown.err().contains("Feature name NoSuchFeature is unknown."), unknown.err());
    }

    @Test
    void packageInfoAndRemoval() {
        CliRun info = run("/Get-PackageInfo", "/PackageName:" + SyntheticWindowsImage.INSTALLED_UPDATE);
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("Package Identity : " + SyntheticWindowsImage.INSTALLED_UPDATE + "\n"), info.out());
        assertTrue(info.out().contains("Release Type : Update\n"), info.out());
        assertTrue(info.out().contains("Support Information : http://support.microsoft.com/?kbid=976902\n"), info.out());
        assertTrue(info.out().contains("State : Installed\n"), info.out());

        CliRun remove = run("/Remove-Package", "/PackageName:" + SyntheticWindowsImage.INSTALLED_UPDATE);
        assertEquals(0, remove.exitCode(), remove.err());
        assertFalse(run("/Get-Packages").out().contains(SyntheticWindowsImage.INSTALLED_UPDATE));
        assertFalse(Hivex.hasKey(image.resolve("Windows/System32/config/SOFTWARE"), CBS + SyntheticWindowsImage.INSTALLED_UPDATE));
    }

    @Test
    void packageInfoSaysApplicableExactlyWhenAddPackageTakesThePackage() throws IOException {
        Path fitting = SyntheticPackage.update("KB2000010").writeFolder(dir.resolve("fitting"));
        Path x86 = new SyntheticPackage("Package_for_KB2000011", "x86", "", "6.1.1.17514")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "GE").writeFolder(dir.resolve("x86"));
        Path orphan = SyntheticPackage.update("KB2000012").dependency("Package_for_KB2000099", "6.1.1.17514")
                .writeFolder(dir.resolve("orphan"));
        java.util.Map<Path, Boolean> taken = java.util.Map.of(fitting, true, x86, false, orphan, false);
        for (Path path : java.util.List.of(fitting, x86, orphan)) {
            CliRun info = run("/Get-PackageInfo", "/PackagePath:" + path);
            assertEquals(0, info.exitCode(), info.err());
            CliRun add = run("/Add-Package", "/PackagePath:" + path);
            assertEquals(taken.get(path), add.exitCode() == 0, path + ": " + add.err());
            String expected = add.exitCode() == 0 ? "Applicable : Yes\n" : "Applicable : No\n";
            assertTrue(info.out().contains(expected), path + ": " + info.out() + add.err());
        }
        assertEquals(0, run("/Get-PackageInfo", "/PackagePath:" + fitting).exitCode());
        assertTrue(run("/Add-Package", "/PackagePath:" + x86, "/IgnoreCheck").err().contains("Error: 0x800f081e"),
                "/IgnoreCheck never adds a package for another architecture");
    }

    @Test
    void packagesWindowsNeedsAreNotRemoved() {
        CliRun foundation = run("/Remove-Package", "/PackageName:" + SyntheticWindowsImage.FOUNDATION);
        assertEquals(0x25, foundation.exitCode(), foundation.err());
        assertTrue(foundation.err().contains("Error: 0x800f0825"), foundation.err());
        assertTrue(run("/Get-Features").out().contains("Feature Name : TelnetClient"), "the features are still there");

        CliRun language = run("/Remove-Package", "/PackageName:" + SyntheticWindowsImage.LANGUAGE_PACK);
        assertEquals(0x25, language.exitCode(), language.err());
        assertTrue(language.err().contains("default UI language"), language.err());
        assertTrue(run("/Get-Packages").out().contains(SyntheticWindowsImage.LANGUAGE_PACK));
    }

    @Test
    void badSessionOptionsAndImagesGetClearErrors() throws IOException {
        CliRun level = run("/Get-Packages", "/LogLevel:7");
        assertEquals(87, level.exitCode());
        assertTrue(level.err().contains("/LogLevel is not valid"), level.err());
        CliRun wildcard = run("/Add-Package", "/PackagePath:" + dir + "/*.cab");
        assertEquals(87, wildcard.exitCode());
        assertTrue(wildcard.err().contains("Wildcards are not supported"), wildcard.err());
        CliRun two = run("/Get-Packages", "/Get-Features");
        assertEquals(87, two.exitCode());
        assertTrue(two.err().contains("Multiple servicing commands are not supported"), two.err());

        Files.delete(image.resolve("Windows/System32/config/SOFTWARE"));
        CliRun noHive = run("/Get-Packages");
        assertEquals(2, noHive.exitCode());
        assertTrue(noHive.err().contains("SOFTWARE"), noHive.err());

        CliRun quiet = run("/Get-Packages", "/Quiet");
        assertEquals(2, quiet.exitCode());
        assertEquals("", quiet.out(), "/Quiet prints only errors");
    }

    @Test
    void winDirNamesAnotherWindowsFolder() throws IOException {
        Files.move(image.resolve("Windows"), image.resolve("WINNT"));
        CliRun without = run("/Get-Packages");
        assertEquals(87, without.exitCode());
        assertTrue(without.err().contains("holds no Windows folder"), without.err());
        CliRun with = run("/WinDir:WINNT", "/Get-Packages");
        assertEquals(0, with.exitCode(), with.err());
        assertTrue(with.out().contains(SyntheticWindowsImage.FOUNDATION), with.out());
        CliRun missingSystemDrive = run("/WinDir:WINNT", "/SysDriveDir:" + dir.resolve("no-such-drive"), "/Get-Packages");
        assertEquals(2, missingSystemDrive.exitCode());
    }

    @Test
    void theProgressBarIsRedrawnOnATerminalAndPrintedOnceElsewhere() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        DismConsole onTerminal = new DismConsole(new PrintStream(terminal, true, StandardCharsets.UTF_8), System.err, ZoneOffset.UTC);
        onTerminal.setTerminal(true);
        for (double p : new double[] {0, 40, 40.04, 99.99, 100, 100}) {
            onTerminal.progress(p);
        }
        assertEquals("\r[                           0.0%                           ]"
                + "\r[=======================   40.0%                           ]"
                + "\r[==========================99.9%===========================]"
                + "\r[==========================100.0%==========================]\n", terminal.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        DismConsole inPipe = new DismConsole(new PrintStream(pipe, true, StandardCharsets.UTF_8), System.err, ZoneOffset.UTC);
        for (double p : new double[] {0, 40, 99.99, 100, 100}) {
            inPipe.progress(p);
        }
        assertEquals("[==========================100.0%==========================]\n", pipe.toString(StandardCharsets.UTF_8));
    }
}
