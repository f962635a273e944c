package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we write, hivex reads; what hivexsh writes, we read: whole trees compared through hivexml. */
class HiveOracleTest {
    @TempDir
    Path dir;

    static Hive sampleHive() {
        Hive hive = Hive.create();
        RegistryKey lang = hive.root().createKey("ControlSet001\\Control\\Nls\\Language", "LangClass");
        lang.setString("Default", "0409");
        lang.setString("", "the default value");
        lang.setExpandString("Path", "%SystemRoot%\\system32");
        lang.setBinary("Blob", new byte[] {1, 2, 3, 4, 5, 6, 7});
        lang.setBinary("Tiny", new byte[] {(byte) 0xfe});
        lang.setBinary("Empty", new byte[0]);
        lang.setDword("Dword", 0x80000001);
        lang.setDwordBigEndian("BigEndian", 0x01020304);
        lang.setLink("SymbolicLinkValue", "\\Registry\\Machine\\System\\ControlSet001");
        lang.setMultiString("Multi", List.of("first", "second", "third"));
        lang.setQword("Qword", 0x1122334455667788L);
        lang.setValue(RegistryValue.of("None", ValueType.REG_NONE, new byte[] {9, 9}));
        lang.setValue(RegistryValue.of("Resources", ValueType.REG_RESOURCE_LIST, new byte[] {1, 0, 0, 0, 5}));
        lang.setValue(new RegistryValue("Unknown", 0x20001, new byte[] {0x11, 0x22, 0x33, 0x44, 0x55}));
        lang.setString("Caf\u00e9", "compressed (Latin-1) value name");
        lang.setString("\u4e2d\u6587", "UTF-16 value name \u00e9\u4e2d");
        hive.root().createKey("Software\\\u0416\u0443\u043a").setDword("n", 7);
        hive.root().createKey("software\\Vendor\\App").setString("Version", "1.0");
        hive.root().createKey("SOFTWARE\\alpha");
        hive.root().createKey("Software\\_under");
        hive.root().createKey("Software\\Zulu");
        return hive;
    }

    @Test
    void hivexReadsEveryValueTypeWeWrite() throws Exception {
        Hive hive = sampleHive();
        Path file = dir.resolve("sample");
        hive.save(file);
        HivexOracle.assertSameTree(HivexOracle.ourTree(Hive.open(file)), HivexOracle.hivexTree(file));
        HivexOracle.assertSameTree(HivexOracle.ourTree(hive), HivexOracle.hivexTree(file));
        List<String> lsval = HivexOracle.run("cd ControlSet001\\Control\\Nls\\Language\nlsval\n", "hivexsh",
                file.toString()).lines().toList();
        assertTrue(lsval.contains("\"Unknown\"=hex(131073):11,22,33,44,55"), lsval.toString());
        assertTrue(lsval.contains("\"Blob\"=hex(3):01,02,03,04,05,06,07"), lsval.toString());
        // Subkeys are stored sorted on upper-case names: "_" (0x5F) after the letters (hivexml shows stored order).
        List<String> expected = List.of("alpha", "Vendor", "Zulu", "_under", "\u0416\u0443\u043a");
        assertEquals(expected, hive.key("software").subkeys().stream().map(RegistryKey::name).toList());
        assertEquals(expected, HivexOracle.hivexTree(file).stream().filter(l -> l.startsWith("K Software\\"))
                .map(l -> l.substring("K Software\\".length())).filter(n -> !n.contains("\\")).toList());
    }

