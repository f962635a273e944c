package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names that would escape the extraction directory or name Windows devices are refused before anything is written. */
class EntryNamesTest {
    @TempDir
    Path temp;

    @Test
    void backslashesAndSlashesSeparateDirectories() throws Exception {
        assertEquals(List.of("Windows", "System32", "drivers", "storahci.sys"),
                EntryNames.segments("Windows\\System32/drivers\\storahci.sys"));
        Path base = temp.toAbsolutePath().normalize();
        assertEquals(base.resolve("a").resolve("b.txt"), EntryNames.resolve(temp, "a\\b.txt"));
        assertEquals(base.resolve("..foo"), EntryNames.resolve(temp, "..foo"), "'..' inside a name is harmless");
    }

    @Test
    void refusesNamesThatEscapeOrNameDevices() {
        List<String> unsafe = List.of("..\\evil", "a\\..\\..\\evil", "a/../b", "..", "\\Windows\\evil.dll",
                "/etc/passwd", "C:\\evil", "c:evil", "\\\\server\\share\\evil", "//server/share", "CON", "con.txt",
                "dir\\NUL", "COM1.log", "lpt9", "AUX .txt", "CONIN$", "a\\\\b", "trailing\\", "name.",
                "space ", "file:stream", "tab\tname", "what?", "");
        for (String name : unsafe) {
            UnsafeEntryNameException e = assertThrows(UnsafeEntryNameException.class, () -> EntryNames.resolve(temp, name),
                    () -> "'" + name + "' must be refused");
            assertEquals(name, e.entryName());
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new CabinetBuilder(CompressionType.NONE)
                .addFile("..\\evil", new byte[1], LocalDateTime.now(), 0), "the builder refuses unsafe names too");
    }

    @Test
    void craftedCabinetWithDotDotNameIsRefusedAndNothingIsWritten() throws Exception {
        RawCabinet raw = new RawCabinet();
        byte[] good = "good".getBytes(StandardCharsets.US_ASCII);
        byte[] evil = "evil".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[8];
        System.arraycopy(good, 0, data, 0, 4);
        System.arraycopy(evil, 0, data, 4, 4);
        raw.folders.add(RawCabinet.storedFolder(data));
        raw.files.add(new RawCabinet.File("good.txt", 4, 0, 0, 0));
        raw.files.add(new RawCabinet.File("..\\evil.txt", 4, 4, 0, 0));
        Path cab = temp.resolve("evil.cab");
        Files.write(cab, raw.build());
        Tools.run(temp, "cabextract", "-t", cab.toString()); // the cabinet itself is well formed

        Path target = Files.createDirectories(temp.resolve("out").resolve("inner"));
        try (Cabinet cabinet = Cabinet.open(cab)) {
            UnsafeEntryNameException e = assertThrows(UnsafeEntryNameException.class, () -> cabinet.extractAll(target));
            assertEquals("..\\evil.txt", e.entryName());
            assertThrows(UnsafeEntryNameException.class,
                    () -> cabinet.extract(cabinet.find("..\\evil.txt").orElseThrow(), target));
            assertEquals("good", new String(cabinet.read(cabinet.find("good.txt").orElseThrow()),
                    StandardCharsets.US_ASCII), "the entry can still be read into memory");
        }
        try (var files = Files.walk(temp.resolve("out"))) {
            assertEquals(2, files.count(), "nothing was written: " + temp.resolve("out"));
        }
        assertFalse(Files.exists(temp.resolve("out").resolve("evil.txt")));
    }
}
