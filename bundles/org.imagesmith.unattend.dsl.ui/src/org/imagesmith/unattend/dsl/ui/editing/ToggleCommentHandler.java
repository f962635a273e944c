package org.imagesmith.unattend.dsl.ui.editing;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** The Toggle Comment command (Ctrl+/) of the answer-file editor, on the lines of the selection. */
public class ToggleCommentHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        ITextEditor textEditor = editor == null ? null : editor.getAdapter(ITextEditor.class);
        if (textEditor == null || !textEditor.isEditable()
                || !(textEditor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
            return null;
        }
        IDocument document = textEditor.getDocumentProvider().getDocument(textEditor.getEditorInput());
        try {
            int first = selection.getStartLine();
            int last = selection.getEndLine();
            // a selection that ends at the start of a line does not take that line in
            if (last > first && selection.getOffset() + selection.getLength() == document.getLineOffset(last)) {
                last--;
            }
            IRegion lines = LineComments.toggle(document, first, last);
            textEditor.selectAndReveal(lines.getOffset(), lines.getLength()); // selected for the next Ctrl+/
        } catch (BadLocationException e) {
            throw new ExecutionException("The selection is outside the answer file's text: " + e.getMessage(), e);
        }
        return null;
    }
}
