package org.imagesmith.unattend.dsl.ui.outline;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

/** Gives text editors of answer-file language files (the generic editor) an outline page. */
public class OutlineAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == IContentOutlinePage.class && adaptable instanceof ITextEditor editor && isLanguage(editor)) {
            return adapterType.cast(new AnswerFileOutlinePage(editor));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] {IContentOutlinePage.class};
    }

    private static boolean isLanguage(ITextEditor editor) {
        if (editor.getDocumentProvider() == null || editor.getEditorInput() == null) {
            return false;
        }
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        ITextFileBuffer buffer = document == null ? null : FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        IContentType type = null;
        try {
            type = buffer == null ? null : buffer.getContentType();
        } catch (CoreException e) {
            // by name below
        }
        if (type == null) {
            type = Platform.getContentTypeManager().findContentTypeFor(editor.getEditorInput().getName());
        }
        return type != null && type.getId().equals(AnswerFileLanguage.CONTENT_TYPE);
    }
}
