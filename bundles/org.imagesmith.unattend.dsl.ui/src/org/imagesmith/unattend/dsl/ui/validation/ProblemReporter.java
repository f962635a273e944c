package org.imagesmith.unattend.dsl.ui.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.validation.Severity;

/**
 * Shows the problems the editor finds: as problem markers on a workspace file (the editor shows them as
 * annotations, the Problems view lists them), as annotations of the editor for a file outside the workspace.
 */
final class ProblemReporter {
    private static final String ERROR_ANNOTATION = "org.eclipse.ui.workbench.texteditor.error";
    private static final String WARNING_ANNOTATION = "org.eclipse.ui.workbench.texteditor.warning";
    private static final String INFO_ANNOTATION = "org.eclipse.ui.workbench.texteditor.info";

    private Annotation[] shown = new Annotation[0];

    /** Replaces the file's problem markers of the editor with these, in one workspace operation. */
    void toMarkers(IFile file, List<EditorProblem> problems) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        workspace.run(monitor -> {
            if (!file.exists()) {
                return;
            }
            file.deleteMarkers(AnswerFileLanguage.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
            for (EditorProblem problem : problems) {
                Map<String, Object> attributes = new HashMap<>();
                attributes.put(IMarker.SEVERITY, markerSeverity(problem.severity()));
                attributes.put(IMarker.MESSAGE, problem.message());
                attributes.put(IMarker.LINE_NUMBER, problem.line());
                attributes.put(IMarker.LOCATION, "line " + problem.line());
                attributes.put(IMarker.CHAR_START, problem.offset());
                attributes.put(IMarker.CHAR_END, problem.offset() + problem.length());
                attributes.put(AnswerFileLanguage.CODE, problem.code());
                file.createMarker(AnswerFileLanguage.PROBLEM_MARKER, attributes);
            }
        }, workspace.getRuleFactory().markerRule(file), IWorkspace.AVOID_UPDATE, null);
    }

    /** Replaces the annotations this reporter put in the model with these problems. */
    void toAnnotations(IAnnotationModel model, List<EditorProblem> problems) {
        Map<Annotation, Position> added = new HashMap<>();
        for (EditorProblem problem : problems) {
            added.put(new Annotation(annotationType(problem.severity()), false, problem.message()),
                    new Position(problem.offset(), problem.length()));
        }
        synchronized (this) {
            if (model instanceof IAnnotationModelExtension extension) {
                extension.replaceAnnotations(shown, added);
            } else {
                for (Annotation annotation : shown) {
                    model.removeAnnotation(annotation);
                }
                added.forEach(model::addAnnotation);
            }
            shown = added.keySet().toArray(Annotation[]::new);
        }
    }

    private static int markerSeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
    }

    private static String annotationType(Severity severity) {
        return switch (severity) {
            case ERROR -> ERROR_ANNOTATION;
            case WARNING -> WARNING_ANNOTATION;
            case INFO -> INFO_ANNOTATION;
        };
    }
}
