package org.imagesmith.unattend.dsl.ui.outline;

import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline view's page for an answer file open in the generic editor; it follows the typing. */
public class AnswerFileOutlinePage extends ContentOutlinePage {
    /** How long the user must pause before the outline is computed again, in milliseconds. */
    static final int DELAY = 400;

    private final ITextEditor editor;
    private final IDocument document;
    private final Runnable refresh = this::refresh;
    private final IDocumentListener listener = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // only the change itself matters
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            TreeViewer viewer = getTreeViewer();
            if (viewer != null && !viewer.getControl().isDisposed()) {
                viewer.getControl().getDisplay().timerExec(DELAY, refresh);
            }
        }
    };

    /** The outline of the document editor shows. */
    public AnswerFileOutlinePage(ITextEditor editor) {
        this.editor = editor;
        this.document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(LabelProvider.createTextProvider(node -> ((OutlineNode) node).label()));
        viewer.setInput(AnswerFileOutline.of(document.get()));
        viewer.expandToLevel(2);
        document.addDocumentListener(listener);
    }

    /** Computes the outline again from the document. */
    void refresh() {
        TreeViewer viewer = getTreeViewer();
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(AnswerFileOutline.of(document.get()));
        viewer.expandToLevel(2);
        // records are equal by value: what was open stays open unless it changed
        viewer.setExpandedElements(expanded);
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (event.getSelection() instanceof IStructuredSelection selection && selection.getFirstElement() instanceof OutlineNode node) {
            editor.selectAndReveal(node.offset(), node.length());
        }
    }

    @Override
    public void dispose() {
        document.removeDocumentListener(listener);
        super.dispose();
    }

    private static final class ContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return ((OutlineNode) parent).children().toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return !((OutlineNode) element).children().isEmpty();
        }
    }
}
