package org.imagesmith.ui;

import static org.imagesmith.ui.AnswerFileProject.CBS;
import static org.imagesmith.ui.AnswerFileProject.FEATURE_PACK;
import static org.imagesmith.ui.AnswerFileProject.GOOD;
import static org.imagesmith.ui.AnswerFileProject.consoleHolding;
import static org.imagesmith.ui.AnswerFileProject.line;
import static org.imagesmith.ui.AnswerFileProject.markers;
import static org.imagesmith.ui.AnswerFileProject.sha1;
import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.waitForJobs;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.core.expressions.EvaluationContext;
import org.eclipse.core.expressions.EvaluationResult;
import org.eclipse.core.expressions.Expression;
import org.eclipse.core.expressions.ExpressionConverter;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.viewers.StructuredSelection;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.SyntheticWindowsImage;
import org.imagesmith.ui.UiTesting.LaunchWatch;
import org.imagesmith.unattend.dsl.io.AnswerFileConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Apply Answer File to Image" launch configurations: made in code and launched as the Run history does
 * (ILaunchConfiguration.launch in run mode, in a job), again after the answer file changed, canceled through the
 * Debug view's Terminate, with /WhatIf, for answer-file language text, and through the Run As shortcut. The
 * result is checked in the WIM file with wimlib-imagex and hivexget, in the console and in the markers.
 */
@ExtendWith(NoLoggedErrors.class)
class ApplyLaunchTest {
    private static final String COMPUTER_NAME = """
              <settings pass="offlineServicing">
                <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <ComputerName>Contoso-Lab-01</ComputerName>
                </component>
              </settings>
            </unattend>""";

    @TempDir
    Path dir;

    private AnswerFileProject fixture;
    private Path wim;
    private ApplyToImageHandler.TargetChooser dialog;

    @BeforeEach
    void setUp() throws Exception {
        dialog = ApplyToImageHandler.chooser;
        fixture = new AnswerFileProject(dir);
        wim = fixture.wim;
    }

    @AfterEach
    void tearDown() throws Exception {
        ApplyToImageHandler.chooser = dialog;
        fixture.dispose();
    }

