package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** imagesmith /Get-WimInfo against wimlib-imagex info on the same files. */
class GetWimInfoCommandTest {
    @TempDir
    Path dir;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path wim(String compression, int images) throws IOException {
        Path wim = dir.resolve(compression + "-" + images + ".wim");
        for (int i = 1; i <= images; i++) {
            Path source = SyntheticTree.write(dir.resolve(compression + "-src" + i), i);
            if (i == 1) {
                Wimlib.capture(source, wim, "Image " + i, "Description of image " + i, "--compress=" + compression);
            } else {
                Wimlib.append(source, wim, "Image " + i, "Description of image " + i, "--compress=" + compression);
            }
        }
        return wim;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "xpress", "lzx", "lzms"})
    void listsEveryImageAsWimlibSeesIt(String compression) throws IOException {
        for (int images : new int[] {1, 3}) {
            Path wim = wim(compression, images);
            CliRun run = run("/Get-WimInfo", "/WimFile:" + wim);
            assertEquals(0, run.exitCode(), run.err());
            List<String> expected = new ArrayList<>();
            expected.add("");
            expected.add("Deployment Image Servicing and Management tool");
            expected.add("Version: " + Version.TOOL);
            expected.add("");
            expected.add("Details for image : " + wim);
            expected.add("");
            for (Map<String, String> image : Wimlib.info(wim).images()) {
                expected.add("Index : " + image.get("Index"));
                expected.add("Name : " + image.get("Name"));
                expected.add("Description : " + image.get("Description"));
                expected.add("Size : " + String.format(Locale.US, "%,d", Long.parseLong(image.get("Total Bytes"))) + " bytes");
                expected.add("");
            }
            expected.add("The operation completed successfully.");
            assertEquals(String.join("\n", expected) + "\n", run.out().replace("\r\n", "\n"));
            assertEquals(images, Wimlib.info(wim).images().size());
        }
    }

    @Test
    void detailsOfOneImage() throws IOException {
        Path wim = wim("lzx", 2);
        Wimlib.setProperties(wim, 2, "WINDOWS/ARCH=9", "WINDOWS/EDITIONID=Ultimate", "WINDOWS/INSTALLATIONTYPE=Client",
                "WINDOWS/HAL=acpiapic", "WINDOWS/PRODUCTTYPE=WinNT", "WINDOWS/PRODUCTSUITE=Terminal Server",
                "WINDOWS/SYSTEMROOT=WINDOWS", "WINDOWS/LANGUAGES/LANGUAGE=en-US", "WINDOWS/LANGUAGES/DEFAULT=en-US",
                "WINDOWS/VERSION/MAJOR=6", "WINDOWS/VERSION/MINOR=1", "WINDOWS/VERSION/BUILD=7600",
                "WINDOWS/VERSION/SPBUILD=16385", "WINDOWS/VERSION/SPLEVEL=0");
        Wimlib.setBootIndex(wim, 2);
        Map<String, String> oracle = Wimlib.info(wim).images().get(1);

        CliRun run = run("-get-wiminfo", "-wimfile:" + wim, "/INDEX:2");
        assertEquals(0, run.exitCode(), run.err());
        String created = dismDate(oracle.get("Creation Time"));
        String modified = dismDate(oracle.get("Last Modification Time"));
        String expected = String.join("\n",
                "Index : 2",
                "Name : Image 2",
                "Description : Description of image 2",
                "Size : " + String.format(Locale.US, "%,d", Long.parseLong(oracle.get("Total Bytes"))) + " bytes",
                "WIM Bootable : Yes",
                "Architecture : x64",
                "Hal : acpiapic",
                "Version : 6.1.7600",
                "ServicePack Build : 16385",
                "ServicePack Level : 0",
                "Edition : Ultimate",
                "Installation : Client",
                "ProductType : WinNT",
                "ProductSuite : Terminal Server",
                "System Root : WINDOWS",
                "Directories : " + oracle.get("Directory Count"),
                "Files : " + oracle.get("File Count"),
                "Created : " + created,
                "Modified : " + modified,
                "Languages :",
                "        en-US (Default)",
                "",
                "The operation completed successfully.",
                "");
        assertTrue(run.out().endsWith(expected), run.out());

        CliRun byName = run("/Get-ImageInfo", "/ImageFile:" + wim, "/Name:image 1");
        assertEquals(0, byName.exitCode(), byName.err());
        assertTrue(byName.out().contains("Index : 1\nName : Image 1\n"), byName.out());
        assertTrue(byName.out().contains("WIM Bootable : No\n"), byName.out());
    }

    /** wimlib prints "Wed Nov 25 13:10:31 2026 UTC"; DISM prints "11/25/2026 - 1:10:31 PM". */
    private static String dismDate(String wimlibDate) {
        LocalDateTime time = LocalDateTime.parse(wimlibDate.replace(" UTC", "").replaceAll(" +", " "),
                DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US));
        return DateTimeFormatter.ofPattern("M/d/yyyy - h:mm:ss a", Locale.US).format(time);
    }

    @Test
    void missingFileExitsWithTwo() {
        CliRun run = run("/Get-WimInfo", "/WimFile:" + dir.resolve("absent.wim"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Error: 2"), run.err());
        assertTrue(run.err().contains("absent.wim"), run.err());
    }

    @Test
    void fileThatIsNotAWimExitsWithEleven() throws IOException {
        Path file = Files.writeString(dir.resolve("readme.wim"), "not a wim".repeat(40));
        CliRun run = run("/Get-WimInfo", "/WimFile:" + file);
        assertEquals(11, run.exitCode());
        assertTrue(run.err().contains("not a WIM file"), run.err());
        assertTrue(!run.out().contains("completed successfully"), run.out());
    }

    @Test
    void badIndexExitsWith87() throws IOException {
        Path wim = wim("xpress", 3);
        CliRun run = run("/Get-WimInfo", "/WimFile:" + wim, "/Index:4");
        assertEquals(87, run.exitCode());
        assertTrue(run.err().contains("images 1 to 3"), run.err());
        assertEquals(87, run("/Get-WimInfo", "/WimFile:" + wim, "/Index:zero").exitCode());
        assertEquals(87, run("/Get-WimInfo", "/WimFile:" + wim, "/Name:No such image").exitCode());
    }

    @Test
    void wrongCommandLinesExitWith87() {
        CliRun unknownOption = run("/Get-WimInfo", "/WimFile:x.wim", "/Frobnicate");
        assertEquals(87, unknownOption.exitCode());
        assertTrue(unknownOption.err().contains("/Frobnicate is unknown"), unknownOption.err());
        CliRun unknownCommand = run("/Get-Frobs");
        assertEquals(87, unknownCommand.exitCode());
        assertTrue(unknownCommand.err().contains("not a known command"), unknownCommand.err());
        CliRun missingFile = run("/Get-WimInfo");
        assertEquals(87, missingFile.exitCode());
        assertTrue(missingFile.err().contains("/WimFile is missing"), missingFile.err());
        CliRun notAnOption = run("/Get-WimInfo", "install.wim");
        assertEquals(87, notAnOption.exitCode());
        assertTrue(notAnOption.err().contains("not an option"), notAnOption.err());
        CliRun twoCommands = run("/Get-WimInfo", "/Get-ImageInfo", "/WimFile:x.wim");
        assertEquals(87, twoCommands.exitCode());
        assertTrue(twoCommands.err().contains("Multiple servicing commands are not supported"), twoCommands.err());
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = run("/?");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("/Get-WimInfo /WimFile:<file>"), run.out());
        assertTrue(run.out().contains("/Get-ImageInfo"), run.out());
    }
}
