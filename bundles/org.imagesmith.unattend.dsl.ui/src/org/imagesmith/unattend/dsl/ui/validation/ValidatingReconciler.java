package org.imagesmith.unattend.dsl.ui.validation;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.service.OperationCanceledError;
import org.imagesmith.unattend.dsl.ui.AnswerFileTarget;

/**
 * Validates the editor's document as the user types (after a pause, on the reconciler's thread) and shows the
 * problems as markers or annotations.
 */
public abstract class ValidatingReconciler extends MonoReconciler {
    /** How long the user must pause before the document is checked, in milliseconds. */
    static final int DELAY = 300;

    /** The reconcilers of the open editors, by document, so that a change of what a file is checked for rechecks it. */
    private static final Map<IDocument, ValidatingReconciler> INSTALLED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Strategy strategy;

    /** A reconciler that checks the document with checker. */
    protected ValidatingReconciler(AnswerFileChecks.Checker checker) {
        this(new Strategy(checker));
    }

    private ValidatingReconciler(Strategy strategy) {
        super(strategy, false);
        this.strategy = strategy;
        setDelay(DELAY);
    }

    @Override
    public void install(ITextViewer viewer) {
        strategy.viewer = viewer;
        super.install(viewer);
    }

    @Override
    protected void reconcilerDocumentChanged(IDocument document) {
        super.reconcilerDocumentChanged(document);
        if (document != null) {
            INSTALLED.put(document, this);
        }
    }

    /** Checks the file again in the editors that have it open (after its target architecture changed). */
    public static void recheck(IFile file) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
        ValidatingReconciler reconciler = buffer == null ? null : INSTALLED.get(buffer.getDocument());
        if (reconciler != null) {
            reconciler.forceReconciling();
        }
    }

    private static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
        private final AnswerFileChecks.Checker checker;
        private final ProblemReporter reporter = new ProblemReporter();
        private volatile ITextViewer viewer;
        private IDocument document;
        private IProgressMonitor monitor = new NullProgressMonitor();

        Strategy(AnswerFileChecks.Checker checker) {
            this.checker = checker;
        }

        @Override
        public void setDocument(IDocument newDocument) {
            document = newDocument;
        }

        @Override
        public void setProgressMonitor(IProgressMonitor newMonitor) {
            monitor = newMonitor;
        }

        @Override
        public void initialReconcile() {
            check();
        }

        @Override
        public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
            check();
        }

        @Override
        public void reconcile(IRegion partition) {
            check();
        }

        private void check() {
            IDocument current = document;
            if (current == null) {
                return;
            }
            IFile file = workspaceFile(current);
            Path path = file != null && file.getLocation() != null ? file.getLocation().toPath() : null;
            try {
                List<EditorProblem> problems = checker.check(current.get(), path, AnswerFileTarget.of(file),
                        monitor::isCanceled);
                if (monitor.isCanceled()) {
                    return;
                }
                if (file != null) {
                    reporter.toMarkers(file, problems);
                } else if (viewer instanceof ISourceViewer sourceViewer && sourceViewer.getAnnotationModel() != null) {
                    reporter.toAnnotations(sourceViewer.getAnnotationModel(), problems);
                }
            } catch (OperationCanceledError | OperationCanceledException e) {
                // the document changed again or the editor closed: the next check (if any) replaces this one
            } catch (CoreException | RuntimeException e) {
                ILog.of(ValidatingReconciler.class).error("Cannot check the answer file" + (file == null ? "" : " " + file.getFullPath()), e);
            }
        }

        /** The workspace file the document is the buffer of, or null for a file outside the workspace. */
        private static IFile workspaceFile(IDocument document) {
            ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
            if (buffer == null) {
                return null;
            }
            IPath location = buffer.getLocation();
            if (location == null || location.segmentCount() < 2) {
                return null;
            }
            IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(location);
            return file.exists() ? file : null;
        }
    }
}
