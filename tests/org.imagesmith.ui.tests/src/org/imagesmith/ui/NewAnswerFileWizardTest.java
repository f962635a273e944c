package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.imagesmith.testsupport.Bot;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.Screenshots;
import org.imagesmith.unattend.validation.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** File &gt; New &gt; Answer File, used with the keyboard and the mouse; its templates; the perspective. */
@ExtendWith(NoLoggedErrors.class)
class NewAnswerFileWizardTest {
    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("wizard");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void deleteProject() throws Exception {
        UiTesting.window().getActivePage().closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void createsAnAnswerFileFromATemplateChosenWithTheMouse() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        NewAnswerFileWizard wizard = new NewAnswerFileWizard();
        wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
        WizardDialog dialog = new WizardDialog(UiTesting.window().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = bot.shell("New Answer File");
        shell.forceActive();
        bot.idle(300);

        Table templates = Bot.widgets(shell, Table.class).get(0);
        List<String> shown = java.util.Arrays.stream(templates.getItems()).map(TableItem::getText).toList();
        assertEquals(List.of("Blank", "Windows 7 offline servicing", "Language packs and updates", "Unattended installation"),
                shown);
        TableItem windows7 = templates.getItem(1);
        bot.click(templates, windows7.getBounds());
        bot.waitFor("the Windows 7 template chosen by the click",
                () -> templates.getSelectionIndex() == 1 && ((NewAnswerFileWizard.Page) wizard.getPages()[0]).template()
                        == AnswerFileTemplate.WINDOWS7_OFFLINE_SERVICING);
        assertTrue(Bot.widgets(shell, org.eclipse.swt.widgets.Label.class).stream()
                .anyMatch(label -> label.getText().startsWith("Applied to an offline Windows 7")), "the template's description");

        // the file name: select what is there and type another, as a person does
        Text name = Bot.widgets(shell, Text.class).stream().filter(text -> text.getText().equals("unattend.xml")).findFirst()
                .orElseThrow(() -> new AssertionError("no file name field holding unattend.xml"));
        bot.click(name).press(SWT.CTRL, 'a').type("lab-servicing.xml");
        bot.waitFor("the typed file name", () -> name.getText().equals("lab-servicing.xml"));
        Path picture = Screenshots.save(shell, "new-answer-file-wizard");
        assertTrue(Files.size(picture) > 0);

        Button finish = Bot.widgets(shell, Button.class).stream().filter(button -> button.getText().equals("&Finish")
                || button.getText().equals("Finish")).findFirst().orElseThrow(() -> new AssertionError("no Finish button"));
        assertTrue(finish.isEnabled(), "Finish is enabled");
        bot.click(finish);
        bot.waitFor("the wizard to close", () -> shell.isDisposed());

        IFile file = project.getFile("lab-servicing.xml");
        assertTrue(file.exists(), "the wizard created " + file);
        try (InputStream in = file.getContents()) {
            assertEquals(AnswerFileTemplate.WINDOWS7_OFFLINE_SERVICING.text(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        IEditorPart editor = bot.waitFor("the new file's editor",
                () -> UiTesting.window().getActivePage().getActiveEditor());
        assertEquals("lab-servicing.xml", editor.getTitle());
        Screenshots.save(UiTesting.window().getShell(), "new-answer-file-opened");
    }

    @ParameterizedTest
    @EnumSource(AnswerFileTemplate.class)
    void everyTemplateReadsAndHasNoErrorButItsMissingSources(AnswerFileTemplate template, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(template.fileName()), template.text());
        List<AnswerFileProblem> problems = AnswerFileCheck.check(file, "amd64");
        List<AnswerFileProblem> errors = problems.stream().filter(problem -> problem.severity() == Severity.ERROR
                && !problem.message().endsWith("[missing-source]")).toList();
        assertEquals(List.of(), errors, template.label() + ": " + problems);
    }

    @Test
    void thePerspectiveHasTheOutlineProblemsAndConsoleAndTheWizard() throws Exception {
        var page = PlatformUI.getWorkbench().showPerspective(ImagesmithPerspective.ID, UiTesting.window());
        page.resetPerspective();
        UiTesting.processEvents();
        for (String view : List.of(org.eclipse.ui.IPageLayout.ID_PROJECT_EXPLORER, org.eclipse.ui.IPageLayout.ID_OUTLINE,
                org.eclipse.ui.IPageLayout.ID_PROBLEM_VIEW, org.eclipse.ui.console.IConsoleConstants.ID_CONSOLE_VIEW,
                ImagesView.ID)) {
            assertTrue(page.findViewReference(view) != null, view + " is part of the perspective");
        }
        assertTrue(List.of(page.getNewWizardShortcuts()).contains(ImagesmithPerspective.NEW_ANSWER_FILE_WIZARD),
                "File > New lists Answer File");
        assertTrue(PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(ImagesmithPerspective.NEW_ANSWER_FILE_WIZARD) != null);
    }
}
