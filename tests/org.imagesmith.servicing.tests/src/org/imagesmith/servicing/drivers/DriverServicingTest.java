package org.imagesmith.servicing.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.TreeDigests;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding, listing and removing drivers on a synthetic Windows 7 SP1 x64 image; every change is checked through
 * our own listing and through hivexget on the saved SYSTEM hive, and failures leave the whole tree as it was.
 */
class DriverServicingTest {
    private static final String SERVICES = "ControlSet001\\Services\\";
    private static final String CDDB = "ControlSet001\\Control\\CriticalDeviceDatabase\\";

    @TempDir
    Path dir;
    Path root;
    Path system;

    @BeforeEach
    void image() throws IOException {
        root = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        system = root.resolve("Windows/System32/config/SYSTEM");
    }

    private ServicingSession open() throws ServicingException {
        return ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(), Optional.empty());
    }

    private List<DriverServicing.AddResult> add(boolean forceUnsigned, Path... infs) throws ServicingException {
        try (ServicingSession session = open()) {
            DriverServicing drivers = new DriverServicing(session);
            return drivers.add(drivers.open(List.of(infs), false), new DriverServicing.AddOptions(forceUnsigned));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<InstalledDriver> listing() throws Exception {
        try (ServicingSession session = open()) {
            return new DriverServicing(session).drivers(false);
        }
    }

    @Test
    void stagesPublishesAndListsANetworkDriver() throws Exception {
        SyntheticDriver nic = SyntheticDriver.network("contosonic");
        Path inf = nic.write(dir.resolve("nic"));
        List<DriverServicing.AddResult> results = add(false, inf);
        assertEquals("oem0.inf", results.get(0).publishedName());
        assertFalse(results.get(0).alreadyInstalled());

        assertEquals(Files.readString(inf), Files.readString(root.resolve("Windows/inf/oem0.inf")));
        Path repository = root.resolve("Windows/System32/DriverStore/FileRepository");
        Path folder;
        try (var folders = Files.list(repository)) {
            folder = folders.filter(p -> p.getFileName().toString().startsWith("contosonic.inf_amd64_neutral_"))
                    .findFirst().orElseThrow();
        }
        assertTrue(Files.isRegularFile(folder.resolve("contosonic.inf")));
        assertTrue(Files.isRegularFile(folder.resolve("contosonic.cat")));
        assertTrue(Files.isRegularFile(folder.resolve("bin/contosonic.sys")), "staged at its place in the package");
        assertTrue(Files.isRegularFile(folder.resolve("bin/contosonic.dll")));
        assertFalse(Files.exists(root.resolve("Windows/System32/drivers/contosonic.sys")), "not boot critical: only staged");

        InstalledDriver listed = listing().get(0);
        assertEquals("oem0.inf", listed.publishedName());
        assertEquals("contosonic.inf", listed.originalFileName());
        assertFalse(listed.inbox());
        assertEquals("Net", listed.className());
        assertEquals("Contoso Ltd.", listed.providerName());
        assertEquals("2010-11-21", listed.date().orElseThrow().toString());
        assertEquals(nic.version(), listed.version());
        assertFalse(listed.bootCritical());

        assertEquals(folder.resolve("contosonic.inf").toString(), listed.driverStorePath(),
                "the store folder is found from what Windows keeps (the staged copy of oem0.inf)");
        assertEquals(Optional.of("Net"), Hivex.get(system, "ControlSet001\\Control\\Class\\" + nic.classGuid(), "Class"));
        assertFalse(Hivex.hasKey(system, SERVICES + "contosonic"), "a demand-start driver's service waits for its device");
    }

    @Test
    void addsInCommandLineOrderAndKnowsAPackageItHasAlready() throws Exception {
        Path first = SyntheticDriver.network("alpha").write(dir.resolve("a"));
        Path second = SyntheticDriver.network("beta").write(dir.resolve("b"));
        List<DriverServicing.AddResult> results = add(false, second, first);
        assertEquals(List.of("oem0.inf", "oem1.inf"), results.stream().map(DriverServicing.AddResult::publishedName).toList());
        assertEquals(List.of("beta.inf", "alpha.inf"), listing().stream().map(InstalledDriver::originalFileName).toList());

        DriverServicing.AddResult again = add(false, first).get(0);
        assertTrue(again.alreadyInstalled());
        assertEquals("oem1.inf", again.publishedName());
        assertEquals(2, listing().size());
    }

    @Test
    void aBootCriticalDriverGetsItsServiceAndCriticalDeviceEntries() throws Exception {
        SyntheticDriver raid = SyntheticDriver.storage("contosoraid");
        add(false, raid.write(dir.resolve("raid")));

        assertTrue(Files.isRegularFile(root.resolve("Windows/System32/drivers/contosoraid.sys")));
        String service = SERVICES + "contosoraid";
        assertEquals(Optional.of("0"), Hivex.get(system, service, "Start"));
        assertEquals(Optional.of("1"), Hivex.get(system, service, "Type"));
        assertEquals(Optional.of("1"), Hivex.get(system, service, "ErrorControl"));
        assertEquals(Optional.of("system32\\DRIVERS\\contosoraid.sys"), Hivex.get(system, service, "ImagePath"));
        assertEquals(Optional.of("SCSI miniport"), Hivex.get(system, service, "Group"));
        String device = CDDB + "pci#ven_1000&dev_0054";
        assertEquals(Optional.of("contosoraid"), Hivex.get(system, device, "Service"));
        assertEquals(Optional.of(SyntheticDriver.SCSI_CLASS_GUID), Hivex.get(system, device, "ClassGUID"));
        assertTrue(Hivex.get(system, device, "DriverPackageId").orElseThrow().startsWith("contosoraid.inf_amd64_neutral_"));
        assertEquals(Optional.of("contosoraid"), Hivex.get(system, CDDB + "pci#ven_1000&cc_0104", "Service"));
        assertTrue(listing().get(0).bootCritical());
    }

    @Test
    void aDriverWithoutModelsForTheImagesArchitectureIsRefused() throws Exception {
        Path inf = SyntheticDriver.network("old32").architectures("x86").write(dir.resolve("x86"));
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> add(false, inf));
        assertEquals(DriverServicing.NOT_FOR_THIS_PLATFORM, e.errorCode());
        assertTrue(e.getMessage().contains("does not support this version of Windows"), e.getMessage());
        assertTrue(e.getMessage().contains("NTamd64"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));
        assertTrue(listing().isEmpty());
    }

    @Test
    void unsignedPackagesNeedForceUnsignedOnX64() throws Exception {
        Path inf = SyntheticDriver.network("nocat").unsigned().write(dir.resolve("unsigned"));
        TreeMap<String, String> before = TreeDigests.of(root);
        ServicingException e = assertThrows(ServicingException.class, () -> add(false, inf));
        assertEquals(DriverServicing.NO_CATALOG, e.errorCode());
        assertTrue(e.getMessage().contains("is not signed"), e.getMessage());
        assertTrue(e.getMessage().contains("/ForceUnsigned"), e.getMessage());
        assertEquals(before, TreeDigests.of(root));

        assertEquals("oem0.inf", add(true, inf).get(0).publishedName());
        assertEquals("nocat.inf", listing().get(0).originalFileName());
    }

    @Test
    void aCatalogThatDoesNotListAFileIsRefused() throws Exception {
        Path inf = SyntheticDriver.network("partial").catalogOmits("partial.dll").write(dir.resolve("partial"));
        ServicingException e = assertThrows(ServicingException.class, () -> add(false, inf));
        assertEquals(DriverServicing.NOT_SIGNED, e.errorCode());
        assertTrue(e.getMessage().contains("does not list partial.dll"), e.getMessage());
        assertTrue(listing().isEmpty());
    }

    @Test
    void aFileChangedAfterSigningIsRefused() throws Exception {
        Path inf = SyntheticDriver.network("tampered").write(dir.resolve("tampered"));
        Files.writeString(inf.resolveSibling("bin/tampered.sys"), "patched");
        ServicingException e = assertThrows(ServicingException.class, () -> add(false, inf));
        assertEquals(DriverServicing.BAD_DIGEST, e.errorCode());
        assertTrue(e.getMessage().contains("tampered.sys"), e.getMessage());

        Path garbage = SyntheticDriver.network("garbage").write(dir.resolve("garbage"));
        Files.writeString(garbage.resolveSibling("garbage.cat"), "this is no catalog");
        ServicingException g = assertThrows(ServicingException.class, () -> add(false, garbage));
        assertEquals(DriverServicing.NOT_SIGNED, g.errorCode());
        assertTrue(g.getMessage().contains("garbage.cat"), g.getMessage());
    }

    @Test
    void x86ImagesAcceptUnsignedDrivers() throws Exception {
        Hive hive = Hive.open(system);
        hive.key("ControlSet001\\Control\\Session Manager\\Environment").setString("PROCESSOR_ARCHITECTURE", "x86");
        hive.save(system);
        Path inf = SyntheticDriver.network("plain32").architectures("x86").unsigned().write(dir.resolve("x86"));
        assertEquals("oem0.inf", add(false, inf).get(0).publishedName());
        assertEquals("plain32.inf", listing().get(0).originalFileName());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() throws Exception {
        Path inf = SyntheticDriver.network("short").write(dir.resolve("short"));
        Files.delete(inf.resolveSibling("bin/short.dll"));
        ServicingException e = assertThrows(ServicingException.class, () -> add(false, inf));
        assertEquals(ServicingException.FILE_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("short.dll"), e.getMessage());
    }

    @Test
    void aSourcePathLeavingThePackageIsRefused() throws Exception {
        Path inf = SyntheticDriver.network("escape").write(dir.resolve("escape"));
        Files.writeString(inf, Files.readString(inf).replace(",,,\\bin", ",,,..\\..\\etc"));
        ServicingException e = assertThrows(ServicingException.class, () -> add(true, inf));
        assertEquals(DriverServicing.INF_SYNTAX, e.errorCode());
        assertTrue(e.getMessage().contains("outside its own folder"), e.getMessage());
    }

    @Test
    void aFailureInTheMiddleLeavesTheImageUnchanged() throws Exception {
        Path nic = SyntheticDriver.network("first").write(dir.resolve("nic"));
        Path raid = SyntheticDriver.storage("second").write(dir.resolve("raid"));
        TreeMap<String, String> before = TreeDigests.of(root);
        try (ServicingSession session = open()) {
            DriverServicing drivers = new DriverServicing(session);
            drivers.beforeCommit = () -> {
                throw new IllegalStateException("injected failure");
            };
            ServicingException e = assertThrows(ServicingException.class, () -> drivers.add(
                    drivers.open(List.of(nic, raid), false), new DriverServicing.AddOptions(false)));
            assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
            assertTrue(session.system().findKey(SERVICES + "second").isEmpty(), "the hive in memory is rolled back too");
            assertTrue(session.system().findKey(CDDB + "pci#ven_1000&dev_0054").isEmpty());
        }
        assertEquals(before, TreeDigests.of(root));
        assertFalse(Hivex.hasKey(system, SERVICES + "second"));

        add(false, nic, raid);
        TreeMap<String, String> added = TreeDigests.of(root);
        try (ServicingSession session = open()) {
            DriverServicing drivers = new DriverServicing(session);
            drivers.beforeCommit = () -> {
                throw new IllegalStateException("injected failure");
            };
            assertThrows(ServicingException.class, () -> drivers.remove(List.of("oem1.inf", "oem0.inf")));
            assertTrue(session.system().findKey(SERVICES + "second").isPresent());
        }
        assertEquals(added, TreeDigests.of(root));
        assertEquals(2, listing().size());
    }

    @Test
    void removeDeletesThePackageAndWhatItsInstallCreated() throws Exception {
        add(false, SyntheticDriver.network("keepme").write(dir.resolve("nic")),
                SyntheticDriver.storage("dropme").write(dir.resolve("raid")));
        assertTrue(Hivex.hasKey(system, SERVICES + "dropme"));
        try (ServicingSession session = open()) {
            new DriverServicing(session).remove(List.of("oem1.inf"));
        }
        assertEquals(List.of("oem0.inf"), listing().stream().map(InstalledDriver::publishedName).toList());
        assertFalse(Files.exists(root.resolve("Windows/inf/oem1.inf")));
        assertFalse(Files.exists(root.resolve("Windows/System32/drivers/dropme.sys")));
        try (var folders = Files.list(root.resolve("Windows/System32/DriverStore/FileRepository"))) {
            assertEquals(List.of("keepme.inf"), folders.map(p -> p.getFileName().toString().split("_")[0]).toList());
        }
        assertFalse(Hivex.hasKey(system, SERVICES + "dropme"));
        assertFalse(Hivex.hasKey(system, CDDB + "pci#ven_1000&dev_0054"));
        assertFalse(Hivex.hasKey(system, "ControlSet001\\Control\\Class\\" + SyntheticDriver.SCSI_CLASS_GUID));
        assertTrue(Hivex.hasKey(system, "ControlSet001\\Services"), "the image's own keys stay");
        assertEquals("keepme.inf", listing().get(0).originalFileName());

        // the next package takes the first free number again
        assertEquals("oem1.inf", add(false, SyntheticDriver.network("later").write(dir.resolve("later"))).get(0).publishedName());
    }

    @Test
    void removeKeepsAServiceOfWindowsItselfAndAServiceAnotherPackageOwns() throws Exception {
        Hive hive = Hive.open(system);
        hive.root().createKey(SERVICES + "inboxraid").setDword("Start", 3);
        hive.save(system);
        add(false, SyntheticDriver.storage("inboxraid").write(dir.resolve("inbox")));
        assertEquals(Optional.of("0"), Hivex.get(system, SERVICES + "inboxraid", "Start"), "the package's service settings");
        assertEquals(Optional.empty(), Hivex.get(system, SERVICES + "inboxraid", "Owners"), "Windows' own service stays its own");
        try (ServicingSession session = open()) {
            new DriverServicing(session).remove(List.of("oem0.inf"));
        }
        assertTrue(Hivex.hasKey(system, SERVICES + "inboxraid"), "a service of Windows itself is not removed");
        assertFalse(Hivex.hasKey(system, CDDB + "pci#ven_1000&dev_0054"), "the package's critical device entries are");
    }

    @Test
    void theIndexAnEarlierVersionKeptInTheImageIsRemoved() throws Exception {
        Hive hive = Hive.open(system);
        hive.root().createKey("Imagesmith\\DriverPackages\\oem0.inf").setString("OriginalFileName", "old.inf");
        hive.save(system);
        add(false, SyntheticDriver.network("contosonic").write(dir.resolve("nic")));
        assertFalse(Hivex.hasKey(system, "Imagesmith"), "nothing of Imagesmith's stays in the image");
        assertEquals("contosonic.inf", listing().get(0).originalFileName());
    }

    @Test
    void removeRefusesInboxAndUnknownDrivers() throws Exception {
        Files.writeString(root.resolve("Windows/inf/netrtl.inf"), SyntheticDriver.network("netrtl").inf());
        TreeMap<String, String> before = TreeDigests.of(root);
        try (ServicingSession session = open()) {
            DriverServicing drivers = new DriverServicing(session);
            ServicingException inbox = assertThrows(ServicingException.class, () -> drivers.remove(List.of("netrtl.inf")));
            assertEquals(ServicingException.INVALID_PARAMETER, inbox.errorCode());
            assertTrue(inbox.getMessage().contains("inbox driver"), inbox.getMessage());
            ServicingException unknown = assertThrows(ServicingException.class, () -> drivers.remove(List.of("oem7.inf")));
            assertEquals(ServicingException.FILE_NOT_FOUND, unknown.errorCode());
            assertTrue(unknown.getMessage().contains("oem7.inf"), unknown.getMessage());
            List<InstalledDriver> all = drivers.drivers(true);
            assertEquals(1, all.size());
            assertTrue(all.get(0).inbox());
            assertTrue(drivers.drivers(false).isEmpty());
        }
        assertEquals(before, TreeDigests.of(root));
    }

    @Test
    void recurseFindsEveryInfAndFoldersSkipWhatIsNotADriver() throws Exception {
        Path drivers = dir.resolve("drivers");
        SyntheticDriver.network("one").write(drivers.resolve("net"));
        SyntheticDriver.storage("two").write(drivers.resolve("storage/raid"));
        ServicingException none = assertThrows(ServicingException.class, () -> DriverServicing.findInfs(drivers, false));
        assertEquals(ServicingException.FILE_NOT_FOUND, none.errorCode());
        assertTrue(none.getMessage().contains("/Recurse"), none.getMessage());
        List<Path> found = DriverServicing.findInfs(drivers, true);
        assertEquals(2, found.size());
        Files.writeString(drivers.resolve("net/autorun.inf"), "[autorun]\r\nopen=setup.exe\r\n");
        assertEquals(2, DriverServicing.findInfs(drivers.resolve("net"), false).size());
        try (ServicingSession session = open()) {
            DriverServicing servicing = new DriverServicing(session);
            List<DriverPackage> packages = servicing.open(DriverServicing.findInfs(drivers, true), true);
            assertEquals(List.of("one.inf", "two.inf"), packages.stream().map(DriverPackage::infName).toList());
            servicing.add(packages, new DriverServicing.AddOptions(false));
        }
        assertEquals(2, listing().size());
    }

    @Test
    void driverInfoShowsTheModels() throws Exception {
        SyntheticDriver nic = SyntheticDriver.network("both").architectures("x86", "amd64");
        Path inf = nic.write(dir.resolve("both"));
        add(false, inf);
        try (ServicingSession session = open()) {
            DriverServicing drivers = new DriverServicing(session);
            DriverDetails published = drivers.info("oem0.inf");
            assertEquals("Network adapters", published.classDescription());
            assertEquals(List.of("amd64"), List.copyOf(published.models().keySet()));
            DriverModel model = published.models().get("amd64").get(0);
            assertEquals("Contoso Ltd.", model.manufacturer());
            assertEquals("Contoso both controller", model.description());
            assertEquals(nic.hardwareId(), model.hardwareId());
            assertEquals("both", model.serviceName());
            assertEquals(List.of(nic.compatibleId()), model.compatibleIds());
            assertTrue(published.driver().driverStorePath().endsWith("both.inf"), published.driver().driverStorePath());

            DriverDetails fromPath = drivers.info(inf.toString());
            assertEquals(List.of("amd64", "x86"), List.copyOf(fromPath.models().keySet()));
            ServicingException unknown = assertThrows(ServicingException.class, () -> drivers.info("oem9.inf"));
            assertEquals(ServicingException.FILE_NOT_FOUND, unknown.errorCode());
        }
    }
}
