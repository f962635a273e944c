package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export to and import from registry editor (.reg) files, checked through hivex. */
class RegFileTest {
    private static final String PREFIX = "HKEY_LOCAL_MACHINE\\SOFTWARE";

    @TempDir
    Path dir;

    @Test
    void exportsRegeditText() {
        Hive hive = Hive.create();
        RegistryKey k = hive.root().createKey("Software\\Test");
        k.setString("", "default");
        k.setString("Name", "va\"l\\ue");
        k.setDword("Dw", 0x1234);
        k.setBinary("Bin", new byte[] {1, 2, (byte) 0xff});
        k.setExpandString("Exp", "%PATH%");
        k.setMultiString("M", List.of("a", "b"));
        k.setQword("Q", 1);
        k.setValue(RegistryValue.of("None", ValueType.REG_NONE, new byte[0]));
        k.setValue(RegistryValue.of("Odd", ValueType.REG_SZ, new byte[] {0x41}));
        String expected = String.join("\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE]",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Software]",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Software\\Test]",
                "@=\"default\"",
                "\"Name\"=\"va\\\"l\\\\ue\"",
                "\"Dw\"=dword:00001234",
                "\"Bin\"=hex:01,02,ff",
                "\"Exp\"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00",
                "\"M\"=hex(7):61,00,00,00,62,00,00,00,00,00",
                "\"Q\"=hex(b):01,00,00,00,00,00,00,00",
                "\"None\"=hex(0):",
                "\"Odd\"=hex(1):41",
                "", "");
        assertEquals(expected, RegFileWriter.export(hive.root(), PREFIX, RegFileFormat.VERSION_5));
        String old = RegFileWriter.export(hive.key("software\\test"), PREFIX + "\\Test", RegFileFormat.REGEDIT4);
        assertTrue(old.startsWith("REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\r\n"), old);
        assertTrue(old.contains("\"Exp\"=hex(2):25,50,41,54,48,25,00\r\n"), old);
        assertTrue(old.contains("\"M\"=hex(7):61,00,62,00,00\r\n"), old);
    }

    @Test
    void longHexDataIsWrappedWithContinuations() throws Exception {
        Hive hive = Hive.create();
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        hive.root().setBinary("A rather long value name", data);
        String text = RegFileWriter.export(hive.root(), PREFIX, RegFileFormat.VERSION_5);
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), text);
        List<String> value = lines.stream().filter(l -> l.startsWith("  ") || l.startsWith("\"A rather")).toList();
        assertTrue(value.get(0).startsWith("\"A rather long value name\"=hex:00,01,"), value.get(0));
        assertTrue(value.size() > 10, text);
        for (int i = 0; i < value.size() - 1; i++) {
            assertTrue(value.get(i).endsWith(",\\"), value.get(i));
            assertTrue(i == 0 || value.get(i).matches("  ([0-9a-f]{2},)+\\\\"), value.get(i));
        }
        assertTrue(value.get(value.size() - 1).endsWith(",e7"), value.get(value.size() - 1));
        Hive back = Hive.create();
        RegFileReader.apply(text, back.root(), PREFIX);
        assertArrayEquals(data, back.root().getBinary("A rather long value name"));
    }

    @Test
    void roundTripsThroughBothFormatsAndFiles() throws Exception {
        Hive hive = HiveOracleTest.sampleHive();
        hive.root().createKey("Quotes").setString("Path", "C:\\Program Files\\\"x\"\\");
        Path regFile = dir.resolve("export.reg");
        RegFileWriter.export(hive.root(), PREFIX, RegFileFormat.VERSION_5, regFile);
        byte[] raw = Files.readAllBytes(regFile);
        assertEquals(0xff, raw[0] & 0xff);
        assertEquals(0xfe, raw[1] & 0xff);
        Hive imported = Hive.create();
        RegFileReader.apply(regFile, imported.root(), PREFIX);
        Path file = dir.resolve("imported");
        imported.save(file);
        HivexOracle.assertSameTree(HivexOracle.ourTree(hive), HivexOracle.hivexTree(file));

        Hive ansi = Hive.create();
        RegistryKey k = ansi.root().createKey("Vendor\\App");
        k.setString("Caf\u00e9", "na\u00efve");
        k.setExpandString("Exp", "%ProgramFiles%\\App");
        k.setMultiString("Multi", List.of("one", "two"));
        k.setDword("", 5);
        k.setBinary("Bin", new byte[] {0, 1});
        Path old = dir.resolve("old.reg");
        RegFileWriter.export(ansi.root(), PREFIX, RegFileFormat.REGEDIT4, old);
        assertTrue(new String(Files.readAllBytes(old), StandardCharsets.ISO_8859_1).startsWith("REGEDIT4\r\n"));
        Hive back = Hive.create();
        RegFileReader.apply(old, back.root(), PREFIX);
        assertEquals(HivexOracle.ourTree(ansi), HivexOracle.ourTree(back));
    }

    @Test
    void importsDeletionsDefaultsContinuationsAndAnsiStrings() throws Exception {
        Hive hive = Hive.create();
        hive.root().createKey("Vendor\\Sub\\Old").setString("x", "y");
        hive.root().createKey("Vendor").setString("Gone", "soon");
        String text = String.join("\r\n",
                "REGEDIT4",
                "",
                "; a comment",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]",
                "@=\"root default\"",
                "\"Path\"=hex(2):25,53,79,73,74,65,6d,52,6f,6f,74,25,00",
                "\"List\"=hex(7):61,00,62,63,00,00",
                "\"Count\"=dword:0000000a",
                "\"Data\"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,11,12,13,14,15,16,\\",
                "  17,18,19",
                "\"Gone\"=-",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\New\\Deep]",
                "\"Quote\"=\"say \\\"hi\\\" C:\\\\\"",
                "\"Typed\"=hex(4000a):01,02",
                "",
                "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Sub]",
                "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\NeverExisted]",
                "[hkey_local_machine\\software\\Vendor\\Kept]",
                "");
        RegFileReader.apply(text, hive.root(), PREFIX);
        RegistryKey vendor = hive.key("Vendor");
        assertEquals("root default", vendor.getString(""));
        assertEquals(ValueType.REG_EXPAND_SZ.code(), vendor.value("Path").orElseThrow().type());
        assertEquals("%SystemRoot%", vendor.getString("Path"));
        assertEquals(List.of("a", "bc"), vendor.getMultiString("List"));
        assertEquals(10, vendor.getDword("Count"));
        assertEquals(26, vendor.getBinary("Data").length);
        assertEquals(0x19, vendor.getBinary("Data")[25]);
        assertFalse(vendor.value("Gone").isPresent());
        assertEquals("say \"hi\" C:\\", hive.key("Vendor\\New\\Deep").getString("Quote"));
        assertEquals(0x4000a, hive.key("Vendor\\New\\Deep").value("Typed").orElseThrow().type());
        assertTrue(hive.findKey("Vendor\\Sub").isEmpty());
        assertTrue(hive.findKey("Vendor\\Kept").isPresent());
        Path file = dir.resolve("imported");
        hive.save(file);
        List<String> tree = HivexOracle.hivexTree(file);
        HivexOracle.assertSameTree(HivexOracle.ourTree(hive), tree);
        assertTrue(tree.contains("V Vendor : Path : expand : %SystemRoot%"), tree.toString());
    }

    @Test
    void badInputIsReportedWithItsLine() {
        Hive hive = Hive.create();
        RegFileSyntaxException e = assertThrows(RegFileSyntaxException.class,
                () -> RegFileReader.apply("REGEDIT5\r\n", hive.root(), PREFIX));
        assertEquals(1, e.line());
        e = assertThrows(RegFileSyntaxException.class, () -> RegFileReader.apply(
                "REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software]\r\n", hive.root(), PREFIX));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("is not below"), e.getMessage());
        e = assertThrows(RegFileSyntaxException.class, () -> RegFileReader.apply(
                "REGEDIT4\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"x\"=hex:01,0g\r\n", hive.root(), PREFIX));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("0g"), e.getMessage());
        e = assertThrows(RegFileSyntaxException.class, () -> RegFileReader.apply(
                "REGEDIT4\r\n\"x\"=\"y\"\r\n", hive.root(), PREFIX));
        assertTrue(e.getMessage().contains("before any [key]"), e.getMessage());
        e = assertThrows(RegFileSyntaxException.class, () -> RegFileReader.apply(
                "REGEDIT4\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE]\r\n\"x\"=dword:123456789\r\n", hive.root(), PREFIX));
        assertTrue(e.getMessage().contains("123456789"), e.getMessage());
    }
}
