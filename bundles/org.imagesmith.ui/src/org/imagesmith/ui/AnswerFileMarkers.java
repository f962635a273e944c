package org.imagesmith.ui;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.imagesmith.unattend.validation.Severity;

/** The problem markers Apply to Image puts on an answer file (its own type, so that it replaces only its own). */
final class AnswerFileMarkers {
    /** The marker type, declared in plugin.xml as a problem marker and a text marker. */
    static final String TYPE = "org.imagesmith.ui.answerFileProblem";

    private AnswerFileMarkers() {
    }

    /** Replaces the file's markers of this type with these problems, in one workspace operation. */
    static void replace(IFile file, List<AnswerFileProblem> problems) throws CoreException {
        ResourcesPlugin.getWorkspace().run(monitor -> {
            if (!file.exists()) {
                return;
            }
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            for (AnswerFileProblem problem : problems) {
                IMarker marker = file.createMarker(TYPE);
                marker.setAttribute(IMarker.SEVERITY, severity(problem.severity()));
                marker.setAttribute(IMarker.MESSAGE, problem.message());
                if (problem.line() > 0) {
                    marker.setAttribute(IMarker.LINE_NUMBER, problem.line());
                    marker.setAttribute(IMarker.LOCATION, "line " + problem.line()
                            + (problem.column() > 0 ? ", column " + problem.column() : ""));
                }
            }
        }, file, 0, null);
    }

    private static int severity(Severity severity) {
        return switch (severity) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
    }
}
