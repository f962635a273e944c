package org.imagesmith.unattend.dsl.ui;

import static org.imagesmith.unattend.dsl.ui.EditorTesting.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.commands.Command;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Format command of the answer-file editor in a real workbench. */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileFormatTest {
    private static final String FORMAT = "org.imagesmith.unattend.dsl.ui.format";

    static final String MESSY = """
            unattend {
            // lab machines
              pass windowsPE {
                        component Microsoft-Windows-Setup amd64 { UserData {   AcceptEula = "true" } }
            }
            }
            """;

    static final String FORMATTED = """
            unattend {
                // lab machines
                pass windowsPE {
                    component Microsoft-Windows-Setup amd64 {
                        UserData {
                            AcceptEula = "true"
                        }
                    }
                }
            }
            """;

    private IProject project;

    @BeforeEach
    void createProject() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("format");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void closeEditorsAndDeleteProject() throws Exception {
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    private ITextEditor open(String name, String text) throws Exception {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return assertInstanceOf(ITextEditor.class, IDE.openEditor(page(), file, AnswerFileLanguage.GENERIC_EDITOR));
    }

    private static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private static void runFormat(ITextEditor editor) throws Exception {
        editor.getSite().getService(IHandlerService.class).executeCommand(FORMAT, null);
    }

    @Test
    void formatsAsOneUndoableChangeAndKeepsTheCaretAtItsText() throws Exception {
        ITextEditor editor = open("messy.unattend", MESSY);
        int caret = MESSY.indexOf("Windows-Setup");
        editor.selectAndReveal(caret, 0);

        runFormat(editor);

        IDocument document = document(editor);
        assertEquals(FORMATTED, document.get());
        assertEquals(FORMATTED.indexOf("Windows-Setup"), ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset(),
                "the caret stays on the text it was on");
        assertTrue(editor.isDirty(), "the layout is in the editor, for the user to save");

        ITextOperationTarget operations = editor.getAdapter(ITextOperationTarget.class);
        assertTrue(operations.canDoOperation(ITextOperationTarget.UNDO));
        operations.doOperation(ITextOperationTarget.UNDO);
        assertEquals(MESSY, document.get(), "one undo takes the whole formatting back");
    }

    @Test
    void leavesTextWithSyntaxErrorsAlone() throws Exception {
        String broken = MESSY.replace("\"true\"", "");
        ITextEditor editor = open("broken.unattend", broken);
        runFormat(editor);
        assertEquals(broken, document(editor).get());
        assertFalse(editor.isDirty());
    }

    @Test
    void isBoundToCtrlShiftFAndInTheContextMenu() throws Exception {
        ITextEditor editor = open("menu.unattend", FORMATTED);
        Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(FORMAT);
        assertTrue(command.isDefined());
        assertTrue(command.isHandled(), "the handler is active in the answer-file editor");

        List<Binding> bindings = Arrays.stream(PlatformUI.getWorkbench().getService(IBindingService.class).getBindings())
                .filter(b -> b.getParameterizedCommand() != null && FORMAT.equals(b.getParameterizedCommand().getId()))
                .toList();
        KeySequence ctrlShiftF = KeySequence.getInstance("CTRL+SHIFT+F");
        assertTrue(bindings.stream().anyMatch(b -> b.getTriggerSequence().equals(ctrlShiftF)),
                bindings.toString());

        ITextViewer viewer = assertInstanceOf(ITextViewer.class, editor.getAdapter(ITextOperationTarget.class));
        Menu menu = viewer.getTextWidget().getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        try {
            List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
            assertTrue(items.stream().anyMatch(text -> text.startsWith("Format")), items.toString());
        } finally {
            menu.notifyListeners(SWT.Hide, new Event());
        }
    }
}
