package org.imagesmith.servicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.drivers.DriverServicing;
import org.imagesmith.servicing.editions.EditionServicing;
import org.imagesmith.servicing.international.InternationalServicing;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.servicing.pe.WindowsPeServicing;
import org.imagesmith.servicing.unattend.UnattendServicing;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.SyntheticEditionPackages;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.SyntheticWindowsPe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing of ours in the image: every key and value each servicing command adds to the image's hives, as hivexml
 * lists them before and after, lies in the places Windows documents for that command (drivers, packages, features,
 * international settings, editions, Windows PE settings, an answer file's settings), and no hive names Imagesmith.
 */
class HiveChangesTest extends Windows7ImageTest {
    private static final String CONTROL = "ControlSet001\\Control\\";
    private static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    private static final Map<String, String> HIVES = Map.of("SYSTEM", "Windows/System32/config/SYSTEM",
            "SOFTWARE", "Windows/System32/config/SOFTWARE", "NTUSER.DAT", "Users/Default/NTUSER.DAT");

    @BeforeEach
    void classAndCriticalDeviceKeys() throws IOException {
        // a real Windows 7 image has both keys, so a removal can put its hive back to the very same keys
        Path system = root.resolve(HIVES.get("SYSTEM"));
        Hive hive = Hive.open(system);
        hive.root().createKey(CONTROL + "Class");
        hive.root().createKey(CONTROL + "CriticalDeviceDatabase");
        hive.save(system);
    }

    private interface Command {
        void run(ServicingSession session) throws Exception;
    }

    private Map<String, TreeSet<String>> listings() {
        Map<String, TreeSet<String>> result = new LinkedHashMap<>();
        HIVES.forEach((name, file) -> {
            if (Files.isRegularFile(root.resolve(file))) {
                result.put(name, HiveListing.of(root.resolve(file)));
            }
        });
        return result;
    }

    /** Runs the command and returns what it added to each hive ("SYSTEM: key path ..."). */
    private List<String> added(Command command) throws Exception {
        Map<String, TreeSet<String>> before = listings();
        try (ServicingSession session = ServicingSession.open(DirectoryImage.open(root), ServicingLog.none(),
                Optional.of(dir))) {
            command.run(session);
        }
        Map<String, TreeSet<String>> after = listings();
        for (Map.Entry<String, TreeSet<String>> hive : after.entrySet()) {
            for (String line : hive.getValue()) {
                assertFalse(line.toLowerCase(Locale.ROOT).contains("imagesmith"), hive.getKey() + ": " + line);
            }
        }
        return after.entrySet().stream().flatMap(h -> HiveListing.added(before.getOrDefault(h.getKey(), new TreeSet<>()),
                h.getValue()).stream().map(line -> h.getKey() + ": " + line)).toList();
    }

    /** Every added line lies under one of the places (hive name, then key path). */
    private static void onlyUnder(List<String> added, String... places) {
        assertFalse(added.isEmpty(), "the command changed the hives");
        for (String line : added) {
            String lower = line.toLowerCase(Locale.ROOT);
            boolean documented = List.of(places).stream().map(p -> p.toLowerCase(Locale.ROOT))
                    .anyMatch(p -> lower.startsWith(p + "\\") || lower.startsWith(p + " : ") || lower.equals(p)
                            || (!lower.contains(" : ") && p.startsWith(lower + "\\"))); // a key above the place
            assertTrue(documented, line + " is not where Windows keeps what this command changes: " + List.of(places));
        }
    }

    @Test
    void addDriverWritesTheClassKeyAndRemoveDriverPutsTheHivesBack() throws Exception {
        Map<String, TreeSet<String>> original = listings();
        Path nic = SyntheticDriver.network("contosonic").write(dir.resolve("nic"));
        onlyUnder(added(s -> add(s, nic)), "SYSTEM: " + CONTROL + "Class\\" + SyntheticDriver.NET_CLASS_GUID);

        Path raid = SyntheticDriver.storage("contosoraid").write(dir.resolve("raid"));
        List<String> bootCritical = added(s -> add(s, raid));
        onlyUnder(bootCritical, "SYSTEM: " + CONTROL + "Class\\" + SyntheticDriver.SCSI_CLASS_GUID,
                "SYSTEM: ControlSet001\\Services\\contosoraid", "SYSTEM: " + CONTROL + "CriticalDeviceDatabase");
        assertTrue(bootCritical.contains("SYSTEM: ControlSet001\\Services\\contosoraid : Owners = string-list oem1.inf"),
                bootCritical.toString());

        added(s -> new DriverServicing(s).remove(List.of("oem1.inf", "oem0.inf")));
        assertEquals(original, listings(), "removing both drivers leaves the hives as they were");
    }

    private static void add(ServicingSession session, Path inf) throws ServicingException {
        DriverServicing drivers = new DriverServicing(session);
        drivers.add(drivers.open(List.of(inf), false), new DriverServicing.AddOptions(false));
    }

    @Test
    void packagesAndFeaturesWriteTheirCbsKeys() throws Exception {
        SyntheticPackage update = SyntheticPackage.update("KB2534111");
        Path folder = update.writeFolder(dir.resolve("kb"));
        onlyUnder(added(s -> new PackageServicing(s).add(PackageSource.open(folder, s.scratch()),
                new PackageServicing.AddOptions(false, false))), "SOFTWARE: " + CBS + update.identity());
        onlyUnder(added(s -> new PackageServicing(s).setFeatures(List.of("TelnetClient"), Optional.empty(), true)),
                "SOFTWARE: " + CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates");
        Map<String, TreeSet<String>> before = listings();
        added(s -> new PackageServicing(s).remove(PackageIdentity.parse(update.identity())));
        assertFalse(listings().get("SOFTWARE").stream().anyMatch(l -> l.contains(update.identity())));
        assertEquals(before.get("SYSTEM"), listings().get("SYSTEM"));
    }

    @Test
    void internationalSettingsWriteWhereWindowsKeepsThem() throws Exception {
        onlyUnder(added(s -> new InternationalServicing(s).setTimeZone("W. Europe Standard Time")),
                "SYSTEM: " + CONTROL + "TimeZoneInformation");
        onlyUnder(added(s -> new InternationalServicing(s).setInputLocales("0409:00020409")),
                "NTUSER.DAT: Keyboard Layout");
        onlyUnder(added(s -> new InternationalServicing(s).setSystemLocale("ja-JP")),
                "SYSTEM: " + CONTROL + "Nls");
        onlyUnder(added(s -> new InternationalServicing(s).setUserLocale("fr-CA")),
                "NTUSER.DAT: Control Panel\\International");
    }

    @Test
    void anEditionChangeWritesTheEditionPackagesAndCurrentVersion() throws Exception {
        SyntheticEditionPackages.stage(root, "Professional", List.of("Ultimate"));
        onlyUnder(added(s -> new EditionServicing(s).setEdition("Ultimate", Optional.empty())),
                "SOFTWARE: " + CBS + SyntheticEditionPackages.identity("Ultimate"),
                "SOFTWARE: " + CBS + SyntheticEditionPackages.identity("Professional"),
                "SOFTWARE: Microsoft\\Windows NT\\CurrentVersion");
    }

    @Test
    void anAnswerFilesComputerNameGoesWhereWindowsKeepsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("unattend.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <ComputerName>CONTOSO-LAB-07</ComputerName>
                    </component>
                  </settings>
                </unattend>
                """);
        onlyUnder(added(s -> new UnattendServicing(s).apply(file)),
                "SYSTEM: " + CONTROL + "ComputerName\\ComputerName", "SYSTEM: ControlSet001\\Services\\Tcpip\\Parameters");
    }

    @Test
    void windowsPeSettingsWriteWhereWindowsPeReadsThem() throws Exception {
        root = SyntheticWindowsPe.write(dir.resolve("pe"));
        onlyUnder(added(s -> new WindowsPeServicing(s, "Set-ScratchSpace").setScratchSpace("128")),
                "SYSTEM: ControlSet001\\Services\\FBWF");
        onlyUnder(added(s -> new WindowsPeServicing(s, "Set-TargetPath").setTargetPath("C:\\WinPE_x64")),
                "SOFTWARE: Microsoft\\Windows NT\\CurrentVersion\\WinPE");
    }
}
