package org.imagesmith.servicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening offline images: identity from the hives, errors for what is not an image, the log and scratch folder. */
class ServicingSessionTest {
    @TempDir
    Path dir;

    @Test
    void readsTheIdentityOfWindows7() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            ImageIdentity identity = session.identity();
            assertEquals("6.1.7601.17514", identity.version());
            assertEquals("Professional", identity.editionId());
            assertEquals("Client", identity.installationType());
            assertEquals(org.imagesmith.wim.WindowsInfo.Architecture.X64, identity.architecture());
            assertEquals("Service Pack 1", identity.servicePack());
        }
    }

    @Test
    void readsTheIdentityOfServer2008R2() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("srv"), SyntheticWindowsImage.Kind.SERVER_2008_R2_SP1);
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty())) {
            assertEquals("ServerStandard", session.identity().editionId());
            assertEquals("Server", session.identity().installationType());
        }
    }

    @Test
    void findsWindowsPathsWhateverTheirCase() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("img"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        DirectoryImage image = DirectoryImage.open(root);
        assertEquals(root.resolve("Windows/System32/config/SOFTWARE"), image.find("WINDOWS\\system32\\CONFIG\\software").orElseThrow());
        assertTrue(image.find("Windows\\System32\\nothing.dll").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> image.find("Windows\\..\\..\\etc\\passwd"));
        assertEquals(root.resolve("Windows/servicing/new/file.txt"), image.pathForWrite("windows\\SERVICING\\new\\file.txt"));
        assertTrue(Files.isDirectory(root.resolve("Windows/servicing/new")));
    }

    @Test
    void aFolderWithoutWindowsIsNotAnImage() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ServicingException e = assertThrows(ServicingException.class, () -> DirectoryImage.open(empty));
        assertTrue(e.getMessage().contains("holds no Windows folder"), e.getMessage());
        ServicingException missing = assertThrows(ServicingException.class, () -> DirectoryImage.open(dir.resolve("absent")));
        assertEquals(ServicingException.FILE_NOT_FOUND, missing.errorCode());
    }

    @Test
    void anImageWithoutSoftwareHiveIsRefused() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("nohive"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Files.delete(root.resolve("Windows/System32/config/SOFTWARE"));
        ServicingException e = assertThrows(ServicingException.class,
                () -> ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty()));
        assertEquals(ServicingException.FILE_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("SOFTWARE"), e.getMessage());
    }

    @Test
    void aDamagedHiveIsABadFormat() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("bad"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Files.writeString(root.resolve("Windows/System32/config/SYSTEM"), "regf? no, garbage");
        ServicingException e = assertThrows(ServicingException.class,
                () -> ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty()));
        assertEquals(ServicingException.BAD_FORMAT, e.errorCode());
        assertTrue(e.getMessage().contains("SYSTEM"), e.getMessage());
    }

    @Test
    void logsInDismFormatAtTheChosenLevel() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("log"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path errorsOnly = dir.resolve("errors.log");
        Path debug = dir.resolve("debug.log");
        for (Path file : List.of(errorsOnly, debug)) {
            LogLevel level = file == debug ? LogLevel.DEBUG : LogLevel.ERROR;
            try (ServicingLog log = ServicingLog.open(file, level);
                    ServicingSession session = ServicingSession.open(DirectoryImage.open(root), log, Optional.empty())) {
                log.warning("Test", "a warning");
            }
        }
        assertFalse(Files.exists(errorsOnly) && Files.readString(errorsOnly).contains("Info"),
                "level 1 keeps only errors");
        String text = Files.readString(debug);
        assertTrue(text.lines().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d, (Error|Warning|Info|Debug) +DISM   .+: .*")), text);
        assertTrue(text.contains("Debug"), text);
        assertTrue(text.contains("Warning               DISM   Test: a warning"), text);
        assertTrue(text.contains("Image version 6.1.7601.17514"), text);
    }

    @Test
    void theScratchFolderIsRemovedWithTheSession() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("scratch"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path parent = Files.createDirectories(dir.resolve("myscratch"));
        Path used;
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.of(parent))) {
            used = session.scratch().path();
            Files.writeString(session.scratch().newFolder("x").resolve("file"), "data");
            assertTrue(used.startsWith(parent));
        }
        assertFalse(Files.exists(used));
        ServicingException e = assertThrows(ServicingException.class, () -> ScratchDirectory.create(Optional.of(dir.resolve("none"))));
        assertEquals(ServicingException.FILE_NOT_FOUND, e.errorCode());
    }

    @Test
    void aDirtyHiveThatNoLogBringsUpToDateIsReadButTheImageIsNotChanged() throws Exception {
        Path root = SyntheticWindowsImage.write(dir.resolve("dirty"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Path software = root.resolve("Windows/System32/config/SOFTWARE");
        byte[] bytes = Files.readAllBytes(software);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(4, header.getInt(8) + 1);
        int checksum = 0;
        for (int i = 0; i < 508; i += 4) {
            checksum ^= header.getInt(i);
        }
        header.putInt(508, checksum);
        Files.write(software, bytes);
        Files.write(root.resolve("Windows/System32/config/SOFTWARE.LOG1"), new byte[0]);
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(),
                Optional.empty())) {
            assertEquals("Professional", session.identity().editionId(), "a dirty hive is still read");
            ServicingException refused = assertThrows(ServicingException.class, session::requireWritable);
            assertEquals(ServicingException.REGISTRY_CORRUPT, refused.errorCode());
            assertTrue(refused.getMessage().contains("SOFTWARE.LOG1"), refused.getMessage());
            assertThrows(ServicingException.class, () -> session.saveHive(ServicingSession.SOFTWARE_HIVE));
        }
        assertEquals(-1L, Files.mismatch(software, Files.write(dir.resolve("before"), bytes)));
    }
}
