package org.imagesmith.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dirty hives: a primary file whose last write was interrupted is brought up to date from its transaction logs, in
 * the new format ("HvLE" log entries in .LOG1 and .LOG2) and in the old one (a "DIRT" vector and dirty pages), as the
 * registry file format specification describes them. The fixtures are made here: a clean hive we write (A), the same
 * hive changed once (B) and twice (C); the primary holds A marked dirty, the logs hold the pages that changed. What we
 * read must be C (or B), key for key and value for value as hivex reads the clean C.
 */
class TransactionLogTest {
    private static final int PAGE = 4096;
    private static final int SECTOR = 512;

    @TempDir
    Path dir;

    /** The hive bins data of three states of one hive, and the clean primary file of the first. */
    private record States(byte[] a, byte[] binsA, byte[] binsB, byte[] binsC, Hive c) {
    }

    private static States states() throws Exception {
        Hive hive = HiveOracleTest.sampleHive();
        byte[] a = hive.toByteArray();
        Hive reopened = Hive.read(a);
        RegistryKey only = reopened.root().createKey("Software\\OnlyInTheLog");
        only.setString("Written", "by the first log entry");
        byte[] b = reopened.toByteArray();
        reopened.key("ControlSet001\\Control\\Nls\\Language").setString("Default", "0407");
        only.setBinary("Large", filled(9000));
        for (int i = 0; i < 300; i++) {
            reopened.root().createKey("Software\\Grown\\Key" + i).setDword("Index", i);
        }
        byte[] c = reopened.toByteArray();
        return new States(a, bins(a), bins(b), bins(c), reopened);
    }

