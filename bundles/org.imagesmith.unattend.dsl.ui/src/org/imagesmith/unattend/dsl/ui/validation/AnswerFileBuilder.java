package org.imagesmith.unattend.dsl.ui.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.xtext.service.OperationCanceledError;
import org.imagesmith.unattend.dsl.ui.AnswerFileTarget;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

/**
 * The project builder that validates every answer file of a project (Unattend.xml and answer-file language text)
 * with the editor's rules, so that the Problems view lists their problems without the files being opened. Its
 * markers are the editor's: one marker per problem, replaced when the file changes (or when an editor shows it,
 * as the user types), gone with the file.
 */
public final class AnswerFileBuilder extends IncrementalProjectBuilder {
    /** The builder's id (plugin.xml). */
    public static final String ID = "org.imagesmith.unattend.dsl.ui.answerFileBuilder";

    private final ProblemReporter reporter = new ProblemReporter();

    @Override
    protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
        IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
        if (delta == null) {
            getProject().accept(resource -> {
                if (resource instanceof IFile file) {
                    check(file, monitor);
                }
                return !resource.isDerived() && !resource.isTeamPrivateMember();
            });
        } else {
            delta.accept(change -> {
                if (change.getResource() instanceof IFile file && change.getKind() != IResourceDelta.REMOVED
                        && (change.getKind() == IResourceDelta.ADDED
                                || (change.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED | IResourceDelta.ENCODING)) != 0)) {
                    check(file, monitor);
                }
                return true;
            });
        }
        return null;
    }

    @Override
    protected void clean(IProgressMonitor monitor) throws CoreException {
        getProject().deleteMarkers(AnswerFileLanguage.PROBLEM_MARKER, false, IResource.DEPTH_INFINITE);
    }

    private void check(IFile file, IProgressMonitor monitor) throws CoreException {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        if (isDirtyInEditor(file)) {
            return; // the editor shows (and marks) what the user is typing
        }
        Optional<AnswerFileChecks.Checker> checker = checker(file);
        if (checker.isPresent()) {
            reporter.toMarkers(file, checkSaved(file, checker.get(), monitor));
        }
    }

    /** The problems of the file's saved content. */
    private static List<EditorProblem> checkSaved(IFile file, AnswerFileChecks.Checker checker, IProgressMonitor monitor)
            throws CoreException {
        String text;
        try (InputStream in = file.getContents(true)) {
            text = new String(in.readAllBytes(), Charset.forName(file.getCharset()));
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot read the answer file " + file.getFullPath() + ": " + e.getMessage(), e));
        }
        Path path = file.getLocation() == null ? null : file.getLocation().toPath();
        try {
            return checker.check(text, path, AnswerFileTarget.of(file), monitor::isCanceled);
        } catch (OperationCanceledError e) {
            throw new OperationCanceledException(); // what the build framework takes for a canceled build
        }
    }

    /** How a file is checked: as answer-file text, as Unattend.xml, or (any other file) not at all. */
    static Optional<AnswerFileChecks.Checker> checker(IFile file) {
        if (!hasAnswerFileName(file)) {
            return Optional.empty();
        }
        IContentDescription description;
        try {
            description = file.getContentDescription();
        } catch (CoreException e) {
            return Optional.empty(); // out of sync or gone: checked again when it is refreshed
        }
        IContentType type = description == null ? null : description.getContentType();
        if (type == null) {
            return Optional.empty();
        }
        return switch (type.getId()) {
            case AnswerFileLanguage.CONTENT_TYPE -> Optional.of(AnswerFileChecks::checkText);
            case AnswerFileLanguage.XML_CONTENT_TYPE -> Optional.of(AnswerFileChecks::checkXml);
            default -> Optional.empty();
        };
    }

    /** Whether the file's name is one an answer file may have (*.xml, *.unattend); its content type tells. */
    static boolean hasAnswerFileName(IFile file) {
        String extension = file.getFileExtension();
        return extension != null && (extension.equalsIgnoreCase("xml") || extension.equalsIgnoreCase("unattend"));
    }

    private static boolean isDirtyInEditor(IFile file) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
        return buffer != null && buffer.isDirty();
    }

    /**
     * Checks the saved content of a file again, in the background: after an editor that marked unsaved text was
     * closed, the markers say what the file has on disk.
     */
    static void recheckSaved(IFile file) {
        WorkspaceJob job = new WorkspaceJob("Checking " + file.getName()) {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                if (file.exists() && !isDirtyInEditor(file)) {
                    Optional<AnswerFileChecks.Checker> checker = checker(file);
                    if (checker.isPresent()) {
                        new ProblemReporter().toMarkers(file, checkSaved(file, checker.get(), monitor));
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == AnswerFileProjects.FAMILY;
            }
        };
        job.setRule(file);
        job.setSystem(true);
        job.schedule();
    }
}
