package org.imagesmith.unattend.dsl.ui.format;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** The Format command (Ctrl+Shift+F) of the answer-file editor. */
public class FormatHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        ITextEditor textEditor = editor == null ? null : editor.getAdapter(ITextEditor.class);
        if (textEditor != null && textEditor.isEditable()) {
            EditorFormatting.format(textEditor);
        }
        return null;
    }
}
