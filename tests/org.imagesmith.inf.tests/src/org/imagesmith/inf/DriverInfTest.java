package org.imagesmith.inf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver model on top of the INF syntax, on a realistic storage-controller INF. */
class DriverInfTest {
    @TempDir
    Path temp;

    private static DriverInf storage(int language) throws InfFormatException {
        return DriverInf.of(InfFile.parse(StorageControllerInf.TEXT, "ctsstor.inf", language));
    }

    @Test
    void readsTheVersionSection() throws Exception {
        InfVersion version = storage(InfFile.DEFAULT_LANGUAGE).version();
        assertEquals("$WINDOWS NT$", version.signature());
        assertEquals(Optional.of("SCSIAdapter"), version.infClass());
        assertEquals(Optional.of("{4D36E97B-E325-11CE-BFC1-08002BE10318}"), version.classGuid());
        assertEquals(Optional.of("Contoso Ltd."), version.provider());
        assertEquals(Optional.of(LocalDate.of(2024, 6, 21)), version.driverDate());
        assertEquals(Optional.of("10.0.22621.3672"), version.driverVersion());
        assertEquals(Optional.of("ctsstor.cat"), version.catalogFile());
        assertEquals(Optional.of("ctsstor64.cat"), version.catalogFile(Architecture.AMD64));
        assertEquals(Optional.of("ctsstora64.cat"), version.catalogFile(Architecture.ARM64));
        assertEquals(Optional.of("ctsstor.cat"), version.catalogFile(Architecture.X86));
    }

    @Test
    void listsManufacturersAndTheirDecoratedModels() throws Exception {
        DriverInf inf = storage(InfFile.DEFAULT_LANGUAGE);
        assertEquals(List.of("Contoso Ltd.", "(Standard SATA AHCI controller)"),
                inf.manufacturers().stream().map(InfManufacturer::name).toList());
        InfManufacturer contoso = inf.manufacturers().get(0);
        assertEquals("Contoso", contoso.modelsSection());
        assertEquals(List.of("NTamd64.10.0...16299", "NTamd64", "NTarm64", "NTx86"),
                contoso.decorations().stream().map(TargetDecoration::text).toList());
        TargetDecoration first = contoso.decorations().get(0);
        assertEquals(Optional.of(Architecture.AMD64), first.architecture());
        assertEquals(10, first.osMajorVersion());
        assertEquals(0, first.osMinorVersion());
        assertEquals(16299, first.buildNumber());
        assertEquals(5, contoso.models().size());

        List<InfModel> amd64 = inf.models(Architecture.AMD64);
        assertEquals(List.of("Contoso SATA AHCI Controller", "Contoso NVM Express Controller; PCIe",
                "Standard SATA AHCI Controller, Contoso edition"), amd64.stream().map(InfModel::description).toList());
        InfModel ahci = amd64.get(0);
        assertEquals("ctsstor_Inst", ahci.installSection());
        assertEquals("PCI\\VEN_1AF4&DEV_1042&CC_0106", ahci.hardwareId());
        assertEquals(List.of("PCI\\CC_010601"), ahci.compatibleIds(), "continued on the next line");
        assertEquals("NTamd64.10.0...16299", ahci.decoration().orElseThrow().text());
        assertEquals("NTamd64", amd64.get(2).decoration().orElseThrow().text());

        assertEquals(List.of("Contoso.NTarm64"), inf.models(Architecture.ARM64).stream()
                .map(model -> "Contoso." + model.decoration().orElseThrow().text()).toList());
        assertEquals(1, inf.models(Architecture.X86).size());
        assertEquals(List.of(), inf.models(Architecture.IA64));
    }

