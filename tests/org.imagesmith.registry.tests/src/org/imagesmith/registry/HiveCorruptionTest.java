package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Damaged hives give a HiveFormatException naming the offset and the problem; never a hang or an OOM. */
class HiveCorruptionTest {
    private static final int BINS = BaseBlock.SIZE;

    /** The sample hive of the oracle tests, and its bytes to damage. */
    private final Hive hive = HiveOracleTest.sampleHive();
    private final byte[] good;

    HiveCorruptionTest() throws DirtyHiveException {
        good = hive.toByteArray();
    }

    private static ByteBuffer le(byte[] b) {
        return HiveStructureTest.le(b);
    }

    private HiveFormatException rejected(byte[] bytes, String expected) {
        HiveFormatException e = assertThrows(HiveFormatException.class, () -> Hive.read(bytes));
        assertTrue(e.getMessage().contains(expected), "message \"" + e.getMessage() + "\" should mention "
                + expected);
        return e;
    }

    private byte[] patched(int fileOffset, int value) {
        byte[] bytes = good.clone();
        le(bytes).putInt(fileOffset, value);
        HiveStructureTest.fixChecksum(bytes);
        return bytes;
    }

    private int nkField(String path, int field) {
        return BINS + hive.key(path).cell() + 4 + field;
    }

    @Test
    void notAHive() {
        rejected(new byte[100], "shorter than the 4096-byte base block");
        byte[] bytes = good.clone();
        bytes[0] = 'x';
        rejected(bytes, "bad signature at file offset 0");
    }

    @Test
    void baseBlockProblems() {
        byte[] bytes = good.clone();
        bytes[100] ^= 1;
        rejected(bytes, "checksum");
        rejected(Arrays.copyOf(good, good.length - 4096), "truncated");
        rejected(patched(40, 12345), "not a positive multiple of 4096");
        rejected(patched(28, 1), "transaction log");
        rejected(patched(20, 2), "unsupported hive format version 2.5");
    }

    @Test
    void binAndCellHeaders() {
        HiveFormatException e = rejected(patched(BINS, 0x12345678), "bad hive bin signature");
        assertEquals(0, e.offset());
        e = rejected(patched(BINS + 8, 4097), "hive bin size");
        e = rejected(patched(BINS + 32, -12), "bad cell size -12");
        assertEquals(32, e.offset());
        assertTrue(e.getMessage().contains("cell offset 0x20, file offset 0x1020"), e.getMessage());
        rejected(patched(BINS + 32, 0x7ffffff8), "bad cell size");
    }

    @Test
    void referencesOutsideTheBins() {
        rejected(patched(36, 0x7fff0000), "not an allocated cell");
        rejected(patched(36, 0x21), "not an allocated cell");
        rejected(patched(nkField("Software", 28), -8), "not an allocated cell");
        HiveFormatException e = rejected(patched(nkField("ControlSet001\\Control\\Nls\\Language", 40), 0x100), "not an allocated cell");
        assertTrue(e.getMessage().startsWith("value list"), e.getMessage());
    }

    @Test
    void badCountsAndLengths() {
        rejected(patched(nkField("Software", 20), 4), "subkey list holds");
        rejected(patched(nkField("Software", 20), 70000), "subkeys but its subkey list holds");
        rejected(patched(nkField("ControlSet001\\Control\\Nls\\Language", 36), 0x10000000), "does not fit");
        int valueCell = hive.key("ControlSet001\\Control\\Nls\\Language").valueCells()[3];
        rejected(patched(BINS + valueCell + 4 + 4, 0x7ffffff0), "bytes of data but its data cell holds");
        int[] values = hive.key("ControlSet001\\Control\\Nls\\Language").valueCells();
        int firstData = le(good).getInt(BINS + values[0] + 4 + 8);
        rejected(patched(BINS + values[3] + 4 + 8, firstData), "cell belongs to both data of value \"Default\"");
        int sk = new KeyNode(hive.bins(), hive.root().cell(), "t").security();
        rejected(patched(BINS + sk + 4 + 12, 2), "reference count of 2 but 12 keys use it");
        byte[] bytes = good.clone();
        ByteBuffer b = le(bytes);
        b.putShort(nkField("Software", 72), (short) 0x7fff);
        HiveStructureTest.fixChecksum(bytes);
        rejected(bytes, "does not fit its");
    }

    @Test
    void loopsInIndexesAndTheKeyTree() throws Exception {
        HiveBins bins = hive.bins();
        int list = new KeyNode(bins, hive.key("Software").cell(), "t").subkeyList();
        byte[] bytes = good.clone();
        ByteBuffer b = le(bytes);
        b.putShort(BINS + list + 4, (short) ('r' | 'i' << 8));
        b.putShort(BINS + list + 6, (short) 1);
        b.putInt(BINS + list + 8, list);
        b.putInt(nkField("Software", 20), 1);
        HiveStructureTest.fixChecksum(bytes);
        rejected(bytes, "twice (loop)");

        int rootList = new KeyNode(bins, hive.root().cell(), "t").subkeyList();
        int rootCount = new KeyNode(bins, hive.root().cell(), "t").subkeyCount();
        byte[] loop = good.clone();
        le(loop).putInt(nkField("Software\\Zulu", 20), rootCount);
        le(loop).putInt(nkField("Software\\Zulu", 28), rootList);
        HiveStructureTest.fixChecksum(loop);
        rejected(loop, "cell belongs to both subkey list of key \"ROOT\" and subkey list of key \"Zulu\"");

        Hive cyclic = Hive.create();
        RegistryKey top = cyclic.root().createKey("Top");
        RegistryKey child = top.createKey("Child");
        int backToTop = SubkeyIndex.write(cyclic.bins(), List.of(new SubkeyIndex.Entry(top.cell(), 0)), 5, 0);
        new KeyNode(cyclic.bins(), child.cell(), "t").setSubkeys(1, backToTop);
        HiveFormatException e = rejected(cyclic.toByteArray(), "reached twice in the key tree");
        assertEquals(top.cell(), e.offset());

        byte[] wrongType = patched(nkField("Software", 28), hive.key("Software\\Zulu").cell());
        rejected(wrongType, "unknown subkey list signature \"nk\"");
    }

    @Test
    void randomDamageNeverEscapesAsAnotherException() {
        Random random = new Random(1234);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            int opened = 0;
            for (int round = 0; round < 400; round++) {
                byte[] bytes = good.clone();
                int changes = 1 + random.nextInt(4);
                for (int i = 0; i < changes; i++) {
                    int at = BINS + random.nextInt(bytes.length - BINS);
                    bytes[at] = (byte) (random.nextBoolean() ? random.nextInt(256) : bytes[at] ^ 0x80);
                }
                HiveStructureTest.fixChecksum(bytes);
                try {
                    Hive damaged = Hive.read(bytes);
                    RegFileWriter.export(damaged.root(), "HKEY_LOCAL_MACHINE\\X", RegFileFormat.VERSION_5);
                    damaged.root().createKey("After\\Damage").setBinary("v", new byte[20_000]);
                    Hive.read(damaged.toByteArray());
                    opened++;
                } catch (HiveFormatException expected) {
                    // The damage was detected.
                } catch (RuntimeException | OutOfMemoryError e) {
                    fail("round " + round + ": " + e, e);
                }
            }
            assertTrue(opened > 0, "some damage lands in unused bytes");
        });
    }
}
