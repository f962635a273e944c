package org.imagesmith.ui;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.imagesmith.unattend.validation.Severity;

/**
 * The problem markers Apply to Image puts on an answer file (its own type, so that it replaces only its own). A
 * problem is marked once: not when another problem marker of the file (the editor's or the answer-file builder's)
 * already says it at that line, nor twice when the engine's refusal repeats what the check found.
 */
final class AnswerFileMarkers {
    /** The marker type, declared in plugin.xml as a problem marker and a text marker. */
    static final String TYPE = "org.imagesmith.ui.answerFileProblem";

    /** The problem code the validator's messages end with: " [code]". */
    private static final Pattern CODE = Pattern.compile("\\s*\\[[\\w.-]+\\]$");

    private AnswerFileMarkers() {
    }

    /** Replaces the file's markers of this type with these problems, in one workspace operation. */
    static void replace(IFile file, List<AnswerFileProblem> problems) throws CoreException {
        ResourcesPlugin.getWorkspace().run(monitor -> {
            if (!file.exists()) {
                return;
            }
            file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
            Set<String> marked = new HashSet<>();
            for (IMarker other : file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO)) {
                marked.add(key(other.getAttribute(IMarker.LINE_NUMBER, 0), other.getAttribute(IMarker.MESSAGE, "")));
            }
            for (AnswerFileProblem problem : problems) {
                if (!marked.add(key(problem.line(), problem.message()))) {
                    continue;
                }
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

    /** What makes two markers say the same: the line and the message without its problem code. */
    private static String key(int line, String message) {
        return line + ":" + CODE.matcher(message.strip()).replaceFirst("");
    }

    private static int severity(Severity severity) {
        return switch (severity) {
            case ERROR -> IMarker.SEVERITY_ERROR;
            case WARNING -> IMarker.SEVERITY_WARNING;
            case INFO -> IMarker.SEVERITY_INFO;
        };
    }
}
