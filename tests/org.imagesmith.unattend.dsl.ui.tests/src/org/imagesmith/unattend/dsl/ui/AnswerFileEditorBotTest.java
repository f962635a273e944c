package org.imagesmith.unattend.dsl.ui;

import static org.imagesmith.unattend.dsl.ui.EditorTesting.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.imagesmith.testsupport.Bot;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer-file editor used as a person uses it: clicks into the text, key strokes, Ctrl+Space, and what then
 * shows on the screen (the text, the problem marker, the proposals pop-up).
 */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileEditorBotTest {
    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = EditorTesting.newProject("bot");
    }

    @AfterEach
    void closeEditorsAndDeleteProject() throws CoreException {
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void typingAPassWhereTheComponentDoesNotActShowsAnError() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        IFile file = file("typed.unattend", AnswerFileEditorTest.TEXT);
        StyledText text = open(bot, file);
        bot.waitFor("the first check of a valid file", () -> markers(file).isEmpty());

        // go just after "windowsPE" with the arrow keys, delete it with Backspace and type another pass
        int end = text.getText().indexOf("windowsPE") + "windowsPE".length();
        moveCaretTo(bot, text, end);
        for (int i = 0; i < "windowsPE".length(); i++) {
            bot.press(0, SWT.BS);
        }
        bot.type("oobeSystem");
        bot.waitFor("the typed pass in the editor", () -> text.getText().contains("pass oobeSystem {"), text::getText);
        IMarker marker = bot.waitFor("a wrong-pass marker for what was typed", () -> markers(file).stream()
                .filter(m -> "wrong-pass".equals(m.getAttribute(AnswerFileLanguage.CODE, ""))).findFirst().orElse(null));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("does not act in the oobeSystem pass"),
                marker.getAttribute(IMarker.MESSAGE, ""));
        assertEquals(1, markers(file).size(), "one marker for the one problem: " + markers(file));
        Path picture = Screenshots.save(text.getShell(), "bot-typed-wrong-pass");
        assertTrue(Files.size(picture) > 0);
    }

    @Test
    void ctrlSpaceOpensTheProposalsOfTheCatalog() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        String content = "unattend {\n    pass offlineServicing {\n        component \n    }\n}\n";
        StyledText text = open(bot, file("assist.unattend", content));
        int offset = content.indexOf("component ") + "component ".length();
        moveCaretTo(bot, text, offset);
        List<Shell> before = bot.shells();
        bot.press(SWT.CTRL, ' ');
        Table proposals = bot.waitFor("the content assist pop-up", () -> bot.shells().stream()
                .filter(shell -> !before.contains(shell)).flatMap(shell -> Bot.widgets(shell, Table.class).stream())
                .filter(table -> table.getItemCount() > 0 && !table.getItem(0).getText().startsWith("Computing proposals"))
                .findFirst().orElse(null));
        List<String> shown = Arrays.stream(proposals.getItems()).map(TableItem::getText).toList();
        assertTrue(shown.stream().anyMatch(label -> label.startsWith("Microsoft-Windows-PnpCustomizationsNonWinPE")),
                "the pop-up lists the catalog's components: " + shown);
        Path picture = Screenshots.save(text.getShell(), "bot-content-assist");
        assertTrue(Files.size(picture) > 0);
    }

    private IFile file(String name, String content) throws CoreException {
        return EditorTesting.newFile(project, name, content);
    }

    private static StyledText open(Bot bot, IFile file) throws CoreException {
        StyledText text = EditorTesting.openForTyping(bot, file);
        return text;
    }

    private static void moveCaretTo(Bot bot, StyledText text, int offset) {
        EditorTesting.moveCaretTo(bot, text, offset);
    }

    private static List<IMarker> markers(IFile file) {
        try {
            return Arrays.asList(file.findMarkers(AnswerFileLanguage.PROBLEM_MARKER, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
