package org.imagesmith.unattend.dsl.ui.highlighting;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;

/** Syntax highlighting of the answer-file language in the generic editor. */
public class AnswerFilePresentationReconciler extends PresentationReconciler {

    /** Highlights the whole document (the language has one partition). */
    public AnswerFilePresentationReconciler() {
        AnswerFileHighlighter highlighter = new AnswerFileHighlighter();
        setDamager(highlighter, IDocument.DEFAULT_CONTENT_TYPE);
        setRepairer(highlighter, IDocument.DEFAULT_CONTENT_TYPE);
    }
}
