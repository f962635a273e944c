package org.imagesmith.ui;

import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.waitForJobs;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.ui.preferences.ImagesmithPreferences;

/**
 * What the Apply to Image tests work on: the workspace project "answers" with install.wim (a synthetic Windows 7
 * SP1 x64 image captured by wimlib-imagex) and the folder of an update package, a mount store, log and scratch
 * folder of the test's own, the Images view open and the servicing console cleared. {@link #dispose} puts the
 * workspace, the launch configurations and the preferences back.
 */
final class AnswerFileProject {
    static final String CBS = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages\\";
    static final SyntheticPackage FEATURE_PACK = SyntheticPackage.update("KB982861").feature("InternetExplorer9", "IE 9");
    static final String GOOD = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
              <servicing>
                <package action="install">
                  <assemblyIdentity name="Package_for_KB982861" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                  <source location="packages\\ie9"/>
                  <selection name="FEATURE" state="true"/>
                </package>
                <package action="configure">
                  <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="6.1.7601.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                  <selection name="TelnetClient" state="true"/>
                </package>
              </servicing>
            </unattend>
            """;

    final Path dir;
    final IProject project;
    final Path projectDir;
    final Path wim;

    /** Sets the project up in the test's temporary folder dir. */
    AnswerFileProject(Path dir) throws Exception {
        this.dir = dir;
        System.setProperty(MountStores.PROPERTY, dir.resolve("store").toString());
        ImagesmithPreferences.store().setValue(ImagesmithPreferences.LOG_FILE, dir.resolve("dism.log").toString());
        ImagesmithPreferences.store().setValue(ImagesmithPreferences.SCRATCH_DIRECTORY,
                Files.createDirectories(dir.resolve("scratch")).toString());
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("answers");
        project.create(null);
        project.open(null);
        projectDir = project.getLocation().toFile().toPath();
        wim = projectDir.resolve("install.wim");
        Path image = SyntheticWindowsImage.write(dir.resolve("image"), SyntheticWindowsImage.Kind.WINDOWS_7_SP1_X64);
        Wimlib.capture(image, wim, "Windows 7 PROFESSIONAL", "Windows 7 Professional", "--compress=lzx");
        Wimlib.setProperties(wim, 1, "WINDOWS/ARCH=9", "WINDOWS/EDITIONID=Professional");
        FEATURE_PACK.writeFolder(projectDir.resolve("packages/ie9"));
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        window().getActivePage().showView(ImagesView.ID);
        waitForJobs();
        ServicingConsole.get().clearConsole();
        for (long end = System.currentTimeMillis() + 10_000; ServicingConsole.get().getDocument().getLength() > 0;
                Thread.sleep(20)) {
            assertTrue(System.currentTimeMillis() < end, "the console is cleared");
            processEvents();
        }
    }

    /** The synthetic image's folder, as captured into install.wim. */
    Path imageFolder() {
        return dir.resolve("image");
    }

    void dispose() throws Exception {
        waitForJobs();
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
        launches.removeLaunches(launches.getLaunches());
        for (ILaunchConfiguration configuration : launches.getLaunchConfigurations(ApplyLaunchConfigurations.type())) {
            configuration.delete();
        }
        project.delete(true, true, null);
        waitForJobs();
        System.clearProperty(MountStores.PROPERTY);
        ImagesmithPreferences.store().setToDefault(ImagesmithPreferences.LOG_FILE);
        ImagesmithPreferences.store().setToDefault(ImagesmithPreferences.SCRATCH_DIRECTORY);
    }

    /** Writes a file of the project and refreshes the workspace. */
    IFile answerFile(String name, String text) throws Exception {
        Files.writeString(projectDir.resolve(name), text);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project.getFile(name);
    }

    /** A hive of the image of install.wim at this index, applied by wimlib-imagex into a new folder. */
    Path appliedHive(int index, String hive) throws IOException {
        Path check = Files.createTempDirectory(dir, "check");
        Wimlib.apply(wim, index, check);
        return check.resolve("Windows/System32/config/" + hive);
    }

    void assertNoMountsLeft() throws IOException {
        assertEquals(List.of(), MountStores.mountedImages().store().records(), "the scratch mount is unmounted");
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("apply-")).toList(),
                    "the scratch mount directory is removed");
        }
    }

    static List<IMarker> markers(IFile file) throws Exception {
        return Arrays.asList(file.findMarkers(AnswerFileMarkers.TYPE, false, IResource.DEPTH_ZERO));
    }

    /** The console's text once it holds expected (the console appends in the UI thread). */
    static String consoleHolding(String expected) throws Exception {
        String text = "";
        for (long end = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < end; Thread.sleep(20)) {
            processEvents();
            text = ServicingConsole.get().getDocument().get();
            if (text.contains(expected)) {
                return text;
            }
        }
        return fail("the console does not hold \"" + expected + "\":\n" + text);
    }

    static String sha1(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-1");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The 1-based line of the first line of text holding marker. */
    static int line(String text, String marker) {
        int offset = text.indexOf(marker);
        assertTrue(offset >= 0, marker);
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
