package org.imagesmith.servicing.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.servicing.packages.CbsRegistry;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.servicing.packages.PackageState;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.SyntheticWindowsPe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Windows PE settings of a synthetic Windows PE 3.0 x64 image, read back through hivexget. */
class WindowsPeServicingTest {
    private static final String FBWF = "ControlSet001\\Services\\FBWF";
    private static final String WINPE = "Microsoft\\Windows NT\\CurrentVersion\\WinPE";

    @TempDir
    Path dir;
    Path root;
    Path system;
    Path software;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsPe.write(dir.resolve("winpe"));
        system = root.resolve("Windows/System32/config/SYSTEM");
        software = root.resolve("Windows/System32/config/SOFTWARE");
    }

    private interface Action<T> {
        T run(ServicingSession session) throws ServicingException;
    }

    private <T> T with(Path image, Action<T> action) throws ServicingException {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(image), ServicingLog.none(),
                Optional.of(dir))) {
            return action.run(session);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private WindowsPeSettings settings() throws ServicingException {
        return with(root, s -> new WindowsPeServicing(s, "Get-PESettings").settings());
    }

    @Test
    void readsAndSetsScratchSpaceAndTargetPath() throws Exception {
        assertEquals(new WindowsPeSettings(32, "X:\\"), settings());
        with(root, s -> {
            new WindowsPeServicing(s, "Set-ScratchSpace").setScratchSpace("256");
            return null;
        });
        assertEquals(256, settings().scratchSpace());
        assertEquals(Optional.of("256"), Hivex.get(system, FBWF, "WinPECacheThreshold"));
        with(root, s -> {
            new WindowsPeServicing(s, "Set-TargetPath").setTargetPath("C:\\WinPE_x64");
            return null;
        });
        assertEquals(new WindowsPeSettings(256, "C:\\WinPE_x64"), settings());
        assertEquals(Optional.of("C:\\WinPE_x64"), Hivex.get(software, WINPE, "InstRoot"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "16", "100", "1024", "big", "-32"})
    void badScratchSpacesAreRefused(String size) throws Exception {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class,
                () -> with(root, s -> { new WindowsPeServicing(s, "Set-ScratchSpace").setScratchSpace(size); return null; }));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        assertTrue(e.getMessage().contains("32, 64, 128, 256 or 512"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X:", "A:\\", "B:\\PE", "1:\\PE", "XX\\PE", "C:PE", "C:\\Win PE", "C:\\\"PE\"", "C:\\..\\PE",
            "C:\\PE\\.\\x", "C:\\PE\\\\x", "C:\\\\PE", "C:\\Pé", "C:\\PE|x", "C:\\ABCDEFGHIJKLMNOPQRSTUVWXYZ01234"})
    void targetPathsFollowDismsRules(String path) throws Exception {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class,
                () -> with(root, s -> { new WindowsPeServicing(s, "Set-TargetPath").setTargetPath(path); return null; }));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        assertTrue(e.getMessage().contains("3 to 32 characters"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X:\\", "c:\\", "Z:\\a", "D:\\Boot\\WinPE", "C:\\ABCDEFGHIJKLMNOPQRSTUVWXYZ012"})
    void goodTargetPaths(String path) throws Exception {
        assertEquals(path, WindowsPeServicing.checkTargetPath(path));
    }

    @Test
    void aWindows7ImageIsNotWindowsPe() throws Exception {
        Path windows7 = SyntheticWindowsImage.write(dir.resolve("win7"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        ServicingException e = assertThrows(ServicingException.class,
                () -> with(windows7, s -> new WindowsPeServicing(s, "Get-PESettings")));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        assertTrue(e.getMessage().contains("/Get-PESettings option is unknown") && e.getMessage().contains("Professional"),
                e.getMessage());
    }

    @Test
    void prepareAWindowsPeImage() throws Exception {
        List<String> components = List.of("WinPE-HTA-Package", "WinPE-Scripting-Package", "WinPE-WMI-Package");
        for (String component : components) {
            SyntheticPackage neutral = new SyntheticPackage(component, "amd64", "", SyntheticWindowsPe.VERSION)
                    .releaseType("Feature Pack").parent(SyntheticWindowsPe.FOUNDATION_NAME, SyntheticWindowsPe.VERSION, "EQ");
            SyntheticPackage english = new SyntheticPackage(component, "amd64", "en-US", SyntheticWindowsPe.VERSION)
                    .releaseType("Language Pack").parent(component, SyntheticWindowsPe.VERSION, "EQ");
            for (SyntheticPackage p : List.of(neutral, english)) {
                Path cab = p.writeCabinetWithGcab(dir.resolve("w-" + p.identity().replace('~', '_')),
                        dir.resolve(p.identity().replace('~', '_') + ".cab"));
                List<PackageServicing.AddResult> results = with(root, s -> new PackageServicing(s)
                        .add(PackageSource.open(cab, s.scratch()), new PackageServicing.AddOptions(false, false)));
                assertEquals(PackageState.INSTALLED, results.get(0).state());
                assertEquals(Optional.of("112"), Hivex.get(software, CbsRegistry.PACKAGES + "\\" + p.identity(), "CurrentState"));
                assertTrue(with(root, s -> new PackageServicing(s).packages()).stream()
                        .anyMatch(i -> i.identity().toString().equals(p.identity()) && i.state() == PackageState.INSTALLED));
            }
        }
        assertEquals(2 + 2 * components.size(), with(root, s -> new PackageServicing(s).packages()).size());
        with(root, s -> {
            WindowsPeServicing pe = new WindowsPeServicing(s, "Set-ScratchSpace");
            pe.setScratchSpace("128");
            pe.setTargetPath("C:\\");
            return null;
        });
        assertEquals(new WindowsPeSettings(128, "C:\\"), settings());
        assertEquals(Optional.of("128"), Hivex.get(system, FBWF, "WinPECacheThreshold"));
        assertEquals(Optional.of("C:\\"), Hivex.get(software, WINPE, "InstRoot"));
        assertEquals(2 + 2 * components.size(), with(root, s -> new PackageServicing(s).packages()).size(),
                "the settings leave the packages as they were");
    }
}
