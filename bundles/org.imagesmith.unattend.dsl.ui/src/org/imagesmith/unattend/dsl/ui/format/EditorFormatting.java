package org.imagesmith.unattend.dsl.ui.format;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.dsl.formatting2.AnswerFileFormatter;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

/**
 * Formats the answer file of an editor in the language's canonical layout: the changes go into the document as one
 * undoable change, and the caret (or selection) stays at the text it was at.
 */
public final class EditorFormatting {
    private EditorFormatting() {
    }

    /** What formatting did. */
    public enum Outcome {
        /** The document was laid out anew. */
        FORMATTED,
        /** The document was in the canonical layout already. */
        UNCHANGED,
        /** The document has syntax errors; it is left as it is. */
        SYNTAX_ERRORS
    }

    /** Formats the document of editor. */
    public static Outcome format(ITextEditor editor) {
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        XtextResource resource = AnswerFileLanguage.parse(document.get(), null);
        if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
            editor.getEditorSite().getActionBars().getStatusLineManager()
                    .setErrorMessage("Not formatted: the answer file has syntax errors" + firstError(resource));
            return Outcome.SYNTAX_ERRORS;
        }
        List<ITextReplacement> replacements = AnswerFileLanguage.injector().getInstance(AnswerFileFormatter.class)
                .replacements(resource);
        if (replacements.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
        int start = offsetAfter(replacements, selection.getOffset());
        int end = offsetAfter(replacements, selection.getOffset() + selection.getLength());
        IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
        if (target != null) {
            target.beginCompoundChange();
            target.setRedraw(false);
        }
        try {
            MultiTextEdit edit = new MultiTextEdit();
            for (ITextReplacement replacement : replacements) {
                edit.addChild(new ReplaceEdit(replacement.getOffset(), replacement.getLength(), replacement.getReplacementText()));
            }
            edit.apply(document, MultiTextEdit.NONE);
        } catch (MalformedTreeException | BadLocationException e) {
            throw new IllegalStateException("the formatter's changes do not fit the document they were computed on", e);
        } finally {
            if (target != null) {
                target.setRedraw(true);
                target.endCompoundChange();
            }
        }
        editor.selectAndReveal(start, Math.max(0, end - start));
        return Outcome.FORMATTED;
    }

    /**
     * Where offset of the text is once the replacements (in text order) are made: the same character, or, when it
     * is in white space that changes, as far into the new white space as it was into the old.
     */
    public static int offsetAfter(List<ITextReplacement> replacements, int offset) {
        int shift = 0;
        for (ITextReplacement replacement : replacements) {
            if (replacement.getEndOffset() <= offset) {
                shift += replacement.getReplacementText().length() - replacement.getLength();
            } else if (replacement.getOffset() < offset) {
                int into = Math.min(offset - replacement.getOffset(), replacement.getReplacementText().length());
                return replacement.getOffset() + shift + into;
            } else {
                break;
            }
        }
        return offset + shift;
    }

    private static String firstError(XtextResource resource) {
        if (resource.getParseResult() == null) {
            return "";
        }
        for (INode node : resource.getParseResult().getSyntaxErrors()) {
            return " (line " + node.getStartLine() + ": " + node.getSyntaxErrorMessage().getMessage() + ")";
        }
        return "";
    }
}
