package org.imagesmith.servicing.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticInstallerFiles;
import org.imagesmith.testsupport.SyntheticInstallerProducts;
import org.imagesmith.testsupport.SyntheticInstallerProducts.Patch;
import org.imagesmith.testsupport.SyntheticInstallerProducts.Product;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Products and patches registered in a synthetic Windows 7 SP1 image, and patches checked against them. */
class AppServicingTest {
    static final Product VIEWER = Product.of(InstallerFileTest.PRODUCT, "Contoso Viewer", "2.1.7",
            "{A1A2A3A4-B1B2-C1C2-D1D2-E1E2E3E4E5E6}");
    static final Product AGENT = Product.of("{2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901}", "Adatum Agent", "10.0.40219",
            "{B1B2B3B4-C1C2-D1D2-E1E2-F1F2F3F4F5F6}");
    static final Patch UPDATE = Patch.applied("{3C4D5E6F-7081-4293-A4B5-C6D7E8F90112}", VIEWER.productCode(),
            "Contoso Viewer Update 1");

    @TempDir
    Path dir;
    Path image;

    @BeforeEach
    void makeImage() throws Exception {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticInstallerProducts.register(image, List.of(VIEWER, AGENT), List.of(UPDATE));
    }

    private ServicingSession open() throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(image), ServicingLog.none(), Optional.empty());
    }

    @Test
    void listsAndDescribesTheRegisteredProducts() throws Exception {
        Path software = image.resolve("Windows/System32/config/SOFTWARE");
        String packed = PackedGuid.parse(VIEWER.productCode()).packed();
        assertEquals(Optional.of("Contoso Viewer"), Hivex.get(software,
                InstallerRegistry.USER_DATA_PRODUCTS + "\\" + packed + "\\InstallProperties", "DisplayName"),
                "hivex finds the product under our packed GUID");
        try (ServicingSession session = open()) {
            AppServicing apps = new AppServicing(session);
            assertEquals(List.of("Adatum Agent", "Contoso Viewer"), apps.apps().stream().map(InstalledApp::productName).toList());
            InstalledApp viewer = apps.app(VIEWER.productCode().toLowerCase());
            assertEquals(VIEWER.productCode(), viewer.productCode().guid());
            assertEquals(InstalledApp.INSTALLED, viewer.state());
            assertEquals(VIEWER.packageCode(), viewer.packageCode());
            assertEquals("2.1.7", viewer.productVersion());
            assertEquals(1, viewer.assignmentType());
            assertEquals("Contoso Ltd.", viewer.publisher());
            assertEquals(1033, viewer.language());
            assertEquals(VIEWER.installSource(), viewer.installSource());
            assertEquals("ContosoViewer.msi", viewer.packageName());
            assertEquals(VIEWER.localPackage(), viewer.localPackage());
            assertEquals("20110315", viewer.installDate());
            assertEquals(VIEWER.helpLink(), viewer.helpLink());

            ServicingException unknown = assertThrows(ServicingException.class,
                    () -> apps.app("{99999999-2222-3333-4444-555555555555}"));
            assertEquals(AppServicing.UNKNOWN_PRODUCT, unknown.errorCode());
            ServicingException malformed = assertThrows(ServicingException.class, () -> apps.app("Contoso Viewer"));
            assertEquals(87, malformed.errorCode());
        }
    }

    @Test
    void listsAndFiltersThePatches() throws Exception {
        try (ServicingSession session = open()) {
            AppServicing apps = new AppServicing(session);
            List<InstalledPatch> all = apps.patches(Optional.empty());
            assertEquals(1, all.size());
            InstalledPatch patch = all.get(0);
            assertEquals(UPDATE.patchCode(), patch.patchCode().guid());
            assertEquals(VIEWER.productCode(), patch.productCode().guid());
            assertEquals("Contoso Viewer Update 1", patch.patchName());
            assertEquals("1 (Applied)", patch.stateText());
            assertTrue(patch.uninstallable());
            assertEquals(":RTM.1;:#RTM.1", patch.transforms());
            assertEquals(UPDATE.localPackage(), patch.localPackage());
            assertEquals("20110401", patch.installDate());
            assertEquals(all, apps.patches(Optional.of(VIEWER.productCode())));
            assertEquals(List.of(), apps.patches(Optional.of(AGENT.productCode())));
            assertEquals(all, apps.patchInfo(Optional.of(UPDATE.patchCode()), Optional.empty()));
            assertEquals(all, apps.patchInfo(Optional.empty(), Optional.empty()));
            ServicingException notOnAgent = assertThrows(ServicingException.class,
                    () -> apps.patchInfo(Optional.of(UPDATE.patchCode()), Optional.of(AGENT.productCode())));
            assertEquals(AppServicing.UNKNOWN_PATCH, notOnAgent.errorCode());
            assertEquals(87, assertThrows(ServicingException.class,
                    () -> apps.patchInfo(Optional.of("{3C4D5E6F}"), Optional.empty())).errorCode());
        }
    }

    @Test
    void checksWhetherPatchesApply() throws Exception {
        Path forViewer = SyntheticInstallerFiles.msp(dir.resolve("viewer2.msp"), "{4D5E6F70-8192-43A4-B5C6-D7E8F9011223}",
                List.of(VIEWER.productCode()), "Contoso Viewer Update 2");
        Path forOther = SyntheticInstallerFiles.msp(dir.resolve("other.msp"), "{5E6F7081-92A3-44B5-C6D7-E8F901122334}",
                List.of("{77777777-2222-3333-4444-555555555555}"), "Fabrikam Update");
        Path applied = SyntheticInstallerFiles.msp(dir.resolve("viewer1.msp"), UPDATE.patchCode(),
                List.of(VIEWER.productCode()), "Contoso Viewer Update 1");
        int equalVersion = PatchTransform.VALIDATE_PRODUCT | PatchTransform.VALIDATE_UPDATE_VERSION
                | PatchTransform.NEW_EQUAL_BASE;
        Path wrongVersion = PatchFiles.write(dir.resolve("old.msp"), "{6F708192-A3B4-45C6-D7E8-F90112233445}",
                List.of(VIEWER.productCode()), "Viewer 1.0 QFE",
                List.of(new PatchFiles.Transform("RTM.1", VIEWER.productCode(), "1.0.0", "1.0.1", equalVersion)));
        Path rightVersion = PatchFiles.write(dir.resolve("new.msp"), "{708192A3-B4C5-46D7-E8F9-011223344556}",
                List.of(VIEWER.productCode()), "Viewer 2.1.7 QFE",
                List.of(new PatchFiles.Transform("RTM.1", VIEWER.productCode(), "2.1.7", "2.1.8", equalVersion)));
        try (ServicingSession session = open()) {
            AppServicing apps = new AppServicing(session);
            PatchApplicability yes = apps.checkPatch(forViewer);
            assertTrue(yes.applicable());
            assertEquals("Contoso Viewer", yes.targets().get(0).installed().orElseThrow().productName());
            PatchApplicability no = apps.checkPatch(forOther);
            assertFalse(no.applicable());
            assertEquals(Optional.of("the product is not installed in the image"), no.targets().get(0).reason());
            assertFalse(apps.checkPatch(applied).applicable(), "already applied");
            PatchApplicability old = apps.checkPatch(wrongVersion);
            assertFalse(old.applicable());
            assertTrue(old.targets().get(0).reason().orElseThrow().contains("2.1.7"), old.targets().toString());
            assertTrue(apps.checkPatch(rightVersion).applicable());

            Path msi = SyntheticInstallerFiles.msi(dir.resolve("viewer.msi"), VIEWER);
            assertEquals(AppServicing.PATCH_PACKAGE_INVALID, assertThrows(ServicingException.class,
                    () -> apps.checkPatch(msi)).errorCode());
            Path text = Files.writeString(dir.resolve("notes.msp"), "not a patch");
            ServicingException notCompound = assertThrows(ServicingException.class, () -> apps.checkPatch(text));
            assertEquals(AppServicing.PATCH_PACKAGE_OPEN_FAILED, notCompound.errorCode());
            assertTrue(notCompound.getMessage().contains("not an OLE compound file"), notCompound.getMessage());
            assertEquals(2, assertThrows(ServicingException.class,
                    () -> apps.checkPatch(dir.resolve("missing.msp"))).errorCode());
        }
    }
}
