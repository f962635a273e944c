package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imagesmith.testsupport.SyntheticInstallerFiles;
import org.imagesmith.testsupport.SyntheticInstallerProducts;
import org.imagesmith.testsupport.SyntheticInstallerProducts.Patch;
import org.imagesmith.testsupport.SyntheticInstallerProducts.Product;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /Get-Apps, /Get-AppInfo, /Get-AppPatches, /Get-AppPatchInfo and /Check-AppPatch on a synthetic Windows 7 image. */
class AppCommandsTest {
    static final Product VIEWER = Product.of("{6C7F3A21-4B0D-4E8A-9F11-2C3D4E5F6A7B}", "Contoso Viewer", "2.1.7",
            "{A1A2A3A4-B1B2-C1C2-D1D2-E1E2E3E4E5E6}");
    static final Patch UPDATE = Patch.applied("{3C4D5E6F-7081-4293-A4B5-C6D7E8F90112}", VIEWER.productCode(),
            "Contoso Viewer Update 1");

    @TempDir
    Path dir;
    Path image;
    Path log;

    @BeforeEach
    void makeImage() throws Exception {
        image = SyntheticWindowsImage.write(dir.resolve("mount"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        log = dir.resolve("dism.log");
    }

    private CliRun run(String... args) {
        return CliRun.onImage(image, log, args);
    }

    @Test
    void listsAndShowsApplicationsAndPatches() throws Exception {
        CliRun empty = run("/Get-Apps");
        assertEquals(0, empty.exitCode(), empty.err());
        assertTrue(empty.out().contains("(No Windows Installer applications found in the image)"), empty.out());

        SyntheticInstallerProducts.register(image, List.of(VIEWER), List.of(UPDATE));
        CliRun apps = run("/Get-Apps");
        assertEquals(0, apps.exitCode(), apps.err());
        assertTrue(apps.out().contains("Product Code : " + VIEWER.productCode() + "\nProduct Name : Contoso Viewer\n\n"),
                apps.out());
        assertTrue(apps.out().endsWith("The operation completed successfully.\n"), apps.out());
        CliRun table = run("/Get-Apps", "/Format:Table");
        assertTrue(table.out().contains(VIEWER.productCode() + " | Contoso Viewer\n"), table.out());

        CliRun info = run("/Get-AppInfo", "/ProductCode:" + VIEWER.productCode().toLowerCase());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("App Information:\n\nProduct Code : " + VIEWER.productCode()
                + "\nProduct Name : Contoso Viewer\nProduct State : 5 (Installed)\nPackage Code : " + VIEWER.packageCode()
                + "\nProduct Version : 2.1.7\nAssignment Type : 1 (Per-Machine)\nPublisher : Contoso Ltd.\nLanguage : 1033\n"
                + "Install Source : " + VIEWER.installSource() + "\nPackage Name : ContosoViewer.msi\nHelp Link : "
                + VIEWER.helpLink() + "\nTransforms : \nLocal Package : " + VIEWER.localPackage()
                + "\nInstall Date : 20110315\n"), info.out());

        CliRun patches = run("/Get-AppPatches", "/ProductCode:" + VIEWER.productCode());
        assertEquals(0, patches.exitCode(), patches.err());
        assertTrue(patches.out().contains("Patch Code : " + UPDATE.patchCode() + "\nProduct Code : " + VIEWER.productCode()
                + "\nPatch Name : Contoso Viewer Update 1\n"), patches.out());
        CliRun patchInfo = run("/Get-AppPatchInfo", "/PatchCode:" + UPDATE.patchCode());
        assertEquals(0, patchInfo.exitCode(), patchInfo.err());
        assertTrue(patchInfo.out().contains("Patch Name : Contoso Viewer Update 1\nPatch State : 1 (Applied)\n"
                + "Patch Uninstallable : 1\nHelp Link : http://contoso.example/kb1\nTransforms : :RTM.1;:#RTM.1\n"
                + "Local Package : " + UPDATE.localPackage() + "\nInstall Date : 20110401\n"), patchInfo.out());
    }

    @Test
    void checksPatchesAgainstTheImage() throws Exception {
        SyntheticInstallerProducts.register(image, List.of(VIEWER), List.of(UPDATE));
        Path yes = SyntheticInstallerFiles.msp(dir.resolve("viewer2.msp"), "{4D5E6F70-8192-43A4-B5C6-D7E8F9011223}",
                List.of(VIEWER.productCode()), "Contoso Viewer Update 2");
        Path no = SyntheticInstallerFiles.msp(dir.resolve("other.msp"), "{5E6F7081-92A3-44B5-C6D7-E8F901122334}",
                List.of("{77777777-2222-3333-4444-555555555555}"), "Fabrikam Update");
        CliRun check = run("/Check-AppPatch", "/PatchLocation:" + yes, "/PatchLocation:" + no);
        assertEquals(0, check.exitCode(), check.err());
        assertTrue(check.out().contains("Patch Location : " + yes + "\nPatch Code : {4D5E6F70-8192-43A4-B5C6-D7E8F9011223}\n"
                + "Patch Name : Contoso Viewer Update 2\nApplicable : Yes\n\n    Product Code : " + VIEWER.productCode()
                + "\n    Product Name : Contoso Viewer\n    Applicable : Yes\n"), check.out());
        assertTrue(check.out().contains("Patch Name : Fabrikam Update\nApplicable : No\n"), check.out());
        assertTrue(check.out().contains("    Reason : the product is not installed in the image\n"), check.out());
    }

    @Test
    void errorsGetDismsCodes() throws Exception {
        SyntheticInstallerProducts.register(image, List.of(VIEWER), List.of(UPDATE));
        CliRun malformed = run("/Get-AppInfo", "/ProductCode:6C7F3A21");
        assertEquals(87, malformed.exitCode());
        assertTrue(malformed.err().contains("Error: 87"), malformed.err());
        assertTrue(malformed.err().contains("is not a GUID"), malformed.err());
        CliRun unknown = run("/Get-AppInfo", "/ProductCode:{99999999-2222-3333-4444-555555555555}");
        assertEquals(1605 & 0xFF, unknown.exitCode());
        assertTrue(unknown.err().contains("Error: 1605"), unknown.err());
        CliRun unknownPatch = run("/Get-AppPatchInfo", "/PatchCode:{99999999-2222-3333-4444-555555555555}");
        assertTrue(unknownPatch.err().contains("Error: 1647"), unknownPatch.err());
        CliRun missing = run("/Get-AppInfo");
        assertEquals(87, missing.exitCode());

        Path text = Files.writeString(dir.resolve("readme.msp"), "just text");
        CliRun notPatch = run("/Check-AppPatch", "/PatchLocation:" + text);
        assertTrue(notPatch.err().contains("Error: 1635"), notPatch.err());
        assertTrue(notPatch.err().contains("not an OLE compound file"), notPatch.err());
        Path msi = SyntheticInstallerFiles.msi(dir.resolve("viewer.msi"), VIEWER);
        CliRun database = run("/Check-AppPatch", "/PatchLocation:" + msi);
        assertTrue(database.err().contains("Error: 1636"), database.err());
        assertTrue(database.err().contains("not a patch package"), database.err());
        CliRun absent = run("/Check-AppPatch", "/PatchLocation:" + dir.resolve("none.msp"));
        assertEquals(2, absent.exitCode());
    }
}
