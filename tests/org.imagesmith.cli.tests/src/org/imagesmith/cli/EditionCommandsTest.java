package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticEditionPackages;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edition commands on an edition-family Windows 7 Home Premium image. */
class EditionCommandsTest {
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    @TempDir
    Path dir;
    Path image;
    Path software;


    @BeforeEach
    void makeImage() throws IOException {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticEditionPackages.stage(image, "HomePremium", List.of("Professional", "Ultimate"));
        software = image.resolve("Windows/System32/config/SOFTWARE");
    }

    private CliRun run(String... args) {
        return CliRun.onImage(image, dir.resolve("dism.log"), args);
    }

    @Test
    void currentAndTargetEditionsThenUpgrade() throws IOException {
        CliRun current = run("/Get-CurrentEdition");
        assertTrue(current.out().contains("Current edition is:\n\nCurrent Edition : HomePremium\n"), current.out());
        CliRun targets = run("/Get-TargetEditions");
        assertEquals(0, targets.exitCode(), targets.err());
        assertTrue(targets.out().contains("Editions that can be upgraded to:\n\nTarget Edition : Professional\n"
                + "Target Edition : Ultimate\n\n"), targets.out());

        CliRun set = run("/Set-Edition:Ultimate", "/ProductKey:BCDFG-HJKMP-QRTVW-XY234-6789B");
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().contains("Starting to update components...") && set.out().contains("Finished updating components."),
                set.out());
        assertTrue(run("/Get-CurrentEdition").out().contains("Current Edition : Ultimate\n"));
        assertTrue(run("/Get-TargetEditions").out().contains("(The current edition cannot be upgraded to any target editions.)"));
        assertEquals(Optional.of("Ultimate"), Hivex.get(software, "Microsoft\\Windows NT\\CurrentVersion", "EditionID"));
        assertEquals(Optional.of("Windows 7 Ultimate"), Hivex.get(software, "Microsoft\\Windows NT\\CurrentVersion", "ProductName"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticEditionPackages.identity("Ultimate"), "CurrentState"));
        assertEquals(Optional.of("64"), Hivex.get(software, CBS + SyntheticEditionPackages.identity("HomePremium"), "CurrentState"));
        assertEquals(Optional.of("64"), Hivex.get(software, CBS + SyntheticEditionPackages.identity("Professional"), "CurrentState"));
        assertTrue(Files.readString(image.resolve("Windows/Panther/unattend.xml")).contains("BCDFG-HJKMP-QRTVW-XY234-6789B"));
    }

    @Test
    void badEditionsAndKeysExit87() throws IOException {
        byte[] before = Files.readAllBytes(software);
        CliRun lower = run("/Set-Edition:HomePremium");
        assertEquals(87, lower.exitCode());
        assertTrue(lower.err().contains("Its target editions are: Professional, Ultimate"), lower.err());
        CliRun key = run("/Set-ProductKey:ABCDE-FGHIJ-KLMNO-PQRST-UVWXY");
        assertEquals(87, key.exitCode());
        assertTrue(key.err().contains("is not one of the characters product keys use (BCDFGHJKMPQRTVWXY2346789)"), key.err());
        CliRun noValue = run("/Set-Edition");
        assertEquals(87, noValue.exitCode());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(software)));
        assertTrue(Files.notExists(image.resolve("Windows/Panther/unattend.xml")));
        CliRun good = run("/Set-ProductKey:bcdfg-hjkmp-qrtvw-xy234-6789b");
        assertEquals(0, good.exitCode(), good.err());
        assertTrue(good.out().contains("Finished installing product key."), good.out());
    }
}
