package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .msu packages: the package cabinets inside are listed and extracted, and pkgProperties.txt is parsed. */
class MsuFileTest {
    private static final String BASE = "Windows10.0-KB5034441-x64";
    private static final String PROPERTIES = "ApplicabilityInfo=\"Windows 10.0 Client SKUs\"\r\n"
            + "Applies to=\"Security Update for Windows (KB5034441)\"\r\n"
            + "Build Date=\"2024/01/04\"\r\n"
            + "Company=\"Microsoft Corporation\"\r\n"
            + "File Version=\"10.0.19041.3920\"\r\n"
            + "Installation Type=\"Security Update\"\r\n"
            + "Installer Engine=\"Component Based Servicing\"\r\n"
            + "Installer Version=\"6.0.6000.16386\"\r\n"
            + "KB Article Number=\"5034441\"\r\n"
            + "Language=\"ALL\"\r\n"
            + "Package Type=\"Update\"\r\n"
            + "Processor Architecture=\"amd64\"\r\n"
            + "Product Name=\"Windows 10.0\"\r\n"
            + "Support Link=\"http://support.microsoft.com?kbid=5034441\"\r\n";

    @TempDir
    Path temp;

    private static byte[] utf16WithBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    /** Makes the inner package cabinet with gcab, then the .msu around it with gcab. */
    private Path buildMsu(byte[] properties) throws Exception {
        Path inner = Files.createDirectories(temp.resolve("inner"));
        Files.writeString(inner.resolve("update.mum"), "<?xml version=\"1.0\"?><assembly manifestVersion=\"1.0\"/>");
        Files.write(inner.resolve("Package_for_RollupFix.cat"), new byte[5000]);
        Path outer = Files.createDirectories(temp.resolve("outer"));
        Tools.run(inner, "gcab", "-c", "-z", outer.resolve(BASE + ".cab").toString(), "update.mum",
                "Package_for_RollupFix.cat");
        Tools.run(inner, "gcab", "-c", outer.resolve("WSUSSCAN.cab").toString(), "update.mum");
        Files.write(outer.resolve(BASE + "-pkgProperties.txt"), properties);
        Files.writeString(outer.resolve(BASE + ".xml"), "<?xml version=\"1.0\"?><unattend/>");
        Path msu = temp.resolve(BASE + ".msu");
        Tools.run(outer, "gcab", "-c", "-z", msu.toString(), "WSUSSCAN.cab", BASE + ".cab",
                BASE + "-pkgProperties.txt", BASE + ".xml");
        return msu;
    }

    @Test
    void listsAndExtractsPackageCabinetsAndParsesUtf16Properties() throws Exception {
        Path path = buildMsu(utf16WithBom(PROPERTIES));
        try (MsuFile msu = MsuFile.open(path)) {
            assertEquals(List.of(BASE + ".cab"), msu.packageCabinets().stream().map(CabinetEntry::name).toList());
            assertEquals(Optional.of(BASE + ".xml"), msu.xmlEntry().map(CabinetEntry::name));
            MsuPackageProperties properties = msu.properties();
            assertEquals(14, properties.values().size());
            assertEquals(Optional.of("5034441"), properties.kbArticleNumber());
            assertEquals(Optional.of("amd64"), properties.processorArchitecture());
            assertEquals(Optional.of("Security Update"), properties.installationType());
            assertEquals(Optional.of("Update"), properties.packageType());
            assertEquals(Optional.of("Security Update for Windows (KB5034441)"), properties.appliesTo());
            assertEquals(Optional.of("Windows 10.0"), properties.get("product name"));

            Path out = temp.resolve("extracted");
            List<Path> written = msu.extractPackages(out);
            assertEquals(List.of(out.toAbsolutePath().normalize().resolve(BASE + ".cab")), written);
            assertArrayEquals(Files.readAllBytes(temp.resolve("outer").resolve(BASE + ".cab")),
                    Files.readAllBytes(written.get(0)));
            try (Cabinet inner = Cabinet.open(written.get(0))) {
                assertEquals(List.of("update.mum", "Package_for_RollupFix.cat"),
                        inner.entries().stream().map(CabinetEntry::name).toList());
                assertArrayEquals(new byte[5000], inner.read(inner.find("Package_for_RollupFix.cat").orElseThrow()));
            }
            Tools.run(temp, "cabextract", "-t", written.get(0).toString());
        }
    }

    @Test
    void parsesAnsiPropertiesInAnMsuWeWrote() throws Exception {
        Charset ansi = Charset.forName("windows-1252");
        String text = PROPERTIES.replace("Microsoft Corporation", "Microsoft® Corporation");
        Path inner = temp.resolve(BASE + ".cab");
        new CabinetBuilder(CompressionType.MSZIP).addFile("update.mum", "<assembly/>".getBytes(StandardCharsets.UTF_8),
                LocalDateTime.of(2024, 1, 4, 10, 0), CfFile.A_ARCH).write(inner);
        Path path = temp.resolve(BASE + ".msu");
        new CabinetBuilder(CompressionType.MSZIP)
                .addFile(BASE + ".cab", inner)
                .addFile(BASE + "-pkgProperties.txt", text.getBytes(ansi), LocalDateTime.of(2024, 1, 4, 10, 0), 0)
                .write(path);
        try (MsuFile msu = MsuFile.open(path)) {
            assertEquals(Optional.of("Microsoft® Corporation"), msu.properties().get("Company"));
            assertEquals(Optional.empty(), msu.xmlEntry());
            Path written = msu.extractPackage(msu.packageCabinets().get(0), temp.resolve("out"));
            assertArrayEquals(Files.readAllBytes(inner), Files.readAllBytes(written));
        }
        Path theirs = Files.createDirectories(temp.resolve("cabextract"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), path.toString());
        assertArrayEquals(Files.readAllBytes(inner), Files.readAllBytes(theirs.resolve(BASE + ".cab")));
    }

    @Test
    void propertiesWithoutBomInUtf16AreRecognised() {
        MsuPackageProperties properties = MsuPackageProperties.parse(PROPERTIES.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(Optional.of("5034441"), properties.kbArticleNumber());
        assertTrue(MsuPackageProperties.parse(new byte[0]).values().isEmpty());
    }

    @Test
    void cabinetWithoutPackageIsNotAnMsu() throws Exception {
        Path path = temp.resolve("plain.cab");
        new CabinetBuilder(CompressionType.NONE).addFile("readme.txt", new byte[] {'x'}, LocalDateTime.now(), 0)
                .write(path);
        CabinetFormatException e = assertThrows(CabinetFormatException.class, () -> MsuFile.open(path));
        assertTrue(e.getMessage().contains("plain.cab") && e.getMessage().contains("no package cabinet"),
                e.getMessage());
    }
}