    @Test
    void resolvesInstallSectionsCopyFilesAndSourceFiles() throws Exception {
        DriverInf inf = storage(InfFile.DEFAULT_LANGUAGE);
        InfModel ahci = inf.models(Architecture.AMD64).get(0);
        InfSection amd64 = inf.installSection(ahci, Architecture.AMD64).orElseThrow();
        assertEquals("ctsstor_Inst.NTamd64", amd64.name());
        assertEquals("ctsstor_Inst.NT", inf.installSection(ahci, Architecture.X86).orElseThrow().name());
        assertEquals(List.of(new InfCopyFile("ctsstor.sys", "ctsstor.sys", 0x4000, "ctsstor_CopyFiles"),
                new InfCopyFile("ctsstor.cfg", "ctsstor.cfg", 0, "")), inf.copyFiles(amd64));

        List<InfSourceFile> amd64Files = inf.sourceDisksFiles(Architecture.AMD64);
        assertEquals(2, amd64Files.size());
        assertEquals(new InfSourceFile("ctsstor.sys", "1", "x64", 184320, 25), amd64Files.get(0));
        assertEquals(new InfSourceFile("ctsstor.cfg", "1", "config", 2048, 22), amd64Files.get(1));
        assertEquals(new InfSourceFile("ctsstor.sys", "1", "", -1, 21), inf.sourceDisksFiles(Architecture.X86).get(0));

        InfSection service = inf.inf().section("ctsstor_Service_Inst").orElseThrow();
        assertEquals(Optional.of("Contoso Storage Miniport \"ctsstor\""), service.value("DisplayName"));
        assertEquals(Optional.of("%13%\\ctsstor.sys"), service.value("ServiceBinary"), "DIRIDs are left alone");
        assertEquals(Optional.of("0"), service.value("StartType"));
        assertEquals(List.of("HKR", "Parameters\\PnpInterface", "5", "0x00010001", "0x00000001"),
                inf.inf().section("pnpsafe_pci_addreg").orElseThrow().lines().get(0).values());
    }

    @Test
    void usesTheStringsOfTheRequestedLanguage() throws Exception {
        List<String> german = storage(0x0407).models(Architecture.AMD64).stream().map(InfModel::description).toList();
        assertEquals("Contoso SATA-AHCI-Controller", german.get(0));
        assertEquals("Contoso NVM Express Controller; PCIe", german.get(1), "falls back to [Strings]");
        assertEquals("Contr\u00f4leur NVMe Contoso",
                storage(0x080C).models(Architecture.AMD64).get(1).description(), "[Strings.000C] for fr-BE");
    }

    @Test
    void readsTheInfFromAUtf16File() throws Exception {
        byte[] text = StorageControllerInf.TEXT.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        DriverInf inf = DriverInf.read(Files.write(temp.resolve("ctsstor.inf"), bytes));
        assertEquals(3, inf.models(Architecture.AMD64).size());
    }

    @Test
    void malformedDriverSectionsAreReported() {
        String base = "[Version]\nSignature=\"$Windows NT$\"\n";
        InfFormatException e = assertThrows(InfFormatException.class,
                () -> DriverInf.of(InfFile.parse(base + "DriverVer=13/45/2024,1.0\n", "bad.inf", 0x409)));
        assertTrue(e.getMessage().contains("bad.inf line 3") && e.getMessage().contains("13/45/2024"), e.getMessage());
        e = assertThrows(InfFormatException.class,
                () -> DriverInf.of(InfFile.parse(base + "DriverVer=01/02/2024,1.2.3.70000\n", "bad.inf", 0x409)));
        assertTrue(e.getMessage().contains("0-65535"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> DriverInf.of(InfFile.parse("[Strings]\n", "nov.inf", 0x409)));
        assertTrue(e.getMessage().contains("no [Version]"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> DriverInf.of(InfFile.parse(base
                + "[Manufacturer]\nM = Models, Win64\n", "bad.inf", 0x409)));
        assertTrue(e.getMessage().contains("Win64") && e.getMessage().contains("line 4"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> DriverInf.of(InfFile.parse(base
                + "[Manufacturer]\nM = Models, NTsparc\n", "bad.inf", 0x409)));
        assertTrue(e.getMessage().contains("sparc"), e.getMessage());
        e = assertThrows(InfFormatException.class, () -> {
            DriverInf inf = DriverInf.of(InfFile.parse(base + "[Inst]\nCopyFiles = Missing_Files\n", "bad.inf", 0x409));
            inf.copyFiles(inf.inf().section("Inst").orElseThrow());
        });
        assertTrue(e.getMessage().contains("[Missing_Files]") && e.getMessage().contains("line 4"), e.getMessage());
    }
}
