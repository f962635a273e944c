package org.imagesmith.unattend.dsl.ui.quickfix;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.graphics.Image;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.edits.TextEdit;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.imagesmith.unattend.dsl.ide.quickfix.AnswerFileFixes;
import org.imagesmith.unattend.dsl.ide.quickfix.Fix;
import org.imagesmith.unattend.dsl.ide.quickfix.TextChange;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

/**
 * Quick fixes of the editor's markers on answer-file language files ({@link AnswerFileFixes}, the same as the
 * language server offers). A fix edits the file's buffer: the open editor's document when there is one (the user
 * saves, and undoes it in one step), the file itself otherwise.
 */
public class AnswerFileMarkerResolutions implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return AnswerFileFixes.fixes(marker.getAttribute(AnswerFileLanguage.CODE, "")) && isLanguageFile(marker);
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!hasResolutions(marker)) {
            return new IMarkerResolution[0];
        }
        List<Fix> fixes = withDocument((IFile) marker.getResource(), document -> fixes(marker, document));
        return fixes == null ? new IMarkerResolution[0]
                : fixes.stream().map(fix -> new Resolution(fix.label())).toArray(IMarkerResolution[]::new);
    }

    /** The fixes of the marker's problem in document, the file's current text. */
    private static List<Fix> fixes(IMarker marker, IDocument document) {
        IFile file = (IFile) marker.getResource();
        return AnswerFileFixes.fixesAt(AnswerFileLanguage.parse(document.get(), null), marker.getAttribute(AnswerFileLanguage.CODE, ""),
                marker.getAttribute(IMarker.CHAR_START, 0), AnswerFileLanguage.targetArchitecture(file));
    }

    /** The changes of fix as one edit of the document. */
    static TextEdit edit(Fix fix) {
        MultiTextEdit edit = new MultiTextEdit();
        for (TextChange change : fix.changes()) {
            edit.addChild(new ReplaceEdit(change.offset(), change.length(), change.text()));
        }
        return edit;
    }

    private static boolean isLanguageFile(IMarker marker) {
        try {
            IContentDescription description = marker.getResource() instanceof IFile file ? file.getContentDescription() : null;
            return description != null && description.getContentType() != null
                    && description.getContentType().getId().equals(AnswerFileLanguage.CONTENT_TYPE);
        } catch (CoreException e) {
            return false;
        }
    }

    /** Runs action on the document of file's buffer, saving it when no editor has it open; null when it cannot. */
    private static <T> T withDocument(IFile file, Function<IDocument, T> action) {
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        IPath path = file.getFullPath();
        try {
            manager.connect(path, LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
                T result = action.apply(buffer.getDocument());
                if (!buffer.isShared() && buffer.isDirty()) {
                    buffer.commit(null, true);
                }
                return result;
            } finally {
                manager.disconnect(path, LocationKind.IFILE, null);
            }
        } catch (CoreException e) {
            ILog.of(AnswerFileMarkerResolutions.class).error("Cannot read " + path + " for its quick fixes", e);
            return null;
        }
    }

    /** A fix, computed again on the document when it runs (the text may have changed since it was listed). */
    private static final class Resolution implements IMarkerResolution2 {
        private final String label;

        Resolution(String label) {
            this.label = label;
        }

        @Override
        public String getLabel() {
            return label;
        }

        @Override
        public String getDescription() {
            return label.startsWith("Set ") ? label : label + ", with the comments on its lines";
        }

        @Override
        public Image getImage() {
            return null;
        }

        @Override
        public void run(IMarker marker) {
            withDocument((IFile) marker.getResource(), document -> {
                fixes(marker, document).stream().filter(fix -> fix.label().equals(label)).findFirst().ifPresent(fix -> {
                    IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
                    if (undo != null) {
                        undo.beginCompoundChange();
                    }
                    try {
                        edit(fix).apply(document);
                    } catch (MalformedTreeException | BadLocationException e) {
                        ILog.of(AnswerFileMarkerResolutions.class).error("Cannot apply " + label, e);
                    } finally {
                        if (undo != null) {
                            undo.endCompoundChange();
                        }
                    }
                });
                return null;
            });
        }
    }
}
