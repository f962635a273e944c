package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header and XML data of WIM files that wimlib-imagex writes, compared with what wimlib-imagex info says. */
class WimFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}, {2} image(s)")
    @CsvSource({
            "none,   '',      1", "none,   '',      3",
            "xpress, '',      1", "xpress, '',      3",
            "lzx,    '',      1", "lzx,    '',      3",
            "lzms,   '',      1", "lzms,   '',      3",
            "lzms,   --solid, 3"})
    void readsWhatWimlibWrites(String compression, String solid, int images) throws IOException {
        Path wim = dir.resolve("test.wim");
        String[] options = solid.isEmpty() ? new String[] {"--compress=" + compression}
                : new String[] {"--compress=" + compression, solid};
        Wimlib.capture(SyntheticTree.write(dir.resolve("src1"), 1), wim, "Windows 7 PROFESSIONAL", "First image", options);
        for (int i = 2; i <= images; i++) {
            Wimlib.append(SyntheticTree.write(dir.resolve("src" + i), i), wim, "Image " + i, "Description " + i, options);
        }
        Wimlib.Info oracle = Wimlib.info(wim);

        try (WimFile file = WimFile.open(wim)) {
            assertEquals(Integer.parseInt(oracle.file().get("Image Count")), file.imageCount());
            assertEquals(images, file.imageCount());
            assertEquals(oracle.file().get("Compression"), file.header().compressionType().displayName());
            assertEquals(oracle.file().get("Chunk Size"), file.header().chunkSize() + " bytes");
            assertEquals(Integer.parseInt(oracle.file().get("Boot Index")), file.header().bootIndex());
            assertEquals(oracle.file().get("GUID"), "0x" + file.header().guid());
            // wimlib writes version 3584 for LZMS files as well as for solid ones, as Windows does for .esd files
            boolean esd = compression.equals("lzms") || !solid.isEmpty();
            assertEquals(esd ? WimHeader.VERSION_SOLID : WimHeader.VERSION_DEFAULT, file.header().version());
            assertEquals(Long.parseLong(oracle.file().get("Version")), file.header().version());
            for (Map<String, String> expected : oracle.images()) {
                ImageInfo image = file.image(Integer.parseInt(expected.get("Index")));
                assertEquals(expected.get("Name"), image.name());
                assertEquals(expected.get("Description"), image.description());
                assertEquals(Long.parseLong(expected.get("Directory Count")), image.directoryCount());
                assertEquals(Long.parseLong(expected.get("File Count")), image.fileCount());
                assertEquals(Long.parseLong(expected.get("Total Bytes")), image.totalBytes());
                assertEquals(Long.parseLong(expected.get("Hard Link Bytes")), image.hardLinkBytes());
                assertTrue(image.creationTime().isPresent(), "creation time of image " + image.index());
            }
            assertEquals("Windows 7 PROFESSIONAL", file.imageNamed("windows 7 professional").orElseThrow().name());
        }
    }

    @Test
    void readsWindowsPropertiesAndBootIndex() throws IOException {
        Path wim = dir.resolve("boot.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("a"), 1), wim, "Microsoft Windows PE (x64)", "WinPE", "--compress=lzx");
        Wimlib.append(SyntheticTree.write(dir.resolve("b"), 2), wim, "Microsoft Windows Setup (x64)", "Setup", "--compress=lzx");
        Wimlib.setProperties(wim, 2, "WINDOWS/ARCH=9", "WINDOWS/PRODUCTNAME=Microsoft® Windows® Operating System",
                "WINDOWS/EDITIONID=WindowsPE", "WINDOWS/INSTALLATIONTYPE=WindowsPE", "WINDOWS/HAL=acpiapic",
                "WINDOWS/PRODUCTTYPE=WinNT", "WINDOWS/PRODUCTSUITE=Terminal Server", "WINDOWS/SYSTEMROOT=WINDOWS",
                "WINDOWS/LANGUAGES/LANGUAGE=en-US", "WINDOWS/LANGUAGES/DEFAULT=en-US", "WINDOWS/VERSION/MAJOR=6",
                "WINDOWS/VERSION/MINOR=1", "WINDOWS/VERSION/BUILD=7600", "WINDOWS/VERSION/SPBUILD=16385",
                "WINDOWS/VERSION/SPLEVEL=0");
        Wimlib.setBootIndex(wim, 2);

        try (WimFile file = WimFile.open(wim)) {
            assertEquals(2, file.header().bootIndex());
            assertTrue(file.isBootable(2));
            assertFalse(file.isBootable(1));
            WindowsInfo windows = file.image(2).windows().orElseThrow();
            assertEquals(WindowsInfo.Architecture.X64, windows.architecture().orElseThrow());
            assertEquals("Microsoft® Windows® Operating System", windows.productName());
            assertEquals("WindowsPE", windows.editionId());
            assertEquals("acpiapic", windows.hal());
            assertEquals("Terminal Server", windows.productSuite());
            assertEquals("WINDOWS", windows.systemRoot());
            assertEquals(List.of("en-US"), windows.languages());
            assertEquals("en-US", windows.defaultLanguage());
            assertEquals(new WindowsVersion(6, 1, 7600, 16385, 0), windows.version().orElseThrow());
            assertTrue(file.image(1).windows().isEmpty());
        }
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> WimFile.open(dir.resolve("absent.wim")));
    }

    @Test
    void refusesAFileThatIsNotAWim() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wim"), "these are not the bytes of a WIM file ".repeat(10));
        WimFormatException e = assertThrows(WimFormatException.class, () -> WimFile.open(text));
        assertTrue(e.getMessage().contains("not a WIM file"), e.getMessage());
    }

    @Test
    void refusesATruncatedHeader() throws IOException {
        Path wim = capturedWim();
        Path cut = Files.write(dir.resolve("cut.wim"), java.util.Arrays.copyOf(Files.readAllBytes(wim), 100));
        WimFormatException e = assertThrows(WimFormatException.class, () -> WimFile.open(cut));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
    }

    @Test
    void refusesXmlDataOutsideTheFile() throws IOException {
        Path wim = capturedWim();
        byte[] bytes = Files.readAllBytes(wim);
        // The XML data's resource header starts at offset 72 (8+4+4+4+4+16+2+2+4+24); move its offset past the end.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(72 + 8, bytes.length + 4096L);
        Path damaged = Files.write(dir.resolve("damaged.wim"), bytes);
        WimFormatException e = assertThrows(WimFormatException.class, () -> WimFile.open(damaged));
        assertTrue(e.getMessage().contains("outside the file"), e.getMessage());
    }

    @Test
    void refusesXmlDataWithADocumentTypeDeclaration() {
        String hostile = "\uFEFF<?xml version=\"1.0\"?><!DOCTYPE WIM [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<WIM><IMAGE INDEX=\"1\"><NAME>&x;</NAME></IMAGE></WIM>";
        WimFormatException e = assertThrows(WimFormatException.class,
                () -> XmlData.parse(hostile.getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(e.getMessage().contains("XML"), e.getMessage());
    }

    @Test
    void refusesAnUnknownVersion() throws IOException {
        byte[] bytes = Files.readAllBytes(capturedWim());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x20000);
        WimFormatException e = assertThrows(WimFormatException.class, () -> WimHeader.parse(bytes));
        assertTrue(e.getMessage().contains("version 0x20000"), e.getMessage());
    }

    @Test
    void resourceHeaderRoundTrips() {
        ResourceHeader header = new ResourceHeader(0x12_3456_789AL, ResourceHeader.FLAG_COMPRESSED | ResourceHeader.FLAG_METADATA,
                1234567L, 0x55_0000_0000L);
        ByteBuffer buffer = ByteBuffer.allocate(ResourceHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.write(buffer);
        buffer.flip();
        ResourceHeader read = ResourceHeader.read(buffer);
        assertEquals(header, read);
        assertTrue(read.isCompressed());
        assertTrue(read.isMetadata());
        assertFalse(read.isSolid());
    }

    private Path capturedWim() throws IOException {
        Path wim = dir.resolve("plain.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("plain"), 7), wim, "Plain", "Plain image", "--compress=none");
        return wim;
    }
}
