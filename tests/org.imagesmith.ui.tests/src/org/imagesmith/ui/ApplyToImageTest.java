package org.imagesmith.ui;

import static org.imagesmith.ui.AnswerFileProject.consoleHolding;
import static org.imagesmith.ui.AnswerFileProject.line;
import static org.imagesmith.ui.AnswerFileProject.markers;
import static org.imagesmith.ui.AnswerFileProject.sha1;
import static org.imagesmith.ui.UiTesting.inDialog;
import static org.imagesmith.ui.UiTesting.press;
import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.waitForJobs;
import static org.imagesmith.ui.UiTesting.widgets;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.navigator.CommonNavigator;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegFileFormat;
import org.imagesmith.registry.RegFileWriter;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.SyntheticPackage;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.ui.UiTesting.LaunchWatch;
import org.imagesmith.wim.WriterLock;
import org.imagesmith.wim.mount.MountedImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apply to Image on answer files of a workspace project: the command as the Project Explorer runs it (its
 * enablement, the handler, the launch configuration it runs), with the dialog's choice given through the
 * handler's seam; the result checked in the WIM file with wimlib-imagex and hivexget, in the console, in the
 * markers and in the Run history.
 */
@ExtendWith(NoLoggedErrors.class)
class ApplyToImageTest {
    static final String CBS = AnswerFileProject.CBS;
    static final SyntheticPackage FEATURE_PACK = AnswerFileProject.FEATURE_PACK;
    static final String GOOD = AnswerFileProject.GOOD;

    @TempDir
    Path dir;

