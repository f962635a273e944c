package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.validation.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Apply to Image marks each problem once, and not what the editor or the builder already marks. */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileMarkersTest {
    private IProject project;
    private IFile file;

    @BeforeEach
    void createFile() throws Exception {
        project = ResourcesPlugin.getWorkspace().getRoot().getProject("markers");
        project.create(null);
        project.open(null);
        file = project.getFile("unattend.xml");
        file.create(new ByteArrayInputStream("<unattend/>".getBytes()), true, null);
    }

    @AfterEach
    void deleteProject() throws Exception {
        project.delete(true, true, null);
    }

    @Test
    void aProblemAlreadyMarkedOrRepeatedByTheEngineIsMarkedOnce() throws Exception {
        IMarker editors = file.createMarker(IMarker.PROBLEM);
        editors.setAttribute(IMarker.LINE_NUMBER, 3);
        editors.setAttribute(IMarker.MESSAGE, "the package P has no feature F");
        List<AnswerFileProblem> problems = List.of(
                new AnswerFileProblem(Severity.ERROR, 3, 5, "the package P has no feature F [missing-feature]"),
                new AnswerFileProblem(Severity.WARNING, 7, 1, "the update comes before the language pack [update-before-language-pack]"),
                new AnswerFileProblem(Severity.WARNING, 7, 1, "the update comes before the language pack"));
        for (int apply = 0; apply < 2; apply++) {
            AnswerFileMarkers.replace(file, problems);
            List<IMarker> marked = Arrays.asList(file.findMarkers(AnswerFileMarkers.TYPE, false, IResource.DEPTH_ZERO));
            assertEquals(List.of(7), marked.stream().map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0)).toList(),
                    "apply " + (apply + 1) + ": one marker, for what no other marker says");
        }
        assertEquals(2, file.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO).length);
    }
}
