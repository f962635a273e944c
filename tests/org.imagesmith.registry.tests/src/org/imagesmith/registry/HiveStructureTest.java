package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Base block, cells, names, security cells and the API on hives we build. */
class HiveStructureTest {
    @TempDir
    Path dir;

    static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static void fixChecksum(byte[] file) {
        le(file).putInt(BaseBlock.CHECKSUM_OFFSET, BaseBlock.checksum(file));
    }

    @Test
    void baseBlockHasChecksumAndMatchingSequenceNumbers() throws Exception {
        Hive hive = Hive.create();
        byte[] first = hive.toByteArray();
        ByteBuffer b = le(first);
        assertEquals(BaseBlock.SIGNATURE, b.getInt(0));
        assertEquals(b.getInt(4), b.getInt(8));
        assertEquals(BaseBlock.checksum(first), b.getInt(508));
        assertEquals(1, b.getInt(20));
        assertEquals(5, b.getInt(24));
        assertEquals(first.length - 4096, b.getInt(40));
        int sequence = b.getInt(4);
        byte[] second = hive.toByteArray();
        assertEquals(sequence + 1, le(second).getInt(4), "every write advances the sequence numbers");
        assertEquals(sequence + 1, le(second).getInt(8));
        assertEquals("hbin", new String(second, 4096, 4, "US-ASCII"));
    }

