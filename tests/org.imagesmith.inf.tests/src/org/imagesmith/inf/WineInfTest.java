package org.imagesmith.inf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real input: wine.inf from Debian's libwine (Wine 8.0), 2,900 lines of sections, line continuations, string
 * substitutions and service definitions. releng/bin/install-prerequisites unpacks it from the package.
 */
class WineInfTest {

    private static Path wineInf() {
        String cache = Optional.ofNullable(System.getenv("XDG_CACHE_HOME"))
                .orElse(Optional.ofNullable(System.getenv("HOME")).orElse(System.getProperty("user.home")) + "/.cache");
        for (Path candidate : List.of(Path.of("/usr/share/wine/wine.inf"), Path.of(cache, "imagesmith", "wine.inf"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("wine.inf is not on this machine: run releng/bin/install-prerequisites, which"
                + " unpacks it from Debian's libwine package into " + cache + "/imagesmith/wine.inf");
    }

    @Test
    void parsesWineInf() throws IOException {
        Path path = wineInf();
        InfFile inf = InfFile.read(path);
        long headers = Files.readAllLines(path, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                .filter(l -> l.startsWith("[")).map(l -> l.toLowerCase(java.util.Locale.ROOT)).distinct().count();
        assertEquals(headers, inf.sections().size(), "one section per distinct [header]");
        assertEquals(Optional.of("$CHICAGO$"), inf.section("Version").flatMap(s -> s.value("Signature")));

        InfSection service = inf.section("MountMgrService").orElseThrow();
        assertEquals(Optional.of("Mount Manager"), service.value("DisplayName"));
        assertEquals(Optional.of("2"), service.value("StartType"));
        assertEquals(Optional.of("%12%\\mountmgr.sys"), service.value("ServiceBinary"), "directory ids stay as they are");

        InfLine addReg = inf.section("DefaultInstall").orElseThrow().line("AddReg").orElseThrow();
        assertTrue(addReg.values().size() > 10, "a backslash continues the AddReg line: " + addReg.values());
        assertEquals("Classes", addReg.value(0));
        assertTrue(addReg.values().contains("Services"), addReg.values().toString());

        InfLine commonFiles = inf.section("CurrentVersion").orElseThrow().lines().stream()
                .filter(l -> l.values().contains("CommonFilesDir")).findFirst().orElseThrow();
        assertEquals("Software\\Microsoft\\Windows\\CurrentVersion", commonFiles.value(1), "%CurrentVersion% is substituted");
    }
}