    @Test
    void manySubkeysSplitTheIndexAndGrowBins() throws Exception {
        Hive hive = Hive.create();
        RegistryKey parent = hive.root().createKey("Many");
        Random random = new Random(42);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String name = (random.nextBoolean() ? "Key" : "key") + Integer.toString(random.nextInt(1 << 30), 36) + i;
            names.add(name);
            parent.createKey(name).setDword("Index", i);
        }
        Path file = dir.resolve("many");
        hive.save(file);
        Hive read = Hive.open(file);
        RegistryKey many = read.key("many");
        assertEquals(2000, many.subkeys().size());
        int list = new KeyNode(read.bins(), many.cell(), "test").subkeyList();
        assertEquals("ri", read.bins().signature(list, "test"), "2000 subkeys need an index root");
        assertTrue(read.bins().binCount() > 10, "bins were added: " + read.bins().binCount());
        names.sort(KeyNames::compare);
        assertEquals(names, many.subkeys().stream().map(RegistryKey::name).toList());
        assertEquals(names, HivexOracle.run("cd Many\nls\n", "hivexsh", file.toString()).lines().toList());
        HivexOracle.assertSameTree(HivexOracle.ourTree(read), HivexOracle.hivexTree(file));
        for (int i = 0; i < names.size(); i += 97) {
            assertEquals(names.get(i), read.key("MANY\\" + names.get(i).toUpperCase()).name());
        }
        assertLeafHashesMatchNames(read, many);
    }

    static void assertLeafHashesMatchNames(Hive hive, RegistryKey key) {
        HiveBins bins = hive.bins();
        int list = new KeyNode(bins, key.cell(), "test").subkeyList();
        List<Integer> leaves = new ArrayList<>();
        if (bins.signature(list, "test").equals("ri")) {
            for (int i = 0; i < bins.u16(list + 6); i++) {
                leaves.add(bins.i32(list + 8 + 4 * i));
            }
        } else {
            leaves.add(list);
        }
        for (int leaf : leaves) {
            assertEquals("lh", bins.signature(leaf, "test"));
            for (int i = 0; i < bins.u16(leaf + 6); i++) {
                String name = new KeyNode(bins, bins.i32(leaf + 8 + 8 * i), "test").name();
                assertEquals(KeyNames.leafHash(name), bins.i32(leaf + 12 + 8 * i), "lh hash of " + name);
            }
        }
    }

    @Test
    void bigValuesGoToBigDataCells() throws Exception {
        Hive hive = Hive.create();
        byte[] big = new byte[100_000];
        new Random(7).nextBytes(big);
        byte[] edge = Arrays.copyOf(big, BigData.SEGMENT_SIZE + 1);
        byte[] justBelow = Arrays.copyOf(big, BigData.SEGMENT_SIZE);
        RegistryKey key = hive.root().createKey("Big");
        key.setBinary("Big", big);
        key.setBinary("Edge", edge);
        key.setBinary("Below", justBelow);
        key.setString("LongText", "x".repeat(20_000));
        Path file = dir.resolve("big");
        hive.save(file);
        Hive read = Hive.open(file);
        assertArrayEquals(big, read.key("Big").getBinary("Big"));
        assertArrayEquals(edge, read.key("Big").getBinary("edge"));
        assertArrayEquals(justBelow, read.key("Big").getBinary("BELOW"));
        assertEquals("x".repeat(20_000), read.key("Big").getString("LongText"));
        HivexOracle.assertSameTree(HivexOracle.ourTree(read), HivexOracle.hivexTree(file));
        String dataCellSignature = read.bins().signature(dataCellOf(read, "Big", "Big"), "test");
        assertEquals("db", dataCellSignature);
        assertFalse(read.bins().signature(dataCellOf(read, "Big", "Below"), "test").equals("db"));
    }

    private static int dataCellOf(Hive hive, String key, String value) {
        for (int cell : hive.key(key).valueCells()) {
            ValueKey vk = new ValueKey(hive.bins(), cell, "test");
            if (vk.name().equals(value)) {
                return hive.bins().i32(cell + 4 + 8);
            }
        }
        throw new AssertionError(value);
    }

    @Test
    void deletedCellsAreReused() throws Exception {
        Hive hive = Hive.create();
        RegistryKey root = hive.root();
        for (int i = 0; i < 200; i++) {
            root.createKey("Tree\\Sub" + i).setString("Value", "data " + "y".repeat(i));
        }
        root.createKey("Keep").setBinary("Blob", new byte[30_000]);
        Path first = dir.resolve("first");
        hive.save(first);
        long size = Files.size(first);
        int bins = hive.bins().binCount();
        root.deleteKey("Tree");
        root.key("Keep").deleteValue("Blob");
        assertTrue(root.findKey("tree").isEmpty());
        for (int i = 0; i < 200; i++) {
            root.createKey("Again\\New" + i).setString("Value", "data " + "z".repeat(i));
        }
        root.key("Keep").setBinary("Blob2", new byte[30_000]);
        Path second = dir.resolve("second");
        hive.save(second);
        assertEquals(size, Files.size(second), "freed cells were reused, the hive did not grow");
        assertEquals(bins, hive.bins().binCount());
        List<String> tree = HivexOracle.hivexTree(second);
        HivexOracle.assertSameTree(HivexOracle.ourTree(Hive.open(second)), tree);
        assertFalse(tree.stream().anyMatch(l -> l.contains("Tree")));
        assertEquals(203, tree.stream().filter(l -> l.startsWith("K ")).count());
    }

    @Test
    void unchangedRoundTripKeepsTheTree() throws Exception {
        Path original = dir.resolve("original");
        sampleHive().save(original);
        HivexOracle.hivexshWrite(original, "cd ControlSet001\nadd FromHivex\ncd FromHivex\nsetval 1\nName\n"
                + "string:by hivex\ncommit\n");
        Path copy = dir.resolve("copy");
        Hive.open(original).save(copy);
        HivexOracle.assertSameTree(HivexOracle.hivexTree(original), HivexOracle.hivexTree(copy));
        byte[] a = Files.readAllBytes(original);
        byte[] b = Files.readAllBytes(copy);
        assertArrayEquals(Arrays.copyOfRange(a, 4096, a.length), Arrays.copyOfRange(b, 4096, b.length),
                "hive bins are written back unchanged");
    }

    @Test
    void readsWhatHivexshWrites() throws Exception {
        Path file = dir.resolve("edited");
        Hive.create("CMI-CreateHive{00000000-0000-0000-0000-000000000000}").save(file);
        // hivexsh reads lines of at most about 8 KB, so 4,000 bytes (8,000 hex digits) is its largest value.
        byte[] big = new byte[4_000];
        new Random(3).nextBytes(big);
        StringBuilder hex = new StringBuilder();
        for (byte x : big) {
            hex.append(String.format("%02x", x & 0xff));
        }
        StringBuilder script = new StringBuilder();
        script.append("add Values\ncd Values\nsetval 11\n")
                .append("@\nstring:default\n")
                .append("Str\nstring:hello world\n")
                .append("Exp\nexpandstring:%TEMP%\\x\n")
                .append("Dw\ndword:0x12345678\n")
                // hivexsh's "qword:" form stores garbage in the high half, so the QWORD goes in as hex.
                .append("Qw\nhex:11:ef,cd,ab,89,67,45,23,01\n")
                .append("Multi\nhex:7:61,00,00,00,62,00,63,00,00,00,00,00\n")
                .append("Be\nhex:5:01,02,03,04\n")
                .append("Link\nhex:6:5c,00,41,00\n")
                .append("None\nnone\n")
                .append("Odd\nhex:1234:ab,cd\n")
                .append("Big\nhex:3:").append(hex).append('\n')
                .append("cd ..\nadd Doomed\ncd Doomed\nadd Child\ndel\n");
        for (int i = 0; i < 300; i++) {
            script.append("add Sub").append(i).append('\n');
        }
        script.append("commit\n");
        HivexOracle.hivexshWrite(file, script.toString());
        Hive hive = Hive.open(file);
        assertFalse(hive.isDirty());
        RegistryKey values = hive.key("values");
        assertEquals("default", values.getString(""));
        assertEquals("hello world", values.getString("str"));
        assertEquals("%TEMP%\\x", values.getString("Exp"));
        assertEquals(0x12345678, values.getDword("Dw"));
        assertEquals(0x0123456789abcdefL, values.getQword("Qw"));
        assertEquals(List.of("a", "bc"), values.getMultiString("Multi"));
        assertEquals(0x01020304, values.getDword("Be"));
        assertEquals("\\A", values.getString("Link"));
        assertEquals(0, values.getBinary("None").length);
        assertEquals(new RegistryValue("Odd", 1234, new byte[] {(byte) 0xab, (byte) 0xcd}),
                values.value("odd").orElseThrow());
        assertArrayEquals(big, values.getBinary("Big"));
        assertTrue(hive.findKey("Doomed").isEmpty());
        assertEquals(301, hive.root().subkeys().size());
        HivexOracle.assertSameTree(HivexOracle.hivexTree(file), HivexOracle.ourTree(hive));
        // And what we change in a hivex-written hive, hivex reads.
        values.setString("Str", "changed");
        hive.root().deleteKey("Sub7");
        hive.root().createKey("Sub7b\\Deeper").setQword("q", -1);
        hive.save(file);
        HivexOracle.assertSameTree(HivexOracle.ourTree(hive), HivexOracle.hivexTree(file));
    }

    @Test
    void hivexshAddsManySubkeysWeRead() throws Exception {
        Path file = dir.resolve("manyhivex");
        Hive.create().save(file);
        StringBuilder script = new StringBuilder("add Parent\ncd Parent\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String name = "Name" + Integer.toHexString(i * 7919);
            names.add(name);
            script.append("add ").append(name).append('\n');
        }
        script.append("commit\n");
        HivexOracle.hivexshWrite(file, script.toString());
        Hive hive = Hive.open(file);
        names.sort(KeyNames::compare);
        assertEquals(names, hive.key("Parent").subkeys().stream().map(RegistryKey::name).toList());
        HivexOracle.assertSameTree(HivexOracle.hivexTree(file), HivexOracle.ourTree(hive));
        assertEquals("Name" + Integer.toHexString(1999 * 7919),
                hive.key("PARENT\\name" + Integer.toHexString(1999 * 7919)).name());
        assertLeafHashesMatchNames(hive, hive.key("Parent"));
    }
}
