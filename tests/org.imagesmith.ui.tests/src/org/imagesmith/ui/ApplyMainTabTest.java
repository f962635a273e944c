package org.imagesmith.ui;

import static org.imagesmith.ui.UiTesting.inDialog;
import static org.imagesmith.ui.UiTesting.press;
import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.widgets;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.Screenshots;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Main tab of an "Apply Answer File to Image" configuration in a shell of its own: it shows the attributes of a
 * configuration, writes what the user sets back into it, says what is wrong, lists a WIM file's images to choose
 * one, and takes its defaults from the selected answer file; and the Run Configurations dialog showing the tabs of a
 * configuration the command made, unchanged.
 */
@ExtendWith(NoLoggedErrors.class)
class ApplyMainTabTest {
    @TempDir
    Path dir;

    private AnswerFileProject fixture;
    private Shell shell;
    private ApplyMainTab tab;
    private IFile answerFile;
    private ILaunchConfigurationWorkingCopy copy;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AnswerFileProject(dir);
        answerFile = fixture.answerFile("unattend.xml", AnswerFileProject.GOOD.replace("FEATURE", "InternetExplorer9"));
        shell = new Shell(window().getShell());
        tab = new ApplyMainTab();
        tab.createControl(shell);
        copy = ApplyLaunchConfigurations.type().newInstance(null, "tab test");
    }

    @AfterEach
    void tearDown() throws Exception {
        shell.dispose();
        fixture.dispose();
    }

    /** Sets a selection widget as a click does. */
    private static void click(Button button, boolean selected) {
        button.setSelection(selected);
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static void selected(Widget widget) {
        widget.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void theTabShowsTheAttributesAndWritesWhatTheUserSets() throws Exception {
        Wimlib.append(fixture.imageFolder(), fixture.wim, "second", "a second image");
        copy.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "/answers/unattend.xml");
        copy.setAttribute(ApplyLaunchConfigurations.TARGET_KIND, ApplyLaunchConfigurations.KIND_WIM);
        copy.setAttribute(ApplyLaunchConfigurations.WIM_FILE, "${workspace_loc:/answers/install.wim}");
        copy.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 2);
        copy.setAttribute(ApplyLaunchConfigurations.LOG_LEVEL, 2);
        copy.setAttribute(ApplyLaunchConfigurations.WHAT_IF, true);
        tab.initializeFrom(copy);

        assertEquals("/answers/unattend.xml", tab.answerFileText().getText());
        assertTrue(tab.wimChoice().getSelection());
        assertFalse(tab.mountChoice().getSelection());
        assertEquals("${workspace_loc:/answers/install.wim}", tab.wimFileText().getText());
        assertEquals(2, tab.imageIndex().getSelection());
        assertEquals(2, tab.logLevel().getSelectionIndex());
        assertEquals("2 - Errors and warnings", tab.logLevel().getText());
        assertTrue(tab.whatIf().getSelection());
        assertFalse(tab.forceUnsigned().getSelection());
        assertEquals("", tab.scratchDir().getText(), "the preferences' scratch folder");
        assertFalse(tab.mountDirText().isEnabled(), "the mount directory is for the other kind of target");
        assertTrue(tab.isValid(copy), tab.getErrorMessage());

        // the user chooses a mounted image, the debug level, and a real apply
        Path mountDir = Files.createDirectories(dir.resolve("mount"));
        click(tab.wimChoice(), false);
        click(tab.mountChoice(), true);
        assertTrue(tab.mountDirText().isEnabled());
        assertFalse(tab.wimFileText().isEnabled());
        tab.mountDirText().setText(mountDir.toString());
        tab.logLevel().select(4);
        selected(tab.logLevel());
        click(tab.whatIf(), false);
        click(tab.forceUnsigned(), true);
        Path scratch = Files.createDirectories(dir.resolve("scratch here"));
        tab.scratchDir().setText(scratch.toString());
        tab.performApply(copy);

        assertEquals("/answers/unattend.xml", copy.getAttribute(ApplyLaunchConfigurations.ANSWER_FILE, ""));
        assertEquals(ApplyLaunchConfigurations.KIND_MOUNT, copy.getAttribute(ApplyLaunchConfigurations.TARGET_KIND, ""));
        assertEquals(mountDir.toString(), copy.getAttribute(ApplyLaunchConfigurations.MOUNT_DIR, ""));
        assertEquals(4, copy.getAttribute(ApplyLaunchConfigurations.LOG_LEVEL, -1));
        assertFalse(copy.hasAttribute(ApplyLaunchConfigurations.WHAT_IF), "an unset flag is left out");
        assertArrayEquals(new IResource[] {answerFile}, copy.getMappedResources());
        assertTrue(tab.isValid(copy), tab.getErrorMessage());
        ApplyLaunchConfigurations.Settings settings = ApplyLaunchConfigurations.read(copy);
        assertEquals(new ApplyTarget.MountedImage(mountDir), settings.target());
        assertEquals(4, settings.options().logLevel().orElseThrow().number());
        assertFalse(settings.options().whatIf());
        assertTrue(settings.options().forceUnsigned(), "/ForceUnsigned");
        assertEquals(Optional.of(scratch), settings.options().scratchDirectory());
        assertEquals(scratch, settings.options().settings(ImagesmithPreferences.settings()).scratchDirectory(),
                "the engine gets this scratch folder instead of the preferences'");
        tab.initializeFrom(copy);
        assertTrue(tab.forceUnsigned().getSelection());
        assertEquals(scratch.toString(), tab.scratchDir().getText());
    }

    @Test
    void theTabSaysWhatIsWrong() throws Exception {
        copy.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "/answers/unattend.xml");
        copy.setAttribute(ApplyLaunchConfigurations.WIM_FILE, fixture.wim.toString());
        copy.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 1);
        tab.initializeFrom(copy);
        tab.performApply(copy);
        assertTrue(tab.isValid(copy), tab.getErrorMessage());
        assertNull(tab.getErrorMessage());

        tab.imageIndex().setSelection(3);
        tab.performApply(copy);
        assertFalse(tab.isValid(copy));
        assertEquals("install.wim has 1 image, not an image 3; choose one with Choose Image.", tab.getErrorMessage());

        tab.imageIndex().setSelection(1);
        tab.wimFileText().setText(dir.resolve("missing.wim").toString());
        tab.performApply(copy);
        assertFalse(tab.isValid(copy));
        assertEquals("The WIM file " + dir.resolve("missing.wim") + " does not exist.", tab.getErrorMessage());

        click(tab.mountChoice(), true);
        click(tab.wimChoice(), false);
        tab.mountDirText().setText(dir.resolve("nowhere").toString());
        tab.performApply(copy);
        assertFalse(tab.isValid(copy));
        assertEquals("The mount directory " + dir.resolve("nowhere") + " does not exist.", tab.getErrorMessage());

        tab.answerFileText().setText("/answers/notes.txt");
        fixture.answerFile("notes.txt", "not an answer file");
        tab.mountDirText().setText(dir.toString());
        tab.performApply(copy);
        assertFalse(tab.isValid(copy));
        assertEquals("/answers/notes.txt is neither an Unattend.xml answer file nor answer-file language text (*.unattend).",
                tab.getErrorMessage());

        tab.answerFileText().setText("");
        tab.performApply(copy);
        assertFalse(tab.isValid(copy));
        assertTrue(tab.getErrorMessage().contains("names no answer file"), tab.getErrorMessage());
        assertNull(copy.getMappedResources(), "no answer file, no mapped resource");
    }

    @Test
    void chooseImageListsTheImagesOfTheWimFile() throws Exception {
        Wimlib.append(fixture.imageFolder(), fixture.wim, "second", "a second image");
        copy.setAttribute(ApplyLaunchConfigurations.ANSWER_FILE, "/answers/unattend.xml");
        copy.setAttribute(ApplyLaunchConfigurations.WIM_FILE, "${workspace_loc:/answers/install.wim}");
        copy.setAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 1);
        tab.initializeFrom(copy);

        List<String> listed = new ArrayList<>();
        List<Integer> preselected = new ArrayList<>();
        inDialog("Choose Image", () -> {
            press(shell, "C&hoose Image...");
            return null;
        }, dialog -> {
            Table table = widgets(dialog, Table.class).get(0);
            Arrays.stream(table.getItems()).map(TableItem::getText).forEach(listed::add);
            preselected.add(table.getSelectionIndex());
            table.setSelection(1);
            selected(table);
            press(dialog, "OK");
        });
        assertEquals(List.of("1  Windows 7 PROFESSIONAL (x64, Professional)", "2  second (x64, Professional)"), listed);
        assertEquals(List.of(0), preselected, "the configuration's image is selected");
        assertEquals(2, tab.imageIndex().getSelection(), "the chosen image's index");
    }

    @Test
    void theDefaultsAreTheSelectedAnswerFileAndWhereItWasLastApplied() throws Exception {
        ApplyTarget.remember(answerFile, new ApplyTarget.WimImage(fixture.wim, 1, ""));
        IViewPart explorer = window().getActivePage().showView(IPageLayout.ID_PROJECT_EXPLORER);
        processEvents();
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(answerFile));
        processEvents();

        tab.setDefaults(copy);
        assertEquals("/answers/unattend.xml", copy.getAttribute(ApplyLaunchConfigurations.ANSWER_FILE, ""));
        assertEquals("${workspace_loc:/answers/install.wim}", copy.getAttribute(ApplyLaunchConfigurations.WIM_FILE, ""));
        ApplyLaunchConfigurations.Settings settings = ApplyLaunchConfigurations.read(copy);
        assertEquals(new ApplyTarget.WimImage(fixture.wim, 1, ""), settings.target());
        assertEquals(ApplyOptions.DEFAULT, settings.options(), "the preferences' log level, a real apply");
        tab.initializeFrom(copy);
        assertEquals(ApplyMainTab.LOG_LEVELS.get(0), tab.logLevel().getText());
        assertTrue(tab.isValid(copy), tab.getErrorMessage());
    }

    @Test
    void theRunConfigurationsDialogShowsTheTabsOfAConfigurationTheCommandMade() throws Exception {
        ILaunchConfiguration made = ApplyLaunchConfigurations.forTarget(answerFile,
                new ApplyTarget.WimImage(fixture.wim, 1, ""), ApplyOptions.DEFAULT);
        assertEquals(made, ApplyLaunchConfigurations.forTarget(answerFile, new ApplyTarget.WimImage(fixture.wim, 1, ""),
                ApplyOptions.DEFAULT), "the same target and options find the same configuration");
        List<String> tabs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Boolean> revertEnabled = new ArrayList<>();
        inDialog("Run Configurations", () -> DebugUITools.openLaunchConfigurationDialogOnGroup(window().getShell(),
                new StructuredSelection(made), IDebugUIConstants.ID_RUN_LAUNCH_GROUP), dialog -> {
                    processEvents();
                    widgets(dialog, CTabFolder.class).forEach(folder -> Arrays.stream(folder.getItems())
                            .map(CTabItem::getText).forEach(tabs::add));
                    widgets(dialog, Text.class).stream().map(Text::getText).forEach(texts::add);
                    widgets(dialog, Button.class).stream().filter(button -> button.getText().equals("Re&vert"))
                            .forEach(button -> revertEnabled.add(button.isEnabled()));
                    try {
                        Screenshots.save(dialog, "apply-launch-configuration");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    press(dialog, "Close");
                });
        assertTrue(tabs.containsAll(List.of("Main", "Common")), tabs.toString());
        assertTrue(texts.containsAll(List.of("unattend.xml to install.wim image 1", "/answers/unattend.xml",
                "${workspace_loc:/answers/install.wim}")), texts.toString());
        assertEquals(List.of(false), revertEnabled, "opening the configuration does not change it");
    }
}
