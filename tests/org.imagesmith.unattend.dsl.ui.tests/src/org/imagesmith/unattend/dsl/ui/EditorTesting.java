package org.imagesmith.unattend.dsl.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.imagesmith.testsupport.Bot;

/** What the editor tests share: a project, the workbench page and waiting for the editor's background work. */
public final class EditorTesting {
    /** Longer than the reconciler's pause and a parse, with room for a slow CI machine. */
    private static final long TIMEOUT_MILLIS = 30_000;

    private EditorTesting() {
    }

    /** A new, open project of the workspace. */
    public static IProject newProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        project.create(null);
        project.open(null);
        return project;
    }

    /** A new file of the project with this content. */
    public static IFile newFile(IProject project, String name, String content) throws CoreException {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    /** Opens the file in the answer-file editor and clicks into its text, as a person does before typing. */
    public static StyledText openForTyping(Bot bot, IFile file) throws CoreException {
        ITextEditor editor = (ITextEditor) IDE.openEditor(page(), file, AnswerFileLanguage.GENERIC_EDITOR);
        StyledText text = (StyledText) editor.getAdapter(Control.class);
        text.getShell().forceActive();
        bot.idle(300);
        bot.click(text);
        bot.waitFor("the keyboard focus in the editor", text::isFocusControl);
        return text;
    }

    /** Moves the caret to offset as a person does with the keyboard: Ctrl+Home, Down to the line, Right to the column. */
    public static void moveCaretTo(Bot bot, StyledText text, int offset) {
        int line = text.getLineAtOffset(offset);
        int column = offset - text.getOffsetAtLine(line);
        bot.press(SWT.CTRL, SWT.HOME);
        for (int i = 0; i < line; i++) {
            bot.press(0, SWT.ARROW_DOWN);
        }
        for (int i = 0; i < column; i++) {
            bot.press(0, SWT.ARROW_RIGHT);
        }
        bot.waitFor("the caret at line " + (line + 1) + ", column " + (column + 1), () -> text.getCaretOffset() == offset);
    }

    public static IWorkbenchPage page() {
        IWorkbenchWindow active = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return (active != null ? active : PlatformUI.getWorkbench().getWorkbenchWindows()[0]).getActivePage();
    }

    /**
     * Runs the event loop until condition gives a value (not null, not false), and returns it; fails when it has
     * not after the time-out.
     */
    public static <T> T waitFor(String what, Supplier<T> condition) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            while (display.readAndDispatch()) {
                // drain
            }
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what);
            }
            display.timerExec(20, () -> {
                // wakes the loop up
            });
            display.sleep();
        }
    }
}