    @Test
    void pathsAreCaseInsensitiveAndTypedAccessChecksTypes() {
        Hive hive = HiveOracleTest.sampleHive();
        RegistryKey lang = hive.key("controlset001\\CONTROL\\nls\\LANGUAGE");
        assertEquals("ControlSet001\\Control\\Nls\\Language", lang.path());
        assertEquals("Language", lang.name());
        assertEquals("LangClass", lang.className().orElseThrow());
        assertTrue(hive.key("Software").className().isEmpty());
        assertEquals(lang, hive.root().key("\\ControlSet001\\Control\\").key("Nls\\language"));
        assertTrue(hive.findKey("ControlSet001\\Missing").isEmpty());
        RegistryEntryNotFoundException missing = assertThrows(RegistryEntryNotFoundException.class,
                () -> hive.key("ControlSet001\\Missing"));
        assertTrue(missing.getMessage().contains("ControlSet001\\Missing"), missing.getMessage());
        assertEquals("0409", lang.getString("DEFAULT"));
        assertEquals(0x80000001, lang.getDword("dword"));
        assertEquals(0x01020304, lang.getDword("BigEndian"));
        assertEquals(0x1122334455667788L, lang.getQword("Qword"));
        assertEquals(List.of("first", "second", "third"), lang.getMultiString("Multi"));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7}, lang.getBinary("Blob"));
        assertEquals("\\Registry\\Machine\\System\\ControlSet001", lang.getString("SymbolicLinkValue"));
        assertEquals(0x20001, lang.value("unknown").orElseThrow().type());
        assertTrue(lang.value("unknown").orElseThrow().valueType().isEmpty());
        assertThrows(ValueTypeMismatchException.class, () -> lang.getDword("Default"));
        assertThrows(ValueTypeMismatchException.class, () -> lang.getString("Dword"));
        assertThrows(RegistryEntryNotFoundException.class, () -> lang.getString("Nope"));
        Instant written = lang.lastWritten();
        assertTrue(Duration.between(written, Instant.now()).abs().toMinutes() < 5, written.toString());
    }

    @Test
    void namesAreStoredCompressedWhenTheyFitOneByte() {
        Hive hive = HiveOracleTest.sampleHive();
        HiveBins bins = hive.bins();
        RegistryKey software = hive.key("Software");
        assertTrue((new KeyNode(bins, software.cell(), "t").flags() & KeyNode.FLAG_COMP_NAME) != 0);
        RegistryKey cyrillic = software.key("\u0416\u0443\u043a");
        assertEquals(0, new KeyNode(bins, cyrillic.cell(), "t").flags() & KeyNode.FLAG_COMP_NAME);
        assertEquals("\u0416\u0443\u043a", cyrillic.name());
        for (int cell : hive.key("ControlSet001\\Control\\Nls\\Language").valueCells()) {
            ValueKey vk = new ValueKey(bins, cell, "t");
            boolean compressed = (bins.u16(cell + 4 + 16) & ValueKey.FLAG_COMP_NAME) != 0;
            assertEquals(KeyNames.compressible(vk.name()), compressed, vk.name());
        }
        assertEquals("compressed (Latin-1) value name",
                hive.key("ControlSet001\\Control\\Nls\\Language").getString("CAF\u00c9"));
    }

    @Test
    void securityCellsAreSharedAndReferenceCounted() throws Exception {
        Hive hive = Hive.create();
        RegistryKey root = hive.root();
        RegistryKey a = root.createKey("A");
        RegistryKey b = root.createKey("B");
        root.createKey("C");
        HiveBins bins = hive.bins();
        int shared = new KeyNode(bins, root.cell(), "t").security();
        assertEquals(4, new SecurityKey(bins, shared, "t").referenceCount(), "root and its three subkeys");
        byte[] custom = SecurityDescriptors.defaultForNewHive();
        custom[custom.length - 1] ^= 1;
        a.setSecurityDescriptor(custom);
        b.setSecurityDescriptor(custom);
        int own = new KeyNode(bins, a.cell(), "t").security();
        assertNotEquals(shared, own);
        assertEquals(own, new KeyNode(bins, b.cell(), "t").security(), "identical descriptors share one cell");
        assertEquals(2, new SecurityKey(bins, own, "t").referenceCount());
        assertEquals(2, new SecurityKey(bins, shared, "t").referenceCount());
        assertArrayEquals(custom, a.securityDescriptor());
        RegistryKey child = a.createKey("Child");
        assertArrayEquals(custom, child.securityDescriptor(), "new keys inherit their parent's cell");
        assertEquals(3, new SecurityKey(bins, own, "t").referenceCount());
        SecurityKey sk = new SecurityKey(bins, shared, "t");
        assertEquals(own, sk.flink());
        assertEquals(own, sk.blink());
        root.deleteKey("A");
        root.deleteKey("B");
        assertEquals(shared, new SecurityKey(bins, shared, "t").flink(), "the last reference unlinks the cell");
        Path file = dir.resolve("security");
        hive.save(file);
        HivexOracle.assertSameTree(HivexOracle.ourTree(hive), HivexOracle.hivexTree(file));
    }

    @Test
    void valuesAreReplacedAndDeletedAndTheirCellsFreed() {
        Hive hive = Hive.create();
        RegistryKey key = hive.root().createKey("K");
        key.setBinary("Big", new byte[50_000]);
        key.setDword("A", 1);
        key.setString("B", "b");
        int binsBefore = hive.bins().binCount();
        key.setBinary("big", new byte[] {1});
        assertEquals("Big", key.values().get(0).name(), "replacing keeps the stored name and position");
        assertArrayEquals(new byte[] {1}, key.getBinary("BIG"));
        key.setBinary("Big2", new byte[50_000]);
        assertEquals(binsBefore, hive.bins().binCount(), "the freed big data cells were reused");
        assertTrue(key.deleteValue("a"));
        assertFalse(key.deleteValue("a"));
        assertEquals(List.of("Big", "B", "Big2"), key.values().stream().map(RegistryValue::name).toList());
        key.deleteValue("Big");
        key.deleteValue("B");
        key.deleteValue("Big2");
        assertTrue(key.values().isEmpty());
        assertEquals(KeyNode.NONE, new KeyNode(hive.bins(), key.cell(), "t").valueList());
    }

    @Test
    void olderFormatVersionsGetLfAndLiLeaves() throws Exception {
        for (int minor : new int[] {3, 2}) {
            byte[] bytes = Hive.create().toByteArray();
            le(bytes).putInt(24, minor);
            fixChecksum(bytes);
            Hive hive = Hive.read(bytes);
            RegistryKey parent = hive.root().createKey("P");
            for (int i = 0; i < 600; i++) {
                parent.createKey("Key" + i);
            }
            parent.setBinary("Long", new byte[20_000]);
            Path file = dir.resolve("v1." + minor);
            hive.save(file);
            Hive read = Hive.open(file);
            int list = new KeyNode(read.bins(), read.key("P").cell(), "t").subkeyList();
            assertEquals("ri", read.bins().signature(list, "t"));
            int leaf = read.bins().i32(list + 8);
            assertEquals(minor == 3 ? "lf" : "li", read.bins().signature(leaf, "t"));
            assertEquals(20_000, read.key("P").getBinary("Long").length);
            HivexOracle.assertSameTree(HivexOracle.ourTree(read), HivexOracle.hivexTree(file));
        }
    }

    @Test
    void saveReplacesAtomicallyWithoutLeavingTemporaryFiles() throws Exception {
        Path file = dir.resolve("SOFTWARE");
        Files.writeString(file, "old contents");
        Hive hive = HiveOracleTest.sampleHive();
        hive.save(file);
        hive.root().createKey("Second");
        hive.save(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Hive.open(file).findKey("second").isPresent());
    }

    @Test
    void deletingKeysRemovesWholeSubtrees() {
        Hive hive = HiveOracleTest.sampleHive();
        int freeBefore = hive.bins().freeCellCount();
        hive.root().deleteKey("ControlSet001\\Control");
        assertTrue(hive.findKey("ControlSet001\\Control").isEmpty());
        assertTrue(hive.key("ControlSet001").subkeys().isEmpty());
        assertTrue(hive.bins().freeCellCount() > freeBefore);
        assertThrows(RegistryEntryNotFoundException.class, () -> hive.root().deleteKey("Nope"));
        assertThrows(IllegalArgumentException.class, () -> hive.root().deleteKey(""));
        assertThrows(IllegalArgumentException.class, () -> hive.root().createKey("x".repeat(256)));
    }

    @Test
    void aNewHiveHasANewFilesModeAndASavedHiveKeepsItsOwn() throws Exception {
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Path file = dir.resolve("SOFTWARE");
        HiveOracleTest.sampleHive().save(file);
        assertEquals(ordinary, Files.getPosixFilePermissions(file), "0666 less the umask, as any new file");
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(file, chosen);
        Hive hive = Hive.open(file);
        hive.root().createKey("Changed");
        hive.save(file);
        assertEquals(chosen, Files.getPosixFilePermissions(file));
        assertTrue(Hive.open(file).findKey("Changed").isPresent());
    }
}
