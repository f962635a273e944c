package org.imagesmith.servicing.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adding and removing packages and switching features on a synthetic Windows 7 SP1 x64 image; every change is
 * checked through our own listing and through hivexget on the saved SOFTWARE hive.
 */
class PackageServicingTest {
    private static final String CBS = CbsRegistry.PACKAGES + "\\";

    @TempDir
    Path dir;
    Path root;
    Path software;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        software = root.resolve("Windows/System32/config/SOFTWARE");
    }

    private ServicingSession open() throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty());
    }

    private List<PackageServicing.AddResult> add(Path packagePath, boolean ignoreCheck) throws Exception {
        try (ServicingSession session = open()) {
            return new PackageServicing(session).add(PackageSource.open(packagePath, session.scratch()),
                    new PackageServicing.AddOptions(ignoreCheck, false));
        }
    }

    private Optional<String> hivexState(String identity) {
        return Hivex.get(software, CBS + identity, "CurrentState");
    }

    @Test
    void listsThePackagesOfTheImage() throws Exception {
        try (ServicingSession session = open()) {
            PackageServicing packages = new PackageServicing(session);
            List<String> identities = packages.packages().stream().map(p -> p.identity().toString()).toList();
            // listed by identity, as DISM lists them
            assertEquals(List.of(SyntheticWindowsImage.LANGUAGE_PACK, SyntheticWindowsImage.FOUNDATION,
                    SyntheticWindowsImage.INSTALLED_UPDATE), identities);
            InstalledPackage foundation = packages.installed(PackageIdentity.parse(SyntheticWindowsImage.FOUNDATION));
            assertEquals(PackageState.INSTALLED, foundation.state());
            assertEquals("2010-11-21T03:40:00Z", foundation.installTime().orElseThrow().toString());
            assertEquals("Foundation", packages.manifest(foundation.identity()).orElseThrow().releaseType());
            assertEquals("Language Pack", packages.manifest(PackageIdentity.parse(SyntheticWindowsImage.LANGUAGE_PACK))
                    .orElseThrow().releaseType());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gcab", "ours", "msu", "folder"})
    void addsAPackageFromEachKindOfSource(String kind) throws Exception {
        SyntheticPackage update = SyntheticPackage.update("KB2533552");
        Path work = dir.resolve("work");
        Path source = switch (kind) {
            case "gcab" -> update.writeCabinetWithGcab(work, dir.resolve("Windows6.1-KB2533552-x64.cab"));
            case "ours" -> update.writeCabinet(work, dir.resolve("Windows6.1-KB2533552-x64.cab"));
            case "msu" -> update.writeMsu(work, dir.resolve("Windows6.1-KB2533552-x64.msu"));
            default -> update.writeFolder(work);
        };
        List<PackageServicing.AddResult> results = add(source, false);
        assertEquals(1, results.size());
        assertEquals(update.identity(), results.get(0).identity().toString());
        assertEquals(PackageState.INSTALLED, results.get(0).state());

        assertTrue(Files.isRegularFile(root.resolve("Windows/servicing/Packages/" + update.identity() + ".mum")));
        assertTrue(Files.isRegularFile(root.resolve("Windows/servicing/Packages/" + update.identity() + ".cat")));
        try (var sxs = Files.list(root.resolve("Windows/WinSxS"))) {
            assertTrue(sxs.anyMatch(p -> p.getFileName().toString().startsWith("amd64_package_for_kb2533552_")));
        }
        assertEquals(Optional.of("112"), hivexState(update.identity()));
        assertEquals(Optional.of("DISM Package Manager Provider"), Hivex.get(software, CBS + update.identity(), "InstallClient"));
        try (ServicingSession session = open()) {
            assertEquals(PackageState.INSTALLED,
                    new PackageServicing(session).installed(PackageIdentity.parse(update.identity())).state());
        }
    }

    @Test
    void installsInCommandLineOrderSoADependencyComesFirst() throws Exception {
        SyntheticPackage base = SyntheticPackage.update("KB1000001");
        SyntheticPackage dependent = SyntheticPackage.update("KB1000002").dependency("Package_for_KB1000001", "6.1.1.17514");
        Path basePath = base.writeFolder(dir.resolve("base"));
        Path dependentPath = dependent.writeFolder(dir.resolve("dependent"));

        ServicingException e = assertThrows(ServicingException.class, () -> add(dependentPath, false));
        assertEquals(ServicingException.DEPENDENT_FAILURE, e.errorCode());
        assertTrue(e.getMessage().contains("Package_for_KB1000001"), e.getMessage());
        assertTrue(hivexState(dependent.identity()).isEmpty());

        try (ServicingSession session = open()) {
            List<PackageSource> sources = new java.util.ArrayList<>(PackageSource.open(basePath, session.scratch()));
            sources.addAll(PackageSource.open(dependentPath, session.scratch()));
            new PackageServicing(session).add(sources, new PackageServicing.AddOptions(false, false));
        }
        assertEquals(Optional.of("112"), hivexState(base.identity()));
        assertEquals(Optional.of("112"), hivexState(dependent.identity()));
    }

    @Test
    void aPackageForAnotherArchitectureIsNotApplicable() throws Exception {
        SyntheticPackage x86 = new SyntheticPackage("Package_for_KB2000000", "x86", "", "6.1.1.17514")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "GE");
        Path path = x86.writeFolder(dir.resolve("x86"));
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> add(path, false));
        assertEquals(ServicingException.NOT_APPLICABLE, e.errorCode());
        assertEquals("0x800f081e", e.errorCodeText());
        assertTrue(e.getMessage().contains("x86"), e.getMessage());
        assertEquals(before, TreeDigests.of(root), "a refused package leaves the image untouched");

        assertFalse(e.getMessage().contains("/IgnoreCheck"), "the architecture check cannot be skipped: " + e.getMessage());

        ServicingException ignored = assertThrows(ServicingException.class, () -> add(path, true));
        assertEquals(ServicingException.NOT_APPLICABLE, ignored.errorCode(), "/IgnoreCheck never skips the architecture");
        assertEquals(before, TreeDigests.of(root));
        assertTrue(hivexState(x86.identity()).isEmpty());
    }

    @Test
    void ignoreCheckSkipsTheApplicabilityAndDependencyChecks() throws Exception {
        SyntheticPackage orphan = SyntheticPackage.update("KB3000001")
                .parent("Microsoft-Windows-Server-Features-Package", "6.1.7601.17514", "EQ")
                .dependency("Package_for_KB1000009", "6.1.1.17514");
        Path path = orphan.writeFolder(dir.resolve("orphan"));
        assertThrows(ServicingException.class, () -> add(path, false));
        add(path, true);
        assertEquals(Optional.of("112"), hivexState(orphan.identity()));
    }

    /** Removing the package must fail with the given code and leave every file of the image as it was. */
    private ServicingException removalRefused(String identity, int code) throws IOException {
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> {
            try (ServicingSession session = open()) {
                new PackageServicing(session).remove(PackageIdentity.parse(identity));
            }
        });
        assertEquals(code, e.errorCode(), e.getMessage());
        assertEquals(before, TreeDigests.of(root), "a refused removal left the image changed");
        return e;
    }

    @Test
    void theFoundationPackageIsPermanent() throws Exception {
        ServicingException e = removalRefused(SyntheticWindowsImage.FOUNDATION, ServicingException.CANNOT_UNINSTALL);
        assertEquals("0x800f0825", e.errorCodeText());
        assertTrue(e.getMessage().contains("foundation package"), e.getMessage());
        assertTrue(Hivex.hasKey(software, CBS + SyntheticWindowsImage.FOUNDATION));
        try (ServicingSession session = open()) {
            assertEquals(SyntheticWindowsImage.FEATURES.size(), new PackageServicing(session).features(Optional.empty()).size(),
                    "every feature is still there");
        }
    }

    @Test
    void aPackageThatIsPermanentStays() throws Exception {
        SyntheticPackage stack = SyntheticPackage.update("KB3020369").permanent();
        add(stack.writeFolder(dir.resolve("ssu")), false);
        ServicingException e = removalRefused(stack.identity(), ServicingException.CANNOT_UNINSTALL);
        assertTrue(e.getMessage().contains("permanent"), e.getMessage());

        SyntheticPackage marked = SyntheticPackage.update("KB3020370");
        add(marked.writeFolder(dir.resolve("marked")), false);
        Hive hive = Hive.open(software);
        hive.root().key(CBS + marked.identity()).setDword("CurrentState", PackageState.PERMANENT.code());
        hive.save(software);
        removalRefused(marked.identity(), ServicingException.CANNOT_UNINSTALL);
    }

    @Test
    void aPackageThatInstalledPackagesNeedStaysUntilTheyAreGone() throws Exception {
        SyntheticPackage base = SyntheticPackage.update("KB1000001");
        SyntheticPackage dependent = SyntheticPackage.update("KB1000002").dependency("Package_for_KB1000001", "6.1.1.17514");
        SyntheticPackage child = new SyntheticPackage("Package_for_KB1000003", "amd64", "", "6.1.1.17514")
                .parent("Package_for_KB1000001", "6.1.1.17514", "GE");
        add(base.writeFolder(dir.resolve("base")), false);
        add(dependent.writeFolder(dir.resolve("dependent")), false);
        add(child.writeFolder(dir.resolve("child")), false);

        ServicingException e = removalRefused(base.identity(), ServicingException.DEPENDENT_FAILURE);
        assertEquals("0x800f082c", e.errorCodeText());
        assertTrue(e.getMessage().contains(dependent.identity()) && e.getMessage().contains(child.identity()), e.getMessage());

        try (ServicingSession session = open()) {
            PackageServicing packages = new PackageServicing(session);
            packages.remove(PackageIdentity.parse(dependent.identity()));
            packages.remove(PackageIdentity.parse(child.identity()));
            packages.remove(PackageIdentity.parse(base.identity()));
        }
        assertTrue(hivexState(base.identity()).isEmpty());
    }

    @Test
    void aPackageWhoseParentIsMissingIsNotApplicable() throws Exception {
        SyntheticPackage orphan = SyntheticPackage.update("KB3000000")
                .parent("Microsoft-Windows-Server-Features-Package", "6.1.7601.17514", "EQ");
        ServicingException e = assertThrows(ServicingException.class, () -> add(orphan.writeFolder(dir.resolve("o")), false));
        assertEquals(ServicingException.NOT_APPLICABLE, e.errorCode());
        assertTrue(e.getMessage().contains("Microsoft-Windows-Server-Features-Package"), e.getMessage());
    }

    @Test
    void aPackageForANewerFoundationIsNotApplicable() throws Exception {
        SyntheticPackage newer = SyntheticPackage.update("KB3100000")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, "6.1.7601.24000", "GE");
        ServicingException e = assertThrows(ServicingException.class, () -> add(newer.writeFolder(dir.resolve("n")), false));
        assertEquals(ServicingException.NOT_APPLICABLE, e.errorCode());
    }

    @Test
    void windowsInstallerPackagesAreRefusedClearly() throws Exception {
        Path msi = Files.writeString(dir.resolve("setup.msi"), "not really an msi");
        ServicingException e = assertThrows(ServicingException.class, () -> add(msi, false));
        assertEquals(ServicingException.NOT_SUPPORTED_OFFLINE, e.errorCode());
        assertTrue(e.getMessage().contains("installed online"), e.getMessage());
        SyntheticPackage sp = SyntheticPackage.update("KB976932").releaseType("Service Pack");
        ServicingException servicePack = assertThrows(ServicingException.class, () -> add(sp.writeFolder(dir.resolve("sp")), false));
        assertEquals(ServicingException.NOT_SUPPORTED_OFFLINE, servicePack.errorCode());
    }

    @Test
    void aCorruptManifestOrANonPackageCabLeavesTheImageUntouched() throws Exception {
        TreeMap<String, String> before = TreeDigests.of(root);
        Path broken = SyntheticPackage.update("KB4000000").writeFolder(dir.resolve("broken"));
        Files.writeString(broken.resolve("update.mum"), "<assembly><package></assembly>");
        ServicingException e = assertThrows(ServicingException.class, () -> add(broken, false));
        assertEquals(ServicingException.INVALID_PACKAGE, e.errorCode());

        Path notAPackage = dir.resolve("notes.cab");
        new org.imagesmith.cab.CabinetBuilder(org.imagesmith.cab.CompressionType.MSZIP)
                .addFile("readme.txt", "hello".getBytes(), java.time.LocalDateTime.of(2020, 1, 1, 0, 0), 0x20).write(notAPackage);
        ServicingException notPackage = assertThrows(ServicingException.class, () -> add(notAPackage, false));
        assertEquals(ServicingException.INVALID_PACKAGE, notPackage.errorCode());
        assertTrue(notPackage.getMessage().contains("no update.mum"), notPackage.getMessage());

        ServicingException missing = assertThrows(ServicingException.class, () -> add(dir.resolve("absent.cab"), false));
        assertEquals(ServicingException.FILE_NOT_FOUND, missing.errorCode());
        assertTrue(missing.getMessage().contains("absent.cab"), missing.getMessage());

        Path garbage = Files.writeString(dir.resolve("garbage.cab"), "MSCF but not really");
        assertEquals(ServicingException.INVALID_PACKAGE,
                assertThrows(ServicingException.class, () -> add(garbage, false)).errorCode());
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void aFailureInTheMiddleLeavesTheImageAsItWas() throws Exception {
        Path path = SyntheticPackage.update("KB5000000").writeFolder(dir.resolve("mid"));
        TreeMap<String, String> before = TreeDigests.of(root);
        try (ServicingSession session = open()) {
            PackageServicing packages = new PackageServicing(session);
            packages.beforeRegistration = () -> {
                throw new IllegalStateException("disk full (injected)");
            };
            ServicingException e = assertThrows(ServicingException.class, () -> packages.add(
                    PackageSource.open(path, session.scratch()), new PackageServicing.AddOptions(false, false)));
            assertTrue(e.getMessage().contains("left as it was"), e.getMessage());
        }
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void aLanguagePackAfterAnUpdateWithLanguageResourcesIsWarnedAbout() throws Exception {
        SyntheticPackage german = new SyntheticPackage("Microsoft-Windows-Client-LanguagePack-Package", "amd64", "de-DE",
                SyntheticWindowsImage.VERSION).releaseType("Language Pack")
                .parent(SyntheticWindowsImage.FOUNDATION_NAME, SyntheticWindowsImage.VERSION, "EQ");
        Path path = german.writeFolder(dir.resolve("de"));
        Path logFile = dir.resolve("dism.log");
        try (ServicingLog log = ServicingLog.open(logFile, org.imagesmith.servicing.LogLevel.INFO);
                ServicingSession session = ServicingSession.open(DirectoryImage.open(root), log, Optional.empty())) {
            new PackageServicing(session).add(PackageSource.open(path, session.scratch()),
                    new PackageServicing.AddOptions(false, false));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains(SyntheticWindowsImage.INSTALLED_UPDATE), log.warnings().get(0));
            assertTrue(log.warnings().get(0).contains("language packs before updates"), log.warnings().get(0));
        }
        assertTrue(Files.readString(logFile).contains("Warning"));
        assertEquals(Optional.of("112"), hivexState(german.identity()));
    }

    @Test
    void aPackageThatNeedsARestartIsInstallPendingAndPreventPendingSkipsIt() throws Exception {
        SyntheticPackage pending = SyntheticPackage.update("KB6000000").restart("required");
        Path path = pending.writeFolder(dir.resolve("pending"));
        try (ServicingSession session = open()) {
            List<PackageServicing.AddResult> skipped = new PackageServicing(session).add(
                    PackageSource.open(path, session.scratch()), new PackageServicing.AddOptions(false, true));
            assertTrue(skipped.get(0).skipped());
        }
        assertTrue(hivexState(pending.identity()).isEmpty());
        add(path, false);
        assertEquals(Optional.of(Integer.toString(PackageState.INSTALL_PENDING.code())), hivexState(pending.identity()));
    }

    @Test
    void featuresAreEnabledAndDisabled() throws Exception {
        try (ServicingSession session = open()) {
            PackageServicing packages = new PackageServicing(session);
            Map<String, PackageState> states = new TreeMap<>();
            packages.features(Optional.empty()).forEach(f -> states.put(f.name(), f.state()));
            assertEquals(Map.of("IIS-WebServerRole", PackageState.STAGED, "MediaPlayback", PackageState.INSTALLED,
                    "TFTP", PackageState.STAGED, "TelnetClient", PackageState.STAGED), states);
            packages.setFeatures(List.of("telnetclient", "TFTP"), Optional.empty(), true);
            packages.setFeatures(List.of("MediaPlayback"), Optional.empty(), false);
            ServicingException unknown = assertThrows(ServicingException.class,
                    () -> packages.setFeatures(List.of("TelnetServer"), Optional.empty(), true));
            assertEquals(ServicingException.UNKNOWN_FEATURE, unknown.errorCode());
        }
        String updates = CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates";
        assertEquals(Optional.of("112"), Hivex.get(software, updates, "TelnetClient"));
        assertEquals(Optional.of("112"), Hivex.get(software, updates, "TFTP"));
        assertEquals(Optional.of("64"), Hivex.get(software, updates, "MediaPlayback"));
        try (ServicingSession session = open()) {
            assertEquals("Enabled", new PackageServicing(session).feature("TelnetClient", Optional.empty()).state().featureText());
            assertEquals("Disabled", new PackageServicing(session).feature("MediaPlayback", Optional.empty()).state().featureText());
        }
    }

    @Test
    void aPackageIsRemoved() throws Exception {
        try (ServicingSession session = open()) {
            new PackageServicing(session).remove(PackageIdentity.parse(SyntheticWindowsImage.INSTALLED_UPDATE));
            ServicingException e = assertThrows(ServicingException.class,
                    () -> new PackageServicing(session).remove(PackageIdentity.parse("Nothing~31bf3856ad364e35~amd64~~1.0.0.0")));
            assertEquals(ServicingException.INVALID_PARAMETER, e.errorCode());
        }
        assertFalse(Hivex.hasKey(software, CBS + SyntheticWindowsImage.INSTALLED_UPDATE));
        assertTrue(Hivex.hasKey(software, CBS + SyntheticWindowsImage.FOUNDATION));
        assertFalse(Files.exists(root.resolve("Windows/servicing/Packages/" + SyntheticWindowsImage.INSTALLED_UPDATE + ".mum")));
    }

    @Test
    void identitiesParseAndPrintAsCbsWritesThem() {
        PackageIdentity lp = PackageIdentity.parse(SyntheticWindowsImage.LANGUAGE_PACK);
        assertEquals("en-US", lp.language());
        assertEquals(SyntheticWindowsImage.LANGUAGE_PACK, lp.toString());
        assertEquals("", PackageIdentity.parse(SyntheticWindowsImage.FOUNDATION).language());
        assertThrows(IllegalArgumentException.class, () -> PackageIdentity.parse("KB976902"));
        assertTrue(PackageServicing.compareVersions("6.1.7601.17514", "6.1.7601.9999") > 0);
        assertEquals(0, PackageServicing.compareVersions("6.1", "6.1.0.0"));
    }
}
