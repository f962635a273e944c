package org.imagesmith.servicing.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagesmith.testsupport.SyntheticInstallerFiles;
import org.imagesmith.testsupport.SyntheticInstallerProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .msi and .msp files built by msitools, read by ours and compared with what msiinfo reads. */
class InstallerFileTest {
    static final String PRODUCT = "{6C7F3A21-4B0D-4E8A-9F11-2C3D4E5F6A7B}";
    static final String PATCH = "{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}";
    static final String OTHER = "{11111111-2222-3333-4444-555555555555}";

    @TempDir
    Path dir;

    /** msiinfo suminfo's "Name: value" lines. */
    static Map<String, String> suminfo(Path file) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : SyntheticInstallerFiles.summary(file).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return fields;
    }

    @Test
    void readsTheSummaryOfAnMsiAsMsiinfoDoes() throws Exception {
        Path msi = SyntheticInstallerFiles.msi(dir.resolve("contoso.msi"), SyntheticInstallerProducts.Product.of(PRODUCT,
                "Contoso Viewer", "2.1.7", "{A1A2A3A4-B1B2-C1C2-D1D2-E1E2E3E4E5E6}"));
        assertTrue(SyntheticInstallerFiles.export(msi, "Property").contains("ProductCode\t" + PRODUCT));
        InstallerFile file = InstallerFile.read(msi);
        Map<String, String> oracle = suminfo(msi);
        assertEquals(InstallerFileKind.DATABASE, file.kind());
        assertEquals(oracle.get("Title"), file.summary().title());
        assertEquals(oracle.get("Subject"), file.summary().subject());
        assertEquals(oracle.get("Author"), file.summary().author());
        assertEquals(oracle.get("Keywords"), file.summary().keywords());
        assertEquals(oracle.get("Template"), file.summary().template());
        assertEquals(oracle.get("Revision number (UUID)"), file.summary().revisionNumber());
        assertEquals(oracle.get("Application"), file.summary().creatingApplication());
        assertEquals(oracle.get("Version").split(" ")[0], Integer.toString(file.summary().pageCount()));
        assertEquals("Contoso Viewer", file.summary().subject());

        InstallerFileException notPatch = assertThrows(InstallerFileException.class, () -> PatchPackage.read(msi));
        assertEquals(InstallerFileException.Problem.INVALID, notPatch.problem());
        assertTrue(notPatch.getMessage().contains("installation package (.msi), not a patch"), notPatch.getMessage());
    }

    @Test
    void readsAPatchAsMsiinfoDoes() throws Exception {
        Path msp = SyntheticInstallerFiles.msp(dir.resolve("kb1.msp"), PATCH, List.of(PRODUCT, OTHER), "Contoso Viewer Update 1");
        assertTrue(SyntheticInstallerFiles.export(msp, "MsiPatchMetadata").contains("DisplayName\tContoso Viewer Update 1"));
        PatchPackage patch = PatchPackage.read(msp);
        Map<String, String> oracle = suminfo(msp);
        assertEquals(oracle.get("Template"), String.join(";", patch.targetProductCodes().stream().map(PackedGuid::guid).toList()));
        assertEquals(oracle.get("Revision number (UUID)"), patch.patchCode().guid());
        assertEquals(oracle.get("Subject"), patch.summary().subject());
        assertEquals(List.of(PackedGuid.parse(PRODUCT), PackedGuid.parse(OTHER)), patch.targetProductCodes());
        assertEquals(List.of(), patch.obsoletedPatchCodes());
        assertEquals(InstallerFileKind.PATCH, InstallerFile.read(msp).kind());
    }

    @Test
    void readsTheTransformsOfAPatch() throws Exception {
        int validation = PatchTransform.VALIDATE_PRODUCT | PatchTransform.VALIDATE_UPDATE_VERSION | PatchTransform.NEW_EQUAL_BASE;
        Path msp = PatchFiles.write(dir.resolve("qfe.msp"), PATCH + OTHER, List.of(PRODUCT), "QFE 2",
                List.of(new PatchFiles.Transform("RTM.1", PRODUCT, "2.1.7", "2.1.8", validation)));
        // written with POI (msitools cannot make transforms, and msiinfo opens only files with database tables)
        PatchPackage patch = PatchPackage.read(msp);
        assertEquals(List.of(PackedGuid.parse(PRODUCT)), patch.targetProductCodes());
        assertEquals("QFE 2", patch.summary().subject());
        assertEquals(PackedGuid.parse(PATCH), patch.patchCode());
        assertEquals(List.of(PackedGuid.parse(OTHER)), patch.obsoletedPatchCodes());
        assertEquals(List.of("RTM.1", "#RTM.1"), patch.transformNames());
        PatchTransform transform = patch.transforms().get(0);
        assertEquals(List.of(transform), patch.transformsFor(PackedGuid.parse(PRODUCT)));
        assertEquals("2.1.7", transform.targetVersion());
        assertEquals("2.1.8", transform.upgradedVersion());
        assertEquals(validation, transform.validationFlags());
        assertTrue(transform.mismatch(PackedGuid.parse(PRODUCT), "2.1.7").isEmpty());
        assertTrue(transform.mismatch(PackedGuid.parse(PRODUCT), "2.1.7.99").isEmpty(), "the fourth field is not compared");
        assertTrue(transform.mismatch(PackedGuid.parse(PRODUCT), "2.1.6").isPresent());
        assertTrue(transform.mismatch(PackedGuid.parse(OTHER), "2.1.7").isPresent());
    }

    @Test
    void corruptAndForeignFilesGiveClearErrors() throws Exception {
        Path text = Files.writeString(dir.resolve("readme.msp"), "This is a text file, renamed .msp\r\n");
        InstallerFileException notCompound = assertThrows(InstallerFileException.class, () -> PatchPackage.read(text));
        assertEquals(InstallerFileException.Problem.UNREADABLE, notCompound.problem());
        assertTrue(notCompound.getMessage().contains("not an OLE compound file"), notCompound.getMessage());

        Path msp = SyntheticInstallerFiles.msp(dir.resolve("kb1.msp"), PATCH, List.of(PRODUCT), "Update");
        byte[] bytes = Files.readAllBytes(msp);
        Path truncated = Files.write(dir.resolve("truncated.msp"), Arrays.copyOf(bytes, 700));
        InstallerFileException cut = assertThrows(InstallerFileException.class, () -> PatchPackage.read(truncated));
        assertEquals(InstallerFileException.Problem.UNREADABLE, cut.problem(), cut.getMessage());
        assertTrue(cut.getMessage().startsWith(truncated.toString()), cut.getMessage());

        byte[] scrambled = bytes.clone();
        for (int i = 0x4C; i < 0x200; i++) {
            scrambled[i] = (byte) 0xA5; // the header's sector allocation table list points nowhere
        }
        Path damaged = Files.write(dir.resolve("damaged.msp"), scrambled);
        InstallerFileException broken = assertThrows(InstallerFileException.class, () -> PatchPackage.read(damaged));
        assertTrue(broken.getMessage().contains("damaged"), broken.getMessage());

        Path classless = Files.write(dir.resolve("other.msp"), bytes);
        SyntheticInstallerFiles.setRootClassId(classless, "{00020906-0000-0000-C000-000000000046}");
        InstallerFileException foreign = assertThrows(InstallerFileException.class, () -> PatchPackage.read(classless));
        assertEquals(InstallerFileException.Problem.INVALID, foreign.problem());
        assertTrue(foreign.getMessage().contains("{00020906-0000-0000-C000-000000000046}"), foreign.getMessage());
    }

    @Test
    void aPatchWithoutTargetsOrPatchCodeIsInvalid() throws IOException {
        Path noTargets = PatchFiles.write(dir.resolve("none.msp"), PATCH, List.of(), "x", List.of());
        InstallerFileException e = assertThrows(InstallerFileException.class, () -> PatchPackage.read(noTargets));
        assertTrue(e.getMessage().contains("Template"), e.getMessage());
        Path badCode = PatchFiles.write(dir.resolve("bad.msp"), "{not-a-guid-at-all-but-38-characters!}", List.of(PRODUCT),
                "x", List.of());
        InstallerFileException bad = assertThrows(InstallerFileException.class, () -> PatchPackage.read(badCode));
        assertTrue(bad.getMessage().contains("patch code"), bad.getMessage());
    }
}