    private AnswerFileProject fixture;
    private Path projectDir;
    private Path wim;
    private ApplyToImageHandler.TargetChooser dialog;
    private final List<IFile> asked = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dialog = ApplyToImageHandler.chooser;
        fixture = new AnswerFileProject(dir);
        projectDir = fixture.projectDir;
        wim = fixture.wim;
    }

    @AfterEach
    void tearDown() throws Exception {
        ApplyToImageHandler.chooser = dialog;
        fixture.dispose();
    }

    private IFile answerFile(String name, String text) throws Exception {
        return fixture.answerFile(name, text);
    }

    /** Selects the file in the Project Explorer and runs Apply to Image as its context menu does. */
    private void applyFromProjectExplorer(IFile file, ApplyTarget target) throws Exception {
        ApplyToImageHandler.chooser = (shell, chosen) -> {
            asked.add(chosen);
            return Optional.of(ApplyChoice.of(target));
        };
        select(file);
        try (LaunchWatch launches = new LaunchWatch()) {
            window().getService(IHandlerService.class).executeCommand(ApplyToImageHandler.COMMAND_ID, null);
            launches.awaitEnded(1);
        }
        waitForJobs();
    }

    private void select(IFile file) throws Exception {
        IViewPart explorer = window().getActivePage().showView(IPageLayout.ID_PROJECT_EXPLORER);
        processEvents();
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(file));
        processEvents();
        assertEquals(file, ((StructuredSelection) explorer.getSite().getSelectionProvider().getSelection())
                .getFirstElement(), "the Project Explorer selects the file");
    }

    /** The items of the Project Explorer's context menu for its selection, as it shows them. */
    private static List<String> contextMenu() {
        CommonNavigator explorer = (CommonNavigator) window().getActivePage().findView(IPageLayout.ID_PROJECT_EXPLORER);
        Menu menu = explorer.getCommonViewer().getControl().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        processEvents();
        List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
        menu.notifyListeners(SWT.Hide, new Event());
        processEvents();
        return items;
    }

    @Test
    void appliesAnAnswerFileToAnImageOfAWimFile() throws Exception {
        IFile notes = answerFile("notes.xml", "<?xml version=\"1.0\"?>\n<project name=\"not an answer file\"/>\n");
        select(notes);
        ApplyToImageHandler.chooser = (shell, chosen) -> fail("the command is not enabled for other XML files");
        assertThrows(NotEnabledException.class, () -> window().getService(IHandlerService.class)
                .executeCommand(ApplyToImageHandler.COMMAND_ID, null));

        assertFalse(contextMenu().contains("Apply to Image..."), "the context menu offers it only for answer files");

        IFile file = answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        select(file);
        assertTrue(contextMenu().contains("Apply to Image..."), contextMenu().toString());
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        assertEquals(List.of(file), asked, "the dialog's choice is asked for the selected answer file");

        Wimlib.verify(wim);
        Path software = fixture.appliedHive(1, "SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity(), "CurrentState"),
                "the package is installed in the WIM file's image");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity() + "\\Updates",
                "InternetExplorer9"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates",
                "TelnetClient"));
        String console = consoleHolding("Applied unattend.xml to image 1 of " + wim);
        assertTrue(console.contains("DISM Unattend Manager: Applying the offlineServicing pass of "
                + file.getLocation().toFile().toPath()), console);
        assertTrue(console.contains("Installed package " + FEATURE_PACK.identity()), console);
        assertTrue(console.contains("DISM Provider Store: Saving the changes into " + wim + ", image 1"), console);
        assertEquals(List.of(), markers(file), "no marker on a good answer file");
        fixture.assertNoMountsLeft();
        List<ILaunchConfiguration> configurations = ApplyLaunchConfigurations.of(file);
        assertEquals(1, configurations.size(), "the command made a launch configuration");
        assertEquals("${workspace_loc:/answers/install.wim}",
                configurations.get(0).getAttribute(ApplyLaunchConfigurations.WIM_FILE, ""));
        assertEquals(new ApplyTarget.WimImage(wim, 1, ""), ApplyLaunchConfigurations.read(configurations.get(0)).target());
        assertEquals(configurations.get(0), DebugUITools.getLastLaunch(IDebugUIConstants.ID_RUN_LAUNCH_GROUP),
                "the apply is the last launch of the Run history, repeated with one click");
        ImagesView view = (ImagesView) window().getActivePage().findView(ImagesView.ID);
        assertTrue(view.statusText().startsWith("Applied unattend.xml to image 1 of " + wim), view.statusText());
    }

    @Test
    void problemsOfTheAnswerFileAreMarkersAtTheirLinesAndTheWimIsNotTouched() throws Exception {
        String text = GOOD.replace("FEATURE", "InternetExplorer9").replace("packages\\ie9", "packages\\missing.cab")
                .replace("</unattend>", """
                  <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <TimeZone>W. Europe Standard Time</TimeZone>
                    </component>
                  </settings>
                </unattend>""");
        IFile file = answerFile("unattend.xml", text);
        String before = sha1(wim);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));

        List<IMarker> markers = markers(file);
        List<Integer> lines = new ArrayList<>();
        for (IMarker marker : markers) {
            assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1), marker.getAttributes().toString());
            lines.add(marker.getAttribute(IMarker.LINE_NUMBER, 0));
        }
        lines.sort(null);
        assertEquals(List.of(line(text, "<source location=\"packages\\missing.cab"), line(text, "<TimeZone>")), lines);
        assertTrue(markers.stream().anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("TimeZone")));
        assertTrue(markers.stream().anyMatch(m -> m.getAttribute(IMarker.MESSAGE, "").contains("missing.cab")));
        assertEquals(before, sha1(wim), "the WIM file is unchanged");
        consoleHolding("was not done: the answer file has 2 errors");
        fixture.assertNoMountsLeft();

        // fixed, the markers go
        Files.writeString(projectDir.resolve("unattend.xml"), GOOD.replace("FEATURE", "InternetExplorer9"));
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        assertEquals(List.of(), markers(file));
        assertFalse(before.equals(sha1(wim)), "the fixed file is applied");
    }

    @Test
    void problemsInPassesLeftToWindowsSetupAreWarningsAndDoNotStopTheApply() throws Exception {
        String text = GOOD.replace("FEATURE", "InternetExplorer9").replace("</unattend>", """
                  <settings pass="oobeSystem">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                      <ShowWindowsLive>false</ShowWindowsLive>
                    </component>
                  </settings>
                </unattend>""");
        IFile file = answerFile("unattend.xml", text);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));

        consoleHolding("Applied unattend.xml to image 1 of " + wim);
        assertEquals(List.of(), errorLines(file), "DISM applies only offlineServicing and servicing");
        List<IMarker> markers = markers(file);
        assertEquals(1, markers.size(), markers.toString());
        assertEquals(IMarker.SEVERITY_WARNING, markers.get(0).getAttribute(IMarker.SEVERITY, -1));
        assertEquals(line(text, "<ShowWindowsLive>"), markers.get(0).getAttribute(IMarker.LINE_NUMBER, 0));
        assertTrue(markers.get(0).getAttribute(IMarker.MESSAGE, "").endsWith("(in the oobeSystem pass, which Apply to Image"
                + " leaves to Windows Setup)"), markers.get(0).getAttribute(IMarker.MESSAGE, ""));
        fixture.assertNoMountsLeft();
    }

    @Test
    void whatTheEngineRefusesAfterMountingIsAMarkerAndTheImageIsDiscarded() throws Exception {
        String text = GOOD.replace("FEATURE", "NoSuchFeature");
        IFile file = answerFile("unattend.xml", text);
        String before = sha1(wim);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));

        List<IMarker> markers = markers(file);
        assertEquals(1, markers.size(), markers.toString());
        IMarker marker = markers.get(0);
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(line(text, "<package action=\"install\">"), marker.getAttribute(IMarker.LINE_NUMBER, 0));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("has no feature NoSuchFeature"),
                marker.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(before, sha1(wim), "the WIM file is unchanged");
        consoleHolding("DISM Provider Store: Discarding the changes staged for ");
        fixture.assertNoMountsLeft();
        ImagesView view = (ImagesView) window().getActivePage().findView(ImagesView.ID);
        assertTrue(view.statusText().contains("has no feature NoSuchFeature"), view.statusText());
    }

    @Test
    void theIdeAndTheCommandLineMakeTheSameImageFromTheSameAnswerFile() throws Exception {
        IFile file = answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        Path cliWim = Files.copy(wim, dir.resolve("cli.wim"));
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        assertEquals(List.of(), markers(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = org.imagesmith.cli.Main.run(List.of("/WimFile:" + cliWim, "/Index:1", "/Apply-Unattend:"
                + file.getLocation().toFile().toPath(), "/LogPath:" + dir.resolve("cli.log"), "/ScratchDir:" + dir),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                ZoneOffset.UTC);
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));

        Wimlib.verify(wim);
        Wimlib.verify(cliWim);
        Path ide = dir.resolve("applied-ide");
        Path cli = dir.resolve("applied-cli");
        Wimlib.apply(wim, 1, ide);
        Wimlib.apply(cliWim, 1, cli);
        assertEquals(Optional.of("112"), Hivex.get(ide.resolve("Windows/System32/config/SOFTWARE"),
                CBS + FEATURE_PACK.identity(), "CurrentState"), "the IDE installed the package");
        assertSameImage(cli, ide);
    }

    /** The same files with the same bytes; hives with the same keys and values, the times of the installs aside. */
    private static void assertSameImage(Path expected, Path actual) throws Exception {
        List<Path> names;
        try (Stream<Path> walk = Files.walk(expected)) {
            names = walk.map(expected::relativize).sorted().toList();
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertEquals(names, walk.map(actual::relativize).sorted().toList(), "the same files and folders");
        }
        for (Path name : names) {
            Path a = expected.resolve(name);
            Path b = actual.resolve(name);
            if (!Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (name.startsWith(Path.of("Windows/System32/config"))) {
                assertEquals(registry(a), registry(b), name.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), name.toString());
            }
        }
    }

    /** The hive's keys and values as .reg text, without the install times, which differ from run to run. */
    private static String registry(Path hive) throws Exception {
        String text = RegFileWriter.export(Hive.open(hive).root(), "HKEY_LOCAL_MACHINE\\IMAGE", RegFileFormat.VERSION_5);
        return text.lines().filter(line -> !line.startsWith("\"InstallTime")).collect(Collectors.joining("\n"));
    }

    @Test
    void theIdeCommitsLikeTheCommandLineAnUnchangedImageLeavesTheWimFileAsItWas() throws Exception {
        IFile file = answerFile("unattend.xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <unattend xmlns="urn:schemas-microsoft-com:unattend">
                </unattend>
                """);
        String before = sha1(wim);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        String console = consoleHolding("Applied unattend.xml to image 1 of " + wim);
        assertTrue(console.contains("Nothing changed in " + wim + ", image 1; the WIM file is left as it is"), console);
        assertEquals(before, sha1(wim), "nothing changed, so nothing is written (the command line's change check)");
        Wimlib.verify(wim);
    }

    @Test
    void aMountFolderThatAnotherWriterHoldsIsRefusedNamingItAndLeftAsItWas() throws Exception {
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        MountedImages images = MountStores.mountedImages();
        images.mount(wim, 1, mountDir, false, (done, total) -> { });
        Path software = mountDir.resolve("Windows/System32/config/SOFTWARE");
        String before = sha1(software);
        IFile file = answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        try (WriterLock other = WriterLock.acquire(mountDir, "/Add-Package")) {
            applyFromProjectExplorer(file, new ApplyTarget.MountedImage(mountDir));
            String console = consoleHolding("is being changed by another command");
            assertTrue(console.contains(mountDir.toRealPath() + " is being changed by another command, process "
                    + ProcessHandle.current().pid() + " (/Add-Package, since "), console);
            assertEquals(before, sha1(software), "the mounted image is left as it was");
        }
        applyFromProjectExplorer(file, new ApplyTarget.MountedImage(mountDir));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity(), "CurrentState"),
                "once the other writer is done, the apply goes through");
        images.discard(mountDir);
    }

    @Test
    void appliesToAMountedImageInPlace() throws Exception {
        Path mountDir = dir.resolve("mount");
        Files.createDirectories(mountDir);
        MountedImages images = MountStores.mountedImages();
        images.mount(wim, 1, mountDir, false, (done, total) -> { });
        String before = sha1(wim);
        IFile file = answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        applyFromProjectExplorer(file, new ApplyTarget.MountedImage(mountDir));

        Path software = mountDir.resolve("Windows/System32/config/SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity(), "CurrentState"));
        assertEquals(before, sha1(wim), "the WIM file changes only when the mount is committed");
        assertEquals(1, images.store().records().size(), "the image stays mounted");
        consoleHolding("commit the mount to save them");
        assertEquals(List.of(), markers(file));
        images.discard(mountDir);
    }

    @Test
    void theImagesArchitectureIsCheckedBeforeMountingWhenTheWimFileNamesItAndByTheEngineOtherwise() throws Exception {
        String text = GOOD.replace("FEATURE", "InternetExplorer9")
                .replace("name=\"Microsoft-Windows-Foundation-Package\" version=\"6.1.7601.17514\" processorArchitecture=\"amd64\"",
                        "name=\"Microsoft-Windows-Foundation-Package\" version=\"6.1.7601.17514\" processorArchitecture=\"x86\"");
        IFile file = answerFile("unattend.xml", text);
        int expectedLine = line(text, "<assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\"");

        // install.wim says x64 (WINDOWS/ARCH 9): refused before anything is mounted
        String before = sha1(wim);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        assertEquals(List.of(expectedLine), errorLines(file));
        String console = consoleHolding("was not done: the answer file has 1 error");
        assertFalse(console.contains("Imagesmith IDE: Mounting image 1 of " + wim), console);
        assertEquals(before, sha1(wim));

        // a WIM file without WINDOWS data: the engine finds the architecture in the image's SYSTEM hive
        Path plain = projectDir.resolve("plain.wim");
        Wimlib.capture(fixture.imageFolder(), plain, "no Windows data", "captured without WINDOWS/ARCH");
        Wimlib.setProperties(plain, 1, "WINDOWS="); // wimlib records it from kernel32.dll; an older tool may not
        fixture.project.refreshLocal(IResource.DEPTH_INFINITE, null);
        String plainBefore = sha1(plain);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(plain, 1, ""));
        assertEquals(List.of(expectedLine), errorLines(file));
        IMarker marker = markers(file).get(0);
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("processorArchitecture=\"x86\" but the image is amd64"),
                marker.getAttribute(IMarker.MESSAGE, ""));
        consoleHolding("DISM Provider Store: Discarding the changes staged for ");
        assertEquals(plainBefore, sha1(plain), "the WIM file is unchanged");
        fixture.assertNoMountsLeft();
    }

    @Test
    void anAnswerFileThatIsNotWellFormedIsAMarkerAtTheParsersLine() throws Exception {
        String text = GOOD.replace("<selection name=\"TelnetClient\" state=\"true\"/>",
                "<selection name=\"TelnetClient\" state=\"true\">");
        IFile file = answerFile("unattend.xml", text);
        String before = sha1(wim);
        applyFromProjectExplorer(file, new ApplyTarget.WimImage(wim, 1, ""));
        List<IMarker> markers = markers(file);
        assertEquals(1, markers.size(), markers.toString());
        int reported = markers.get(0).getAttribute(IMarker.LINE_NUMBER, 0);
        // the parser notices the unclosed <selection> where </package> closes it
        assertEquals(line(text, "<selection name=\"TelnetClient\"") + 1, reported,
                markers.get(0).getAttribute(IMarker.MESSAGE, ""));
        assertFalse(markers.get(0).getAttribute(IMarker.MESSAGE, "").startsWith(file.getLocation().toString()),
                "the message does not repeat the file name");
        assertEquals(before, sha1(wim));
    }

    @Test
    void theDialogOffersTheWimImagesAndReadWriteMountsThenTheLastTargetFirst() throws Exception {
        Wimlib.append(fixture.imageFolder(), wim, "second", "a second image");
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        MountedImages images = MountStores.mountedImages();
        images.mount(wim, 1, mountDir, false, (done, total) -> { });
        IFile file = answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        try {
            // the real dialog through the command: it offers both images and the mount; the second image is chosen
            List<List<String>> offered = new ArrayList<>();
            List<Integer> selected = new ArrayList<>();
            select(file);
            try (LaunchWatch launches = new LaunchWatch()) {
                inDialog("Apply to Image", () -> window().getService(IHandlerService.class)
                        .executeCommand(ApplyToImageHandler.COMMAND_ID, null), shell -> {
                            List<Combo> combos = widgets(shell, Combo.class);
                            combos.subList(0, 2).forEach(combo -> offered.add(List.of(combo.getItems())));
                            assertEquals(ApplyMainTab.LOG_LEVELS, List.of(combos.get(2).getItems()), "then the log level");
                            selected.add(combos.get(0).getSelectionIndex());
                            combos.get(0).select(1);
                            combos.get(0).notifyListeners(SWT.Selection, new Event());
                            press(shell, "&Apply");
                        });
                launches.awaitEnded(1);
            }
            waitForJobs();
            assertEquals(List.of(List.of("/answers/install.wim : 1 Windows 7 PROFESSIONAL (x64)",
                    "/answers/install.wim : 2 second (x64)"), List.of(mountDir.toRealPath() + " (image 1 of install.wim)")),
                    offered);
            assertEquals(List.of(0), selected, "the first image is offered first");
            assertEquals(Optional.of("112"), Hivex.get(fixture.appliedHive(2, "SOFTWARE"), CBS + FEATURE_PACK.identity(), "CurrentState"),
                    "the chosen image is serviced");

            // the next time, the dialog offers the image the file was applied to
            selected.clear();
            Optional<?> chosen = inDialog("Apply to Image", () -> ApplyTargetDialog.choose(window().getShell(), file), shell -> {
                selected.add(widgets(shell, Combo.class).get(0).getSelectionIndex());
                press(shell, "Cancel");
            });
            assertEquals(List.of(1), selected);
            assertEquals(Optional.empty(), chosen, "Cancel chooses nothing");
        } finally {
            images.discard(mountDir);
        }
    }

    private static List<Integer> errorLines(IFile file) throws Exception {
        List<Integer> lines = new ArrayList<>();
        for (IMarker marker : markers(file)) {
            if (marker.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) {
                lines.add(marker.getAttribute(IMarker.LINE_NUMBER, 0));
            }
        }
        lines.sort(null);
        return lines;
    }
}
