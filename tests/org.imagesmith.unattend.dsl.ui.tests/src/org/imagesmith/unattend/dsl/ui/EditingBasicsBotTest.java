package org.imagesmith.unattend.dsl.ui;

import static org.imagesmith.unattend.dsl.ui.EditorTesting.page;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Shell;
import org.imagesmith.testsupport.Bot;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The editing basics of the answer-file editor, used with real key strokes: Toggle Comment (Ctrl+/), braces
 * closed as typed, Enter indenting a block, and Go to Matching Bracket (Ctrl+Shift+P) over the brace pairs.
 */
@ExtendWith(NoLoggedErrors.class)
class EditingBasicsBotTest {
    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = EditorTesting.newProject("editing");
    }

    @AfterEach
    void closeEditorsAndDeleteProject() throws CoreException {
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    @Test
    void ctrlSlashCommentsTheSelectedLinesAndAgainUncommentsThem() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        String content = AnswerFileEditorTest.TEXT;
        StyledText text = open(bot, file("comment.unattend", content));
        // the caret on the component's line, Shift+Down selects into the next line: both lines are commented
        moveCaretTo(bot, text, content.indexOf("component"));
        bot.press(SWT.SHIFT, SWT.ARROW_DOWN);
        bot.press(SWT.CTRL, '/');
        String commented = content.replace("        component Microsoft", "        // component Microsoft")
                .replace("            UserData", "        //     UserData");
        bot.waitFor("the two lines commented at the block's indentation", () -> text.getText().equals(commented),
                text::getText);
        Path picture = Screenshots.save(text.getShell(), "editor-toggle-comment");
        assertTrue(Files.size(picture) > 0);

        bot.press(SWT.CTRL, '/');
        bot.waitFor("the comment marks removed", () -> text.getText().equals(content), text::getText);
        bot.press(SWT.CTRL, 'z');
        bot.waitFor("Undo brings the comments back in one step", () -> text.getText().equals(commented), text::getText);
    }

    @Test
    void bracesCloseAsTypedAndEnterIndentsTheBlock() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        StyledText text = open(bot, file("typed.unattend", "unattend "));
        bot.press(SWT.CTRL, SWT.END);
        bot.type("{");
        bot.waitFor("the closing brace added", () -> text.getText().equals("unattend {}"), text::getText);
        enter(bot);
        bot.waitFor("Enter between the braces: the caret on an indented line, the brace on the next",
                () -> text.getText().equals("unattend {\n    \n}") && text.getCaretOffset() == "unattend {\n    ".length(),
                text::getText);
        Path picture = Screenshots.save(text.getShell(), "editor-typed-blocks");
        assertTrue(Files.size(picture) > 0);

        // a closing brace typed on an empty line of a block goes back a level
        StyledText open = open(bot, file("open.unattend", "unattend {\n    pass offlineServicing {"));
        bot.press(SWT.CTRL, SWT.END);
        enter(bot);
        bot.waitFor("Enter after a brace indents a level", () -> open.getText().endsWith("{\n        "), open::getText);
        bot.type("}");
        bot.waitFor("the brace back at the block's level", () -> open.getText()
                .equals("unattend {\n    pass offlineServicing {\n    }"), open::getText);
        enter(bot);
        bot.waitFor("Enter keeps the line's indentation", () -> open.getText().endsWith("    }\n    "), open::getText);
    }

    @Test
    void ctrlShiftPGoesToTheMatchingBrace() throws Exception {
        Bot bot = Bot.onCurrentDisplay();
        String content = AnswerFileEditorTest.TEXT;
        StyledText text = open(bot, file("braces.unattend", content));
        int open = content.indexOf("pass windowsPE {") + "pass windowsPE {".length();
        int close = content.indexOf("    }\n}") + "    }".length();
        moveCaretTo(bot, text, open);
        bot.press(SWT.CTRL | SWT.SHIFT, 'p');
        bot.waitFor("the caret at the pass's closing brace", () -> text.getCaretOffset() == close || text.getCaretOffset()
                == close - 1, () -> "caret at " + text.getCaretOffset() + ", expected " + close);
        bot.press(SWT.CTRL | SWT.SHIFT, 'p');
        bot.waitFor("the caret back at the opening brace", () -> text.getCaretOffset() == open
                || text.getCaretOffset() == open - 1, () -> "caret at " + text.getCaretOffset() + ", expected " + open);
    }

    /**
     * Enter as a person presses it while typing: Esc first when the proposals pop-up that typing opens in the
     * generic editor shows (Enter would go to it), then Enter.
     */
    private static void enter(Bot bot) {
        List<Shell> before = bot.shells();
        bot.idle(600);
        if (bot.shells().stream().anyMatch(shell -> !before.contains(shell))) {
            bot.press(0, SWT.ESC);
            bot.idle(200);
        }
        bot.press(0, SWT.CR);
    }

    private IFile file(String name, String content) throws CoreException {
        return EditorTesting.newFile(project, name, content);
    }

    private static StyledText open(Bot bot, IFile file) throws CoreException {
        StyledText text = EditorTesting.openForTyping(bot, file);
        bot.press(SWT.CTRL, SWT.HOME);
        return text;
    }

    private static void moveCaretTo(Bot bot, StyledText text, int offset) {
        EditorTesting.moveCaretTo(bot, text, offset);
    }
}
