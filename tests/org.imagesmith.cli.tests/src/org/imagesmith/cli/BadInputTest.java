package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against each class of bad input: missing, empty, truncated and mutated WIM files, hives with values
 * of the wrong type and keys with hostile names, damaged cabinets and INF files, Windows paths, a full disk and a
 * read-only target. Each run must fail with DISM's code for its input, print nothing on standard output but DISM's
 * layouts, never a stack trace, and never reach Main's last resort (E_UNEXPECTED).
 */
class BadInputTest {
    private static final Path ROOT = Path.of(System.getProperty("imagesmith.root", "../.."));
    private static final Path SAMPLE = ROOT.resolve("releng/samples/install.wim");
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    /** What DISM's layouts put on standard output before a failure. */
    private static final Pattern LAYOUT_LINE = Pattern.compile("|Deployment Image Servicing and Management tool"
            + "|Version: [0-9.]+|Image Version: [0-9.]+|\\[[= 0-9.%]*\\]|[A-Z][a-z]+ing (image|WIM file).*"
            + "|Details for image : .*|[A-Za-z][A-Za-z ]* : .*|[A-Z][A-Za-z ]*:|        [a-z]{2}-[A-Z]{2}( \\(Default\\))?");

    @TempDir
    Path dir;

    private int runs;

    /** A WIM file as a command meets it: how it is made from the sample, and DISM's code for reading it. */
    private record BadWim(String name, int code, Function<byte[], byte[]> damage) {
    }

    private static final List<BadWim> BAD_WIMS = List.of(
            new BadWim("empty", ExitCode.BAD_FORMAT, wim -> new byte[0]),
            new BadWim("not a WIM file", ExitCode.BAD_FORMAT,
                    wim -> "; not a WIM file\r\n".repeat(40).getBytes(StandardCharsets.US_ASCII)),
            new BadWim("cut inside its header", ExitCode.BAD_FORMAT, wim -> Arrays.copyOf(wim, 100)),
            new BadWim("truncated", ExitCode.INVALID_DATA, wim -> Arrays.copyOf(wim, wim.length / 2)),
            new BadWim("claiming 0x7fffffff images", ExitCode.INVALID_DATA, wim -> patchInt(wim, 44, 0x7fffffff)),
            new BadWim("claiming 3 images", ExitCode.INVALID_DATA, wim -> patchInt(wim, 44, 3)),
            new BadWim("with its lookup table past the end", ExitCode.INVALID_DATA,
                    wim -> patchLong(wim, 56, wim.length + 4096L)),
            new BadWim("impossible part numbers", ExitCode.INVALID_DATA, wim -> patchShort(patchShort(wim, 40, 0), 42, 0)));

    /** The WIM commands, {0} standing for the WIM file and {1} for a fresh output path. */
    private static final List<List<String>> WIM_COMMANDS = List.of(
            List.of("/Get-WimInfo", "/WimFile:{0}"),
            List.of("/Get-WimInfo", "/WimFile:{0}", "/Index:1"),
            List.of("/Apply-Image", "/ImageFile:{0}", "/Index:1", "/ApplyDir:{1}"),
            List.of("/Export-Image", "/SourceImageFile:{0}", "/SourceIndex:1", "/DestinationImageFile:{1}.wim"),
            List.of("/Split-Image", "/ImageFile:{0}", "/SWMFile:{1}.swm", "/FileSize:1"),
            List.of("/Delete-Image", "/ImageFile:{0}", "/Index:1"),
            List.of("/WimFile:{0}", "/Index:1", "/Get-Packages", "/LogPath:{1}.log"),
            List.of("/WimFile:{0}", "/Index:1", "/Get-Intl", "/LogPath:{1}.log"));

