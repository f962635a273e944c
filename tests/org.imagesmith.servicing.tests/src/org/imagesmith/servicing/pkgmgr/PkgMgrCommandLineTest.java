package org.imagesmith.servicing.pkgmgr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.junit.jupiter.api.Test;

/** Package Manager command lines as Windows Vista's pkgmgr.exe takes them. */
class PkgMgrCommandLineTest {

    @Test
    void installWithOfflineImageSandboxLogAndQuiet() throws Exception {
        PkgMgrCommandLine line = PkgMgrCommandLine.parse(List.of("/IP", "/m:/pkgs/kb.cab", "/o:\"/mnt/vista;/mnt/vista/Windows\"",
                "/s:/tmp/sandbox", "/l:/tmp/pkgmgr.log", "/quiet", "/norestart"));
        assertEquals(PkgMgrCommandLine.Operation.INSTALL_PACKAGE, line.operation());
        assertEquals(Optional.of(Path.of("/pkgs/kb.cab")), line.packagePath());
        assertEquals(Path.of("/mnt/vista"), line.systemDrive());
        assertEquals("Windows", line.windowsFolderName());
        assertEquals(Optional.of(Path.of("/tmp/sandbox")), line.sandbox());
        assertEquals(Optional.of(Path.of("/tmp/pkgmgr.log")), line.log());
        assertTrue(line.quiet() && line.noRestart());
    }

    @Test
    void featuresUninstallAndAnswerFile() throws Exception {
        PkgMgrCommandLine enable = PkgMgrCommandLine.parse(List.of("/iu:TelnetClient;TFTP", "/o:/v;/v/Windows"));
        assertEquals(List.of("TelnetClient", "TFTP"), enable.features());
        PkgMgrCommandLine up = PkgMgrCommandLine.parse(List.of("/up:Package_for_KB1~31bf3856ad364e35~x86~~6.0.1.0", "/o:/v;/v/Windows"));
        assertEquals(Optional.of("Package_for_KB1~31bf3856ad364e35~x86~~6.0.1.0"), up.packageName());
        PkgMgrCommandLine upPath = PkgMgrCommandLine.parse(List.of("/up", "/m:/p/kb1", "/o:/v;/v/Windows"));
        assertEquals(Optional.of(Path.of("/p/kb1")), upPath.packagePath());
        PkgMgrCommandLine answer = PkgMgrCommandLine.parse(List.of("/n:/cfg/unattend.xml", "/o:/v;/v/WINDOWS"));
        assertEquals(PkgMgrCommandLine.Operation.APPLY_ANSWER_FILE, answer.operation());
        assertEquals("WINDOWS", answer.windowsFolderName());
    }

    @Test
    void mistakesAreNamed() {
        assertEquals(ServicingException.INVALID_PARAMETER, invalid("/ip", "/m:x", "/o:/v;/v/Windows", "/x:1").errorCode());
        assertTrue(invalid("/ip", "/m:x", "/o:/v;/v/Windows", "/x:1").getMessage().contains("/x is unknown"));
        assertTrue(invalid("/ip", "/m:x").getMessage().contains("/o is missing"));
        assertTrue(invalid("/ip", "/o:/v;/v/Windows").getMessage().contains("/ip needs the package"));
        assertTrue(invalid("/ip", "/m:x", "/n:a.xml", "/o:/v;/v/Windows").getMessage().contains("one operation"));
        assertTrue(invalid("/iu:A", "/o:/v").getMessage().contains("separated by a semicolon"));
        assertTrue(invalid("/up:A", "/m:x", "/o:/v;/v/Windows").getMessage().contains("one of them"));
        assertTrue(invalid("/iu:A", "/iu:B", "/o:/v;/v/Windows").getMessage().contains("given twice"));
    }

    @Test
    void windowsFolderMustBeOnTheSystemDrive() throws Exception {
        PkgMgrCommandLine line = PkgMgrCommandLine.parse(List.of("/iu:A", "/o:/v;/elsewhere/Windows"));
        assertTrue(assertThrows(ServicingException.class, line::windowsFolderName).getMessage().contains("not inside"));
    }

    private static ServicingException invalid(String... arguments) {
        return assertThrows(ServicingException.class, () -> PkgMgrCommandLine.parse(List.of(arguments)));
    }
}
