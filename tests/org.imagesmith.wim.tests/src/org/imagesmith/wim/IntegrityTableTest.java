package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IntegrityTable} on files wimlib-imagex writes with --check, and against "wimlib-imagex verify". */
class IntegrityTableTest {
    @TempDir
    Path dir;

    @Test
    void verifiesWhatWimlibWritesAndFindsADamagedByte() throws IOException {
        Path source = ImageApplierTest.writeTree(dir.resolve("src"), 1);
        Path wim = dir.resolve("checked.wim");
        Wimlib.capture(source, wim, "One", "first", "--check", "--compress=none");
        Wimlib.append(source, wim, "Two", "second", "--check");
        try (WimFile file = WimFile.open(wim)) {
            assertTrue(IntegrityTable.verify(file));
        }
        Wimlib.run("verify", wim.toString());

        try (RandomAccessFile raw = new RandomAccessFile(wim.toFile(), "rw")) {
            long at = WimHeader.SIZE + 1000;
            raw.seek(at);
            int b = raw.read();
            raw.seek(at);
            raw.write(b ^ 0x40);
        }
        try (WimFile file = WimFile.open(wim)) {
            WimFormatException e = assertThrows(WimFormatException.class, () -> IntegrityTable.verify(file));
            assertTrue(e.getMessage().contains("bytes 208 to"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> Wimlib.run("verify", wim.toString()),
                "wimlib-imagex verify must find the damage too");
    }

    @Test
    void aFileWithoutIntegrityTableHasNothingToVerify() throws IOException {
        Path wim = dir.resolve("plain.wim");
        Wimlib.capture(ImageApplierTest.writeTree(dir.resolve("src"), 1), wim, "One", "first");
        try (WimFile file = WimFile.open(wim)) {
            assertFalse(IntegrityTable.verify(file));
        }
    }
}