    @Test
    void wimCommandsReportDamagedAndForeignFilesWithDismCodes() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        for (List<String> command : WIM_COMMANDS) {
            assertDismError(run(command, dir.resolve("missing.wim")), ExitCode.FILE_NOT_FOUND, "missing: " + command);
            for (BadWim bad : BAD_WIMS) {
                Path wim = dir.resolve("bad" + runs + ".wim");
                Files.write(wim, bad.damage().apply(sample));
                assertDismError(run(command, wim), bad.code(), bad.name() + ": " + command);
            }
        }
    }

    @Test
    void damagedDataInsideAValidWimIsReportedAsDamaged() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        // export and split copy resources as they are stored, without decompressing them (as wimlib does), so damaged
        // compressed data travels with them and is found where it is read; sizes that cannot be are found by all
        List<List<String>> readers = WIM_COMMANDS.stream().filter(c -> !c.get(0).equals("/Split-Image")
                && !c.get(0).equals("/Export-Image") && !c.get(0).equals("/Delete-Image")
                && !c.get(0).equals("/Get-WimInfo")).toList();
        List<List<String>> all = WIM_COMMANDS.stream().filter(c -> !c.get(0).equals("/Get-WimInfo")).toList();
        // every lookup table entry claims 2.5 GB in a file of a few KB
        Path claims = Files.write(dir.resolve("claims.wim"),
                everyLookupEntry(sample, (entry, at) -> entry.putLong(at + 16, 2_500_000_000L)));
        for (List<String> command : all) {
            assertDismError(run(command, claims), ExitCode.INVALID_DATA, "2.5 GB claimed: " + command);
        }
        // a byte in the middle of every file's stored data flips (past the Huffman tables, which a flip may leave
        // decoding to the same data)
        Path flipped = Files.write(dir.resolve("flipped.wim"), everyLookupEntry(sample, (entry, at) -> {
            long offset = entry.getLong(at + 8) + (entry.getLong(at) & 0x00FF_FFFF_FFFF_FFFFL) / 2;
            if ((entry.get(at + 7) & 0x02) == 0 && offset > 0 && offset < entry.capacity()) {
                entry.put((int) offset, (byte) ~entry.get((int) offset));
            }
        }));
        for (List<String> command : readers) {
            assertDismError(run(command, flipped), ExitCode.INVALID_DATA, "flipped data: " + command);
        }
    }

    @Test
    void registryValuesOfAnotherTypeAndHostileKeyNamesAreADamagedRegistry() throws IOException {
        List<List<String>> commands = List.of(List.of("/Get-Packages"), List.of("/Get-Features"), List.of("/Get-Intl"),
                List.of("/Get-CurrentEdition"), List.of("/Get-Drivers"), List.of("/Get-Apps"),
                List.of("/Apply-Unattend:{1}.xml"));
        record BadHive(String name, String hive, List<String> failing, HiveChange change) {
        }
        List<BadHive> bad = List.of(
                new BadHive("Select\\Current as a string", "SYSTEM", List.of("*"),
                        h -> h.key("Select").setString("Current", "one")),
                new BadHive("a zero-byte REG_DWORD InstallTimeLow", "SOFTWARE", List.of("/Get-Packages"),
                        h -> h.key(CBS + SyntheticWindowsImage.FOUNDATION).setValue(new RegistryValue("InstallTimeLow",
                                4, new byte[0]))),
                new BadHive("EditionID stored as a DWORD", "SOFTWARE", List.of("*"),
                        h -> h.key(CURRENT_VERSION).setDword("EditionID", 1)));
        for (BadHive hive : bad) {
            Path image = SyntheticWindowsImage.write(dir.resolve("image" + runs), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
            changeHive(image.resolve("Windows/System32/config/" + hive.hive()), hive.change());
            for (List<String> command : commands) {
                CliRun run = runOnImage(image, command);
                boolean fails = hive.failing().contains("*") || hive.failing().contains(command.get(0));
                if (fails) {
                    assertDismError(run, ExitCode.BAD_REGISTRY, hive.name() + ": " + command);
                    assertTrue(run.err().contains("hive"), run.err());
                } else {
                    assertClean(run, hive.name() + ": " + command);
                }
            }
        }
    }

    @Test
    void keyNamesWithNulCharactersNeverEndInAStackTrace() throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        changeHive(image.resolve("Windows/System32/config/SOFTWARE"),
                h -> h.key(CBS.substring(0, CBS.length() - 1)).createKey("Bad\0Package~31bf3856ad364e35~amd64~~6.1.1.1"));
        for (String command : List.of("/Get-Packages", "/Get-Features", "/Get-Intl", "/Get-CurrentEdition")) {
            assertClean(runOnImage(image, List.of(command)), "NUL in a key name: " + command);
        }
    }

    @Test
    void damagedPackagesAndDriversAreRefusedWithDismCodes() throws IOException {
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        List<String> before = tree(image);
        Path empty = Files.write(dir.resolve("empty.cab"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.cab"), "not a cabinet\r\n".repeat(20));
        Path truncated = Files.write(dir.resolve("truncated.cab"), Arrays.copyOf(
                "MSCF\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), 30));
        for (Path cab : List.of(empty, text, truncated)) {
            assertDismError(runOnImage(image, List.of("/Add-Package", "/PackagePath:" + cab)),
                    ServicingException.INVALID_PACKAGE, "bad cabinet " + cab.getFileName());
        }
        assertDismError(runOnImage(image, List.of("/Add-Package", "/PackagePath:" + dir.resolve("none.cab"))),
                ExitCode.FILE_NOT_FOUND, "missing cabinet");

        Path driver = SyntheticDriver.network("contosonet").unsigned().write(dir.resolve("net"));
        String inf = Files.readString(driver, StandardCharsets.US_ASCII);
        Files.writeString(driver, inf.replace("[Driver.Files]\r\n", "[Driver.Files]\r\nbad\0name.sys\r\n")
                .replace("[SourceDisksFiles]\r\n", "[SourceDisksFiles]\r\nbad\0name.sys=1\r\n"), StandardCharsets.ISO_8859_1);
        Path binary = Files.write(dir.resolve("binary.inf"), new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0x5b});
        for (Path bad : List.of(driver, binary, Files.write(dir.resolve("empty.inf"), new byte[0]))) {
            CliRun run = runOnImage(image, List.of("/Add-Driver", "/Driver:" + bad, "/ForceUnsigned"));
            assertDismError(run, DriverServicing.INF_SYNTAX, "bad INF " + bad.getFileName());
            assertFalse(run.err().chars().anyMatch(c -> c < 0x20 && c != '\n'), "control characters: " + run.err());
        }
        assertEquals(before, tree(image), "a refused package or driver changes nothing in the image");
    }

    @Test
    void windowsPathsAndHostileNamesAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path work = Files.createDirectories(dir.resolve("cwd"));
        List<List<String>> windowsPaths = List.of(
                List.of("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:C:\\out"),
                List.of("/Image:" + work, "/LogPath:C:\\logs\\dism.log", "/Get-Packages"),
                List.of("/Get-WimInfo", "/WimFile:D:\\x.wim"),
                List.of("/Export-Image", "/SourceImageFile:" + SAMPLE, "/SourceIndex:1",
                        "/DestinationImageFile:\\\\server\\share\\x.wim"),
                List.of("/Capture-Image", "/ImageFile:" + work.resolve("x.wim"), "/CaptureDir:E:", "/Name:x"));
        for (List<String> command : windowsPaths) {
            assertDismError(CliRun.of(command), ExitCode.INVALID_NAME, "Windows path: " + command);
        }
        try (var left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "nothing is created for a refused command");
        }
        CliRun logFolder = CliRun.of("/Image:" + work, "/LogPath:" + work, "/Get-Packages");
        assertDismError(logFolder, ExitCode.INVALID_PARAMETER, "/LogPath naming a folder");
        assertFalse(logFolder.err().contains("can be found at"), logFolder.err());

        String longName = "n".repeat(300);
        assertDismError(CliRun.of("/Get-WimInfo", "/WimFile:" + dir.resolve(longName)), ExitCode.FILENAME_TOO_LONG,
                "a name longer than the file system allows");
        assertDismError(CliRun.of("/Image:" + dir.resolve("line\nbreak"), "/LogPath:" + dir.resolve("l.log"),
                "/Get-Packages"), ExitCode.FILE_NOT_FOUND, "a name with a line break");
    }

    @Test
    void misspelledCommandsAndOnlineServicingAreNamed() {
        CliRun misspelled = CliRun.of("/Image:img", "/Get-Pakages");
        assertDismError(misspelled, ExitCode.INVALID_PARAMETER, "misspelled command");
        assertTrue(misspelled.err().contains("\"/Get-Pakages\" is not a known command or option. Did you mean"
                + " /Get-Packages?"), misspelled.err());
        CliRun option = CliRun.of("/Get-WimInfo", "/WimFlie:" + SAMPLE);
        assertDismError(option, ExitCode.INVALID_PARAMETER, "misspelled option");
        assertTrue(option.err().contains("Did you mean /WimFile?"), option.err());
        CliRun online = CliRun.of("/Online", "/Get-Packages");
        assertDismError(online, ExitCode.NOT_SUPPORTED, "/Online");
        assertTrue(online.err().contains("Online servicing is not supported by Imagesmith"), online.err());
        CliRun help = CliRun.of("/?");
        for (String generic : List.of("/LogPath", "/LogLevel", "/ScratchDir", "/WinDir", "/Quiet", "/English", "/Format",
                "/Online")) {
            assertTrue(help.out().contains("\n  " + generic), generic + " is missing from the help: " + help.out());
        }
    }

    @Test
    void aFullDiskIsErrorDiskFullAndAReadOnlyTargetIsWriteProtect() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        Assumptions.assumeTrue(mount(full, "size=4k,nr_inodes=6"), "mounting a small tmpfs needs root (or CAP_SYS_ADMIN);"
                + " without it the full-disk case cannot be made on this machine");
        try {
            CliRun apply = CliRun.of("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:" + full.resolve("a"));
            assertDismError(apply, ExitCode.DISK_FULL, "apply to a full disk");
            assertTrue(apply.err().contains("The image was only partly applied: " + full.resolve("a")), apply.err());
            CliRun export = CliRun.of("/Export-Image", "/SourceImageFile:" + SAMPLE, "/SourceIndex:1",
                    "/DestinationImageFile:" + full.resolve("e.wim"));
            assertDismError(export, ExitCode.DISK_FULL, "export to a full disk");
            try (var left = Files.list(full)) {
                assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".wim")), "no partial WIM file is left");
            }
            // an image serviced in its WIM file is staged in /ScratchDir
            Path wim = Files.copy(SAMPLE, dir.resolve("inplace.wim"));
            CliRun inPlace = CliRun.of("/WimFile:" + wim, "/Index:1", "/ScratchDir:" + full, "/LogPath:"
                    + dir.resolve("inplace.log"), "/Set-TimeZone:W. Europe Standard Time");
            assertDismError(inPlace, ExitCode.DISK_FULL, "staging on a full disk");
            assertTrue(Arrays.equals(Files.readAllBytes(SAMPLE), Files.readAllBytes(wim)), "the WIM file is unchanged");
        } finally {
            unmount(full);
        }
        Path readOnly = Files.createDirectories(dir.resolve("readonly"));
        assertTrue(mount(readOnly, "ro"));
        try {
            assertDismError(CliRun.of("/Apply-Image", "/ImageFile:" + SAMPLE, "/Index:1", "/ApplyDir:"
                    + readOnly.resolve("a")), ExitCode.WRITE_PROTECT, "apply to a read-only file system");
            assertDismError(CliRun.of("/Capture-Image", "/ImageFile:" + readOnly.resolve("c.wim"), "/CaptureDir:" + dir,
                    "/Name:x"), ExitCode.WRITE_PROTECT, "capture to a read-only file system");
        } finally {
            unmount(readOnly);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Fails unless the run failed with this DISM code, cleanly. */
    static void assertDismError(CliRun run, int code, String what) {
        String context = what + "\n--- stdout:\n" + run.out() + "--- stderr:\n" + run.err();
        assertEquals(ExitCode.status(code), run.exitCode(), context);
        assertTrue(run.err().contains("Error: " + ExitCode.text(code) + "\n"), context);
        assertFalse(run.out().contains("completed successfully"), context);
        assertClean(run, what);
    }

    /** Fails on a stack trace, on Main's last resort, or on anything on standard output but DISM's layouts. */
    static void assertClean(CliRun run, String what) {
        String context = what + "\n--- stdout:\n" + run.out() + "--- stderr:\n" + run.err();
        for (String stream : List.of(run.out(), run.err())) {
            assertFalse(stream.contains("\tat ") || stream.contains("Exception") || stream.contains("Caused by"),
                    "a stack trace or an exception's name: " + context);
        }
        assertFalse(run.err().contains("Error: 0x8000ffff"), "reached Main's last resort: " + context);
        for (String line : run.out().split("\n", -1)) {
            assertTrue(LAYOUT_LINE.matcher(line).matches() || run.exitCode() == 0,
                    "stray output \"" + line + "\": " + context);
        }
    }

    private CliRun run(List<String> command, Path wim) {
        runs++;
        Path output = dir.resolve("out" + runs);
        return CliRun.of(command.stream().map(a -> a.replace("{0}", wim.toString()).replace("{1}", output.toString()))
                .toList());
    }

    private CliRun runOnImage(Path image, List<String> command) throws IOException {
        runs++;
        Path output = dir.resolve("out" + runs);
        Files.writeString(dir.resolve("out" + runs + ".xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64"
                        publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <ComputerName>LAB-PC-01</ComputerName>
                    </component>
                  </settings>
                </unattend>
                """);
        List<String> args = new ArrayList<>(List.of("/Image:" + image, "/LogPath:" + output + ".log"));
        command.forEach(a -> args.add(a.replace("{1}", output.toString())));
        return CliRun.of(args);
    }

    /** The files and folders below a folder, with the sizes of the files. */
    private static List<String> tree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : "/"))
                    .sorted().toList();
        }
    }

    @FunctionalInterface
    private interface HiveChange {
        void apply(Hive hive) throws IOException;
    }

    private static void changeHive(Path file, HiveChange change) throws IOException {
        Hive hive = Hive.open(file);
        change.apply(hive);
        hive.save(file);
    }

    @FunctionalInterface
    private interface EntryChange {
        void apply(ByteBuffer file, int entryOffset);
    }

    /** A copy of the WIM file with every 50-byte lookup table entry changed. */
    private static byte[] everyLookupEntry(byte[] wim, EntryChange change) {
        byte[] copy = wim.clone();
        ByteBuffer file = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        long size = file.getLong(48) & 0x00FF_FFFF_FFFF_FFFFL;
        int offset = (int) file.getLong(56);
        for (int at = offset; at + 50 <= offset + size; at += 50) {
            change.apply(file, at);
        }
        return copy;
    }

    private static byte[] patchInt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    private static byte[] patchShort(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
        return copy;
    }

    private static byte[] patchLong(byte[] bytes, int at, long value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
        return copy;
    }

    private static boolean mount(Path at, String options) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    }

    private static void unmount(Path at) throws Exception {
        Process umount = new ProcessBuilder("umount", at.toString()).redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        umount.waitFor(30, TimeUnit.SECONDS);
    }
}