    /** A saved configuration applying the workspace file to image 1 of install.wim. */
    private static ILaunchConfiguration configuration(String answerFile, boolean whatIf, int logLevel) throws CoreException {
        ILaunchConfigurationWorkingCopy copy = ApplyLaunchConfigurations.type().newInstance(null, "Apply " + answerFile
                .replace('/', ' ').strip());
        copy.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, answerFile);
        copy.setAttribute(ApplyLaunchConfigurations.TARGET_KIND, ApplyLaunchConfigurations.KIND_WIM);
        copy.setAttribute(ApplyLaunchConfigurations.WIM_FILE, "${workspace_loc:/answers/install.wim}");
        copy.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 1);
        copy.setAttribute(ApplyLaunchConfigurations.WHAT_IF, whatIf);
        copy.setAttribute(ApplyLaunchConfigurations.LOG_LEVEL, logLevel);
        return copy.doSave();
    }

    /** A monitor that records the subtasks it is told, and on the first that matches runs an action. */
    private static final class RecordingMonitor extends NullProgressMonitor {
        private final List<String> subTasks = Collections.synchronizedList(new ArrayList<>());
        private final Predicate<String> trigger;
        private final Runnable action;

        RecordingMonitor(Predicate<String> trigger, Runnable action) {
            this.trigger = trigger;
            this.action = action;
        }

        @Override
        public void subTask(String name) {
            subTasks.add(name);
            if (trigger != null && trigger.test(name) && subTasks.stream().filter(trigger).count() == 1) {
                action.run();
            }
        }

        List<String> subTasks() {
            return List.copyOf(subTasks);
        }
    }

    /** Launches the configuration in run mode in a job, as the Run history does, and waits for it. */
    private static ILaunch launch(ILaunchConfiguration configuration, RecordingMonitor monitor) throws Exception {
        AtomicReference<ILaunch> launched = new AtomicReference<>();
        AtomicReference<CoreException> failure = new AtomicReference<>();
        Job job = Job.create("launch " + configuration.getName(), jobMonitor -> {
            try {
                launched.set(configuration.launch(ILaunchManager.RUN_MODE, monitor));
            } catch (CoreException e) {
                failure.set(e);
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        for (long end = System.currentTimeMillis() + 120_000; job.getResult() == null; Thread.sleep(20)) {
            assertTrue(System.currentTimeMillis() < end, "the launch ended within two minutes");
            processEvents();
        }
        waitForJobs();
        if (failure.get() != null) {
            throw failure.get();
        }
        return launched.get();
    }

    private static IProcess process(ILaunch launch) {
        assertEquals(1, launch.getProcesses().length, "the launch shows the apply as its process");
        return launch.getProcesses()[0];
    }

    @Test
    void aConfigurationAppliesTheAnswerFileAndASecondLaunchAppliesTheChangedFile() throws Exception {
        IFile file = fixture.answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        ILaunchConfiguration configuration = configuration("/answers/unattend.xml", false, 0);

        RecordingMonitor monitor = new RecordingMonitor(null, null);
        ILaunch launch = launch(configuration, monitor);
        IProcess process = process(launch);
        assertTrue(process.isTerminated());
        assertEquals(ApplyLaunchDelegate.DONE, process.getExitValue());
        assertEquals("Apply unattend.xml to image 1 of " + wim, process.getLabel());
        assertTrue(launch.isTerminated(), "the launch ends with its process");
        Path software = fixture.appliedHive(1, "SOFTWARE");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity(), "CurrentState"),
                "the package is installed in the WIM file's image");
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + FEATURE_PACK.identity() + "\\Updates",
                "InternetExplorer9"));
        assertEquals(Optional.of("112"), Hivex.get(software, CBS + SyntheticWindowsImage.FOUNDATION + "\\Updates",
                "TelnetClient"));
        List<String> subTasks = monitor.subTasks();
        for (String step : List.of("Checking unattend.xml", "Opening image 1 of " + wim,
                "Applying the offlineServicing pass of unattend.xml", "Saving image 1 of " + wim)) {
            assertTrue(subTasks.contains(step), "the launch's monitor is told \"" + step + "\": " + subTasks);
        }
        consoleHolding("Applied unattend.xml to image 1 of " + wim);
        assertEquals(List.of(), markers(file));
        fixture.assertNoMountsLeft();
        ImagesView view = (ImagesView) window().getActivePage().findView(ImagesView.ID);
        assertTrue(view.statusText().startsWith("Applied unattend.xml to image 1 of " + wim), view.statusText());

        // the answer file is changed: the same configuration applies it again
        Files.writeString(fixture.projectDir.resolve("unattend.xml"),
                GOOD.replace("FEATURE", "InternetExplorer9").replace("</unattend>", COMPUTER_NAME));
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        String before = sha1(wim);
        ILaunch again = launch(configuration, new RecordingMonitor(null, null));
        assertEquals(ApplyLaunchDelegate.DONE, process(again).getExitValue());
        assertNotEquals(before, sha1(wim), "the second launch changes the WIM file");
        assertEquals(Optional.of("CONTOSO-LAB-01"), Hivex.get(fixture.appliedHive(1, "SYSTEM"),
                "ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName"));
        assertEquals(Optional.of("112"), Hivex.get(fixture.appliedHive(1, "SOFTWARE"),
                CBS + FEATURE_PACK.identity(), "CurrentState"), "the package stays installed");
        fixture.assertNoMountsLeft();
        assertEquals(Optional.of(new ApplyTarget.WimImage(wim, 1, "")), ApplyTarget.last(file),
                "the file remembers where it was applied, for the Apply to Image dialog");
    }

    @Test
    void terminatingTheLaunchDiscardsTheMountAndLeavesTheWimAsItWas() throws Exception {
        fixture.answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        ILaunchConfiguration configuration = configuration("/answers/unattend.xml", false, 0);
        String before = sha1(wim);
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        // the Debug view's Terminate on the apply's process, once the image is open for servicing
        RecordingMonitor monitor = new RecordingMonitor(name -> name.startsWith("Applying the offlineServicing pass"), () -> {
            for (ILaunch running : manager.getLaunches()) {
                for (IProcess process : running.getProcesses()) {
                    if (process.canTerminate()) {
                        try {
                            process.terminate();
                        } catch (CoreException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
        });
        ILaunch launch = launch(configuration, monitor);
        assertEquals(ApplyLaunchDelegate.CANCELED, process(launch).getExitValue());
        assertEquals(before, sha1(wim), "the WIM file is unchanged");
        fixture.assertNoMountsLeft();
        String console = consoleHolding("was canceled; what it had done is undone.");
        assertTrue(console.contains("DISM Provider Store: Discarding the changes staged for "), console);
        assertFalse(Arrays.asList(manager.getLaunches()).contains(launch), "a canceled launch is removed");
    }

    @Test
    void whatIfSaysWhatWouldChangeAndChangesNothing() throws Exception {
        fixture.answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        String before = sha1(wim);
        ILaunch launch = launch(configuration("/answers/unattend.xml", true, 4), new RecordingMonitor(null, null));
        assertEquals(ApplyLaunchDelegate.DONE, process(launch).getExitValue());
        assertEquals(before, sha1(wim), "/WhatIf changes nothing");
        String console = consoleHolding("What if: applying unattend.xml to image 1 of " + wim + " would make 4 changes;"
                + " nothing was changed.");
        assertTrue(console.contains("What if: apply unattend.xml to image 1 of " + wim + " (log "
                + dir.resolve("dism.log") + ", level 4, scratch folder " + dir.resolve("scratch") + ")"), console);
        assertTrue(console.contains("Would install the package " + FEATURE_PACK.identity()), console);
        assertTrue(console.contains("Would enable the feature TelnetClient"), console);
        assertTrue(console.contains(", Debug ") && console.contains("Imagesmith IDE: What if: apply unattend.xml to image 1 of "
                + wim + " (scratch directory "), "log level 4 writes debug lines: " + console);
        fixture.assertNoMountsLeft();
    }

    @Test
    void answerFileLanguageTextIsAppliedAndTheEnginesRefusalIsAMarkerAtItsLine() throws Exception {
        // laid out unlike the XML written for the engine: two more lines, the package further right
        String text = AnswerFileConverter.xmlToText(GOOD.replace("FEATURE", "InternetExplorer9")
                .getBytes(StandardCharsets.UTF_8), "unattend.unattend").replaceFirst("\n", "\n\n\n")
                .replace("package install", "   package install");
        IFile file = fixture.answerFile("unattend.unattend", text);
        ILaunchConfiguration configuration = configuration("/answers/unattend.unattend", false, 0);
        ILaunch launch = launch(configuration, new RecordingMonitor(null, null));
        assertEquals(ApplyLaunchDelegate.DONE, process(launch).getExitValue(), consoleHolding(""));
        assertEquals(Optional.of("112"), Hivex.get(fixture.appliedHive(1, "SOFTWARE"), CBS + FEATURE_PACK.identity(),
                "CurrentState"));
        assertEquals(List.of(), markers(file));
        assertNoWrittenXmlLeft();

        // checked before anything is mounted, at the text's lines: a source that does not exist, a syntax error
        String missing = text.replace("ie9", "nowhere");
        assertNotEquals(text, missing);
        Files.writeString(fixture.projectDir.resolve("unattend.unattend"), missing);
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        assertEquals(ApplyLaunchDelegate.FAILED, process(launch(configuration, new RecordingMonitor(null, null))).getExitValue());
        assertEquals(List.of(line(missing, "nowhere")), markers(file).stream()
                .map(marker -> marker.getAttribute(IMarker.LINE_NUMBER, 0)).toList());
        assertTrue(markers(file).get(0).getAttribute(IMarker.MESSAGE, "").contains("does not exist"));
        String unbalanced = text + "}\n";
        Files.writeString(fixture.projectDir.resolve("unattend.unattend"), unbalanced);
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        assertEquals(ApplyLaunchDelegate.FAILED, process(launch(configuration, new RecordingMonitor(null, null))).getExitValue());
        assertEquals(List.of((int) unbalanced.lines().count()), markers(file).stream()
                .map(marker -> marker.getAttribute(IMarker.LINE_NUMBER, 0)).toList(), "the syntax error's line");
        consoleHolding("was not done: the answer file has 1 error");

        // a feature the package does not have: the engine refuses it after mounting, at the package's line
        String bad = text.replace("InternetExplorer9", "NoSuchFeature");
        assertNotEquals(text, bad);
        Files.writeString(fixture.projectDir.resolve("unattend.unattend"), bad);
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        String before = sha1(wim);
        ILaunch refused = launch(configuration, new RecordingMonitor(null, null));
        assertEquals(ApplyLaunchDelegate.FAILED, process(refused).getExitValue());
        assertEquals(before, sha1(wim), "the WIM file is unchanged");
        List<IMarker> found = markers(file);
        assertEquals(1, found.size(), found.toString());
        assertEquals(line(bad, "package install"), found.get(0).getAttribute(IMarker.LINE_NUMBER, 0), bad);
        String message = found.get(0).getAttribute(IMarker.MESSAGE, "");
        assertTrue(message.contains("has no feature NoSuchFeature"), message);
        assertFalse(message.contains(".xml"), "the message names no XML written for the engine: " + message);
        String packageLine = bad.lines().filter(l -> l.contains("package install")).findFirst().orElseThrow();
        String position = fixture.projectDir.resolve("unattend.unattend") + ":" + line(bad, "package install") + ":"
                + (packageLine.indexOf("package") + 1) + ": the package Package_for_KB982861 has no feature NoSuchFeature";
        ImagesView view = (ImagesView) window().getActivePage().findView(ImagesView.ID);
        assertTrue(view.statusText().contains(position), "the view names the text at its position: " + view.statusText());
        consoleHolding(position);
        assertNoWrittenXmlLeft();
        fixture.assertNoMountsLeft();
    }

    private void assertNoWrittenXmlLeft() throws Exception {
        try (var files = Files.list(fixture.projectDir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("."))
                    .filter(name -> name.endsWith(".xml")).toList(), "the Unattend.xml written for the engine is deleted");
        }
    }

    @Test
    void aConfigurationThatDoesNotSayWhatToApplyWhereIsALaunchError() throws Exception {
        fixture.answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        ILaunchConfigurationWorkingCopy copy = configuration("/answers/unattend.xml", false, 0).getWorkingCopy();
        copy.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "");
        CoreException none = assertThrows(CoreException.class, () -> launch(copy.doSave(), new RecordingMonitor(null, null)));
        assertTrue(none.getMessage().contains("names no answer file"), none.getMessage());

        ILaunchConfigurationWorkingCopy missing = copy.getOriginal().getWorkingCopy();
        missing.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "/answers/missing.xml");
        CoreException gone = assertThrows(CoreException.class, () -> launch(missing.doSave(), new RecordingMonitor(null, null)));
        assertTrue(gone.getMessage().contains("/answers/missing.xml") && gone.getMessage().contains("does not exist"),
                gone.getMessage());

        ILaunchConfigurationWorkingCopy noImage = copy.getOriginal().getWorkingCopy();
        noImage.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "/answers/unattend.xml");
        noImage.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 0);
        CoreException index = assertThrows(CoreException.class, () -> launch(noImage.doSave(), new RecordingMonitor(null, null)));
        assertTrue(index.getMessage().contains("names no image of " + wim), index.getMessage());

        ILaunchConfigurationWorkingCopy variable = copy.getOriginal().getWorkingCopy();
        variable.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 1);
        variable.setAttribute(ApplyLaunchConfigurations.WIM_FILE, "${no_such_variable}/install.wim");
        assertThrows(CoreException.class, () -> launch(variable.doSave(), new RecordingMonitor(null, null)),
                "an unknown string variable");
    }

    @Test
    void theRunAsShortcutMakesAConfigurationForTheSelectedAnswerFileAndThenReusesIt() throws Exception {
        IFile file = fixture.answerFile("unattend.xml", GOOD.replace("FEATURE", "InternetExplorer9"));
        IFile notes = fixture.answerFile("notes.xml", "<?xml version=\"1.0\"?>\n<project name=\"not an answer file\"/>\n");
        IFile text = fixture.answerFile("other.unattend", "unattend {\n}\n");
        Expression enablement = shortcutEnablement();
        assertEquals(EvaluationResult.TRUE, enablement.evaluate(selectionContext(file)), "Run As offers it for Unattend.xml");
        assertEquals(EvaluationResult.TRUE, enablement.evaluate(selectionContext(text)), "and for answer-file language text");
        assertEquals(EvaluationResult.FALSE, enablement.evaluate(selectionContext(notes)), "not for other XML files");

        ApplyLaunchShortcut shortcut = new ApplyLaunchShortcut();
        StructuredSelection selection = new StructuredSelection(file);
        assertEquals(file, shortcut.getLaunchableResource(selection));
        assertNull(shortcut.getLaunchableResource(new StructuredSelection(notes)));
        assertNull(shortcut.getLaunchConfigurations(selection), "no configuration yet");

        List<IFile> asked = new ArrayList<>();
        ApplyToImageHandler.chooser = (shell, chosen) -> {
            asked.add(chosen);
            return Optional.of(ApplyChoice.of(new ApplyTarget.WimImage(wim, 1, "")));
        };
        try (LaunchWatch launches = new LaunchWatch()) {
            shortcut.launch(selection, ILaunchManager.RUN_MODE);
            launches.awaitEnded(1);
        }
        waitForJobs();
        assertEquals(List.of(file), asked, "the target is asked for the selected file");
        ILaunchConfiguration[] made = shortcut.getLaunchConfigurations(selection);
        assertEquals(1, made.length);
        assertEquals("/answers/unattend.xml", made[0].getAttribute(ApplyLaunchConfigurations.ANSWER_FILE, ""));
        assertEquals("${workspace_loc:/answers/install.wim}", made[0].getAttribute(ApplyLaunchConfigurations.WIM_FILE, ""));
        assertEquals(new ApplyTarget.WimImage(wim, 1, ""), ApplyLaunchConfigurations.read(made[0]).target());
        assertArrayEquals(new IResource[] {file}, made[0].getMappedResources());
        assertEquals("unattend.xml to install.wim image 1", made[0].getName());
        assertEquals(Optional.of("112"), Hivex.get(fixture.appliedHive(1, "SOFTWARE"), CBS + FEATURE_PACK.identity(),
                "CurrentState"), "the shortcut's launch applies the file");

        // the next time, the file's configuration runs without asking
        ApplyToImageHandler.chooser = (shell, chosen) -> fail("the shortcut asks again although the file has a configuration");
        try (LaunchWatch launches = new LaunchWatch()) {
            shortcut.launch(selection, ILaunchManager.RUN_MODE);
            assertEquals(1, launches.awaitEnded(1).size());
        }
        waitForJobs();
        assertArrayEquals(made, shortcut.getLaunchConfigurations(selection), "no second configuration");
        consoleHolding("Applied unattend.xml to image 1 of " + wim);
    }

    private static Expression shortcutEnablement() throws CoreException {
        IConfigurationElement shortcut = Arrays.stream(Platform.getExtensionRegistry()
                .getConfigurationElementsFor("org.eclipse.debug.ui.launchShortcuts"))
                .filter(element -> "org.imagesmith.ui.applyToImageShortcut".equals(element.getAttribute("id")))
                .findFirst().orElseThrow(() -> new AssertionError("the shortcut is not declared"));
        return ExpressionConverter.getDefault().perform(shortcut.getChildren("contextualLaunch")[0]
                .getChildren("enablement")[0]);
    }

    /** The context Run As evaluates a shortcut's enablement in: the selection as a list. */
    private static EvaluationContext selectionContext(IFile file) {
        EvaluationContext context = new EvaluationContext(null, List.of(file));
        context.addVariable("selection", List.of(file));
        return context;
    }
}