    private static byte[] filled(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    private static byte[] bins(byte[] file) {
        return Arrays.copyOfRange(file, BaseBlock.SIZE, BaseBlock.SIZE + HiveStructureTest.le(file).getInt(40));
    }

    private static int secondary(byte[] file) {
        return HiveStructureTest.le(file).getInt(8);
    }

    /** The primary file A with its primary sequence number one ahead: a write was started and not finished. */
    private static byte[] dirty(byte[] a) {
        byte[] bytes = a.clone();
        HiveStructureTest.le(bytes).putInt(4, secondary(a) + 1);
        HiveStructureTest.fixChecksum(bytes);
        return bytes;
    }

    /** The offsets of the {@code size}-byte pages of {@code after} that differ from {@code before}. */
    private static List<Integer> changedPages(byte[] before, byte[] after, int size) {
        List<Integer> pages = new ArrayList<>();
        for (int at = 0; at < after.length; at += size) {
            if (at + size > before.length || Arrays.mismatch(Arrays.copyOfRange(before, at, at + size),
                    Arrays.copyOfRange(after, at, at + size)) >= 0) {
                pages.add(at);
            }
        }
        return pages;
    }

    /** The first sector of a log: the primary's base block with the log's file type and sequence numbers. */
    private static byte[] logBaseBlock(byte[] primary, int fileType, int sequence, int binsSize) {
        byte[] block = Arrays.copyOf(primary, SECTOR);
        ByteBuffer b = HiveStructureTest.le(block);
        b.putInt(4, sequence).putInt(8, sequence).putInt(28, fileType).putInt(40, binsSize);
        b.putInt(BaseBlock.CHECKSUM_OFFSET, BaseBlock.checksum(block));
        return block;
    }

    /** A new-format log entry writing the pages of {@code after} that differ from {@code before}. */
    private static byte[] entry(int sequence, byte[] before, byte[] after) {
        List<Integer> pages = changedPages(before, after, PAGE);
        int size = 40 + 8 * pages.size() + PAGE * pages.size();
        size = (size + SECTOR - 1) / SECTOR * SECTOR;
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put("HvLE".getBytes(StandardCharsets.US_ASCII)).putInt(size).putInt(0).putInt(sequence)
                .putInt(after.length).putInt(pages.size()).putLong(0).putLong(0);
        for (int page : pages) {
            out.putInt(page).putInt(PAGE);
        }
        for (int page : pages) {
            out.put(after, page, PAGE);
        }
        byte[] bytes = out.array();
        out.putLong(24, Marvin32.hash(bytes, 40, size - 40, Marvin32.REGISTRY_SEED));
        out.putLong(32, Marvin32.hash(bytes, 0, 32, Marvin32.REGISTRY_SEED));
        return bytes;
    }

    private static byte[] newLog(byte[] primary, int sequence, byte[]... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int binsSize = HiveStructureTest.le(primary).getInt(40);
        out.writeBytes(logBaseBlock(primary, 6, sequence, binsSize));
        for (byte[] entry : entries) {
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** An old-format log: base block copy, "DIRT" and a bit a 512-byte page, then the dirty pages. */
    private static byte[] oldLog(byte[] primary, byte[] before, byte[] after) {
        int sequence = secondary(primary) + 1;
        List<Integer> pages = changedPages(before, after, SECTOR);
        int bits = after.length / SECTOR;
        byte[] vector = new byte[(4 + (bits + 7) / 8 + SECTOR - 1) / SECTOR * SECTOR];
        System.arraycopy("DIRT".getBytes(StandardCharsets.US_ASCII), 0, vector, 0, 4);
        for (int page : pages) {
            int bit = page / SECTOR;
            vector[4 + bit / 8] |= (byte) (1 << (bit % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(logBaseBlock(primary, 1, sequence, after.length));
        out.writeBytes(vector);
        for (int page : pages) {
            out.write(after, page, SECTOR);
        }
        return out.toByteArray();
    }

    private void assertReadsAs(Hive expected, Hive actual) throws Exception {
        Path clean = dir.resolve("expected-" + System.nanoTime());
        expected.save(clean);
        HivexOracle.assertSameTree(HivexOracle.hivexTree(clean), HivexOracle.ourTree(actual));
    }

    @Test
    void marvin32GivesThePublishedTestVectors() {
        long seed = 0x004FB61A001BDBCCL;
        assertEquals(0x30ED35C100CD3C7DL, Marvin32.hash(new byte[0], 0, 0, seed));
        assertEquals(0x48E73FC77D75DDC1L, Marvin32.hash(new byte[] {(byte) 0xAF}, 0, 1, seed));
        assertEquals(0xB5F6E1FC485DBFF8L, Marvin32.hash(new byte[] {(byte) 0xE7, 0x0F}, 0, 2, seed));
    }

    @Test
    void newFormatEntriesOfBothLogsAreAppliedInSequence() throws Exception {
        States s = states();
        int seq = secondary(s.a());
        Path primary = Files.write(dir.resolve("SOFTWARE"), dirty(s.a()));
        Files.write(dir.resolve("SOFTWARE.LOG1"), newLog(s.a(), seq, entry(seq, s.binsA(), s.binsB())));
        Files.write(dir.resolve("software.log2"), newLog(s.a(), seq + 1, entry(seq + 1, s.binsB(), s.binsC())));
        assertTrue(s.binsC().length > s.binsA().length, "the second entry grows the hive bins data");

        Hive hive = Hive.open(primary);
        assertFalse(hive.isDirty());
        assertTrue(hive.warnings().get(0).contains("2 log entries"), hive.warnings().toString());
        assertEquals("0407", hive.key("ControlSet001\\Control\\Nls\\Language").getString("Default"));
        assertArrayEquals(filled(9000), hive.key("Software\\OnlyInTheLog").value("Large").orElseThrow().data());
        assertReadsAs(s.c(), hive);

        hive.save(primary);
        byte[] saved = Files.readAllBytes(primary);
        assertTrue(secondary(saved) > seq + 1, "the saved hive's sequence numbers pass every log entry's");
        Hive again = Hive.open(primary);
        assertFalse(again.isDirty());
        assertTrue(again.warnings().isEmpty(), again.warnings().toString());
        assertReadsAs(s.c(), again);

        // a later interrupted write of the saved hive does not take the old entries for new ones
        Files.write(primary, dirty(saved));
        Hive stale = Hive.open(primary);
        assertTrue(stale.isDirty(), stale.warnings().toString());
        assertThrows(DirtyHiveException.class, () -> stale.save(primary));
    }

    @Test
    void anEntryWithAWrongHashEndsTheRecovery() throws Exception {
        States s = states();
        int seq = secondary(s.a());
        byte[] second = entry(seq + 1, s.binsB(), s.binsC());
        second[second.length - 1] ^= 1;
        Path primary = Files.write(dir.resolve("SYSTEM"), dirty(s.a()));
        Files.write(dir.resolve("SYSTEM.LOG1"), newLog(s.a(), seq, entry(seq, s.binsA(), s.binsB()), second));
        Hive hive = Hive.open(primary);
        assertEquals("by the first log entry", hive.key("Software\\OnlyInTheLog").getString("Written"));
        assertEquals("0409", hive.key("ControlSet001\\Control\\Nls\\Language").getString("Default"));
    }

    @Test
    void anEntryClaimingAHugeHiveIsNotApplied() throws Exception {
        States s = states();
        int seq = secondary(s.a());
        byte[] huge = entry(seq, s.binsA(), s.binsB());
        ByteBuffer b = HiveStructureTest.le(huge);
        b.putInt(16, 0x7FFF_F000);
        b.putLong(32, Marvin32.hash(huge, 0, 32, Marvin32.REGISTRY_SEED));
        Path primary = Files.write(dir.resolve("SOFTWARE"), dirty(s.a()));
        Files.write(dir.resolve("SOFTWARE.LOG1"), newLog(s.a(), seq, huge));
        Hive hive = Hive.open(primary);
        assertTrue(hive.isDirty(), "a damaged first entry leaves the hive dirty, and not saved");
        assertTrue(hive.findKey("Software\\OnlyInTheLog").isEmpty());
    }

    @Test
    void aLogThatStartsBeforeThePrimaryIsNotApplied() throws Exception {
        States s = states();
        int seq = secondary(s.a());
        Path primary = Files.write(dir.resolve("SOFTWARE"), dirty(s.a()));
        Files.write(dir.resolve("SOFTWARE.LOG1"), newLog(s.a(), seq - 1, entry(seq - 1, s.binsA(), s.binsB())));
        Hive hive = Hive.open(primary);
        assertTrue(hive.isDirty());
        assertTrue(hive.findKey("Software\\OnlyInTheLog").isEmpty());
    }

    @Test
    void oldFormatDirtyPagesAreApplied() throws Exception {
        States s = states();
        Path primary = Files.write(dir.resolve("SAM"), dirty(s.a()));
        Files.write(dir.resolve("SAM.LOG1"), new byte[0]);
        Files.write(dir.resolve("SAM.LOG2"), oldLog(s.a(), s.binsA(), s.binsC()));
        Hive hive = Hive.open(primary);
        assertFalse(hive.isDirty(), hive.warnings().toString());
        assertTrue(hive.warnings().get(0).contains("SAM.LOG2"), hive.warnings().toString());
        assertReadsAs(s.c(), hive);
        hive.save(primary);
        assertTrue(Hive.open(primary).warnings().isEmpty(), "a saved hive is clean; the log no longer applies");
    }

    @Test
    void aDirtyHiveWithoutLogsIsReadAsItIsAndNotSaved() throws Exception {
        States s = states();
        byte[] bytes = dirty(s.a());
        Path primary = Files.write(dir.resolve("DEFAULT"), bytes);
        Hive hive = Hive.open(primary);
        assertTrue(hive.isDirty());
        assertTrue(hive.warnings().get(0).contains("cannot be saved"), hive.warnings().toString());
        assertEquals("0409", hive.key("ControlSet001\\Control\\Nls\\Language").getString("Default"));
        hive.root().createKey("Change");
        DirtyHiveException refused = assertThrows(DirtyHiveException.class, () -> hive.save(primary));
        assertTrue(refused.getMessage().contains(".LOG1"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(primary), "nothing is written");
        assertThrows(DirtyHiveException.class, () -> Hive.read(bytes).toByteArray());
    }
}
