package org.imagesmith.unattend.dsl.ui;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * The property isAnswerFileText of a text editor: whether it shows answer-file language text (a workspace file or
 * one outside the workspace), which is what the editor's own commands work on.
 */
public class AnswerFileEditorTester extends PropertyTester {

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        return "isAnswerFileText".equals(property) && receiver instanceof ITextEditor editor && isAnswerFileText(editor);
    }

    /** Whether editor shows answer-file language text. */
    public static boolean isAnswerFileText(ITextEditor editor) {
        if (editor.getDocumentProvider() == null) {
            return false;
        }
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ITextFileBuffer buffer = document == null ? null : FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        try {
            IContentType type = buffer == null ? null : buffer.getContentType();
            IContentType answerFiles = Platform.getContentTypeManager().getContentType(AnswerFileLanguage.CONTENT_TYPE);
            return type != null && answerFiles != null && type.isKindOf(answerFiles);
        } catch (CoreException e) {
            return false;
        }
    }
}
