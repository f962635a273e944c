package org.imagesmith.unattend.dsl.ui;

import static org.imagesmith.unattend.dsl.ui.EditorTesting.page;
import static org.imagesmith.unattend.dsl.ui.EditorTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.dsl.ui.outline.AnswerFileOutlinePage;
import org.imagesmith.unattend.dsl.ui.outline.OutlineNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Outline view beside the answer-file editor: its tree, following the typing, and selecting in the editor. */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileOutlineTest {
    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("outline");
        project.create(null);
        project.open(null);
    }

    @AfterEach
    void closeEditorsAndDeleteProject() throws CoreException {
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    private static List<String> texts(TreeItem[] items) {
        return Arrays.stream(items).map(TreeItem::getText).toList();
    }

    @Test
    void outlinesPassesComponentsAndSettingsAndFollowsTheEditor() throws Exception {
        IFile file = project.getFile("lab.unattend");
        file.create(new ByteArrayInputStream(AnswerFileEditorTest.TEXT.getBytes(StandardCharsets.UTF_8)), true, null);
        ITextEditor editor = assertInstanceOf(ITextEditor.class, IDE.openEditor(page(), file, AnswerFileLanguage.GENERIC_EDITOR));
        ContentOutline outline = assertInstanceOf(ContentOutline.class, page().showView(IPageLayout.ID_OUTLINE));
        AnswerFileOutlinePage outlinePage = waitFor("the answer file's outline page",
                () -> outline.getCurrentPage() instanceof AnswerFileOutlinePage p ? p : null);
        Tree tree = assertInstanceOf(Tree.class, outlinePage.getControl());
        assertEquals(List.of("pass windowsPE"), texts(tree.getItems()));
        assertEquals(List.of("Microsoft-Windows-Setup (amd64)"), texts(tree.getItem(0).getItems()));

        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        int end = document.get().lastIndexOf('}');
        document.replace(end, 0, "    pass oobeSystem {\n        component Microsoft-Windows-Shell-Setup amd64 {}\n    }\n");
        waitFor("the new pass in the outline", () -> texts(tree.getItems()).equals(List.of("pass windowsPE", "pass oobeSystem")));

        OutlineNode component = (OutlineNode) tree.getItem(1).getItem(0).getData();
        assertEquals("Microsoft-Windows-Shell-Setup (amd64)", component.label());
        outlinePage.setSelection(new StructuredSelection(component));
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        assertEquals(document.get().indexOf("component Microsoft-Windows-Shell-Setup"), selection.getOffset());
        assertEquals("component Microsoft-Windows-Shell-Setup amd64 {}", selection.getText());
    }
}
