package org.imagesmith.servicing.editions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.servicing.packages.CbsRegistry;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticEditionPackages;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editions of an edition-family Windows 7 Professional image with Home Premium, Ultimate and Enterprise staged:
 * targets follow the upgrade paths, and a change is read back through our listing and through hivexget.
 */
class EditionServicingTest {
    private static final String VERSION_KEY = "Microsoft\\Windows NT\\CurrentVersion";
    /** A key of the right form (not a real one). */
    private static final String KEY = "BCDFG-HJKMP-QRTVW-XY234-6789B";

    @TempDir
    Path dir;
    Path root;
    Path software;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        SyntheticEditionPackages.stage(root, "Professional", List.of("HomePremium", "Ultimate", "Enterprise"));
        software = root.resolve("Windows/System32/config/SOFTWARE");
    }

    private interface Action<T> {
        T run(EditionServicing editions) throws ServicingException;
    }

    private <T> T with(Action<T> action) throws ServicingException {
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(),
                Optional.of(dir))) {
            return action.run(new EditionServicing(session));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Optional<String> state(String edition) {
        return Hivex.get(software, CbsRegistry.PACKAGES + "\\" + SyntheticEditionPackages.identity(edition), "CurrentState");
    }

    @Test
    void targetsAreTheStagedHigherEditionsOfTheFamily() throws Exception {
        assertEquals("Professional", with(EditionServicing::currentEdition));
        assertEquals(List.of(Edition.ULTIMATE), with(EditionServicing::targetEditions));
    }

    @Test
    void setEditionInstallsTheTargetPackageAndRewritesTheIdentity() throws Exception {
        Edition result = with(e -> e.setEdition("ultimate", Optional.of(KEY.toLowerCase())));
        assertEquals(Edition.ULTIMATE, result);
        assertEquals("Ultimate", with(EditionServicing::currentEdition));
        assertEquals(List.of(), with(EditionServicing::targetEditions));
        assertEquals(Optional.of(KEY), with(EditionServicing::productKey));
        assertEquals(Optional.of("Ultimate"), Hivex.get(software, VERSION_KEY, "EditionID"));
        assertEquals(Optional.of("Windows 7 Ultimate"), Hivex.get(software, VERSION_KEY, "ProductName"));
        assertEquals(Optional.of("112"), state("Ultimate"));
        assertEquals(Optional.of("64"), state("Professional"));
        assertEquals(Optional.of("64"), state("HomePremium"));
        String answerFile = Files.readString(root.resolve("Windows/Panther/unattend.xml"));
        assertTrue(answerFile.contains("pass=\"specialize\"") && answerFile.contains("Microsoft-Windows-Shell-Setup")
                && answerFile.contains("<ProductKey>" + KEY + "</ProductKey>"), answerFile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HomePremium", "Enterprise", "Professional", "ServerDatacenter", "Ultimat"})
    void otherEditionsAreRefusedAndTheImageIsLeftAlone(String edition) throws Exception {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> with(s -> s.setEdition(edition, Optional.empty())));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        assertTrue(e.getMessage().contains("Its target editions are: Ultimate"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void aBadKeyStopsSetEditionBeforeAnythingChanges() throws Exception {
        var before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class,
                () -> with(s -> s.setEdition("Ultimate", Optional.of("BCDFG-HJKMP-QRTVW-XY234-6789A"))));
        assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void setProductKeyKeepsTheRestOfAnAnswerFile() throws Exception {
        Path answerFile = Files.createDirectories(root.resolve("Windows/Panther")).resolve("unattend.xml");
        Files.writeString(answerFile, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">"
                + "<settings pass=\"oobeSystem\"><component name=\"Microsoft-Windows-International-Core\"><UILanguage>en-US"
                + "</UILanguage></component></settings></unattend>");
        with(e -> e.setProductKey(KEY));
        assertEquals(Optional.of(KEY), with(EditionServicing::productKey));
        String text = Files.readString(answerFile);
        assertTrue(text.contains("<UILanguage>en-US</UILanguage>") && text.contains("pass=\"oobeSystem\""), text);
        with(e -> e.setProductKey("QRTVW-XY234-6789B-BCDFG-HJKMP"));
        assertEquals(Optional.of("QRTVW-XY234-6789B-BCDFG-HJKMP"), with(EditionServicing::productKey));
        assertEquals(1, text.split("<ProductKey>").length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BCDFG-HJKMP-QRTVW-XY234", "BCDFG-HJKMP-QRTVW-XY234-6789", "BCDFGH-JKMP-QRTVW-XY234-6789B",
            "BCDFG-HJKMP-QRTVW-XY234-6789E", "BCDFG-HJKMP-QRTVW-XY234-67890", "BCDFG HJKMP QRTVW XY234 6789B", ""})
    void productKeysAreFormChecked(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProductKey.parse(key));
        assertTrue(e.getMessage().contains("is not a product key"), e.getMessage());
    }

    @Test
    void upgradePaths() {
        assertTrue(Edition.STARTER.canUpgradeTo(Edition.HOME_BASIC));
        assertTrue(Edition.HOME_PREMIUM.canUpgradeTo(Edition.ULTIMATE));
        assertTrue(Edition.SERVER_STANDARD.canUpgradeTo(Edition.SERVER_DATACENTER));
        assertTrue(!Edition.ULTIMATE.canUpgradeTo(Edition.PROFESSIONAL));
        assertTrue(!Edition.PROFESSIONAL.canUpgradeTo(Edition.ENTERPRISE));
        assertTrue(!Edition.PROFESSIONAL.canUpgradeTo(Edition.ULTIMATE_N));
        assertEquals(Optional.of(Edition.HOME_PREMIUM), Edition.ofPackageName("microsoft-windows-homepremiumedition"));
        assertEquals("XXXXX-XXXXX-XXXXX-XXXXX-6789B", ProductKey.parse(KEY).masked());
    }
}
