package org.imagesmith.unattend.dsl.ui.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.dsl.ui.EditorTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer-file builder: every answer file of a project is checked without being opened, with one marker per
 * problem, replaced when the file changes, gone with the file; an editor's unsaved text does not stay marked once
 * the editor is closed.
 */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileBuilderTest {
    /** A component in a pass where it does not act: one error (wrong-pass). */
    private static final String WRONG_PASS = """
            unattend {
                pass offlineServicing {
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = "true" }
                    }
                }
            }
            """;
    private static final String VALID = WRONG_PASS.replace("offlineServicing", "windowsPE");

    private IProject project;

    @BeforeAll
    static void watchTheWorkspace() {
        AnswerFileProjects.start(); // what the workbench's early start-up does, maybe not yet when the tests begin
    }

    @BeforeEach
    void createProject() throws CoreException {
        project = EditorTesting.newProject("builder");
    }

    @AfterEach
    void deleteProject() throws Exception {
        EditorTesting.page().closeAllEditors(false);
        settle();
        project.delete(true, true, null);
    }

    @Test
    void marksEveryAnswerFileOfAProjectWithoutOpeningIt() throws Exception {
        IFile broken = create("broken.unattend", WRONG_PASS);
        IFile valid = create("valid.unattend", VALID);
        IFile notes = create("notes.txt", WRONG_PASS);
        settle();
        assertTrue(AnswerFileProjects.hasBuilder(project), "the project holding answer files got the builder");
        List<IMarker> markers = markers(broken);
        assertEquals(AnswerFileChecks.checkText(WRONG_PASS, null, null, () -> false).size(), markers.size(),
                "one marker per problem: " + markers);
        assertEquals(List.of("wrong-pass"), markers.stream().map(m -> m.getAttribute(AnswerFileLanguage.CODE, "")).toList());
        assertEquals(3, markers.get(0).getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(List.of(), markers(valid));
        assertEquals(List.of(), markers(notes), "a file that is not an answer file is not checked");
        assertEquals(IMarker.SEVERITY_ERROR, project.findMaxProblemSeverity(IMarker.PROBLEM, true, IResource.DEPTH_INFINITE),
                "the Problems view lists it");
    }

    @Test
    void replacesTheMarkersWhenTheFileChangesAndDropsThemWithTheFile() throws Exception {
        IFile file = create("lab.unattend", WRONG_PASS);
        settle();
        assertEquals(1, markers(file).size());
        for (int i = 0; i < 3; i++) {
            file.setContents(bytes(WRONG_PASS + "\n"), true, false, null);
            settle();
            assertEquals(1, markers(file).size(), "still one marker after save " + (i + 1));
        }
        file.setContents(bytes(VALID), true, false, null);
        settle();
        assertEquals(List.of(), markers(file), "fixed on disk, no marker");
        file.setContents(bytes(WRONG_PASS), true, false, null);
        settle();
        assertEquals(1, markers(file).size());
        file.delete(true, null);
        settle();
        assertEquals(0, project.findMarkers(AnswerFileLanguage.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE).length);
    }

    @Test
    void checksForTheWindowsVersionOfTheAnswerFileProperty() throws Exception {
        String windows10 = """
                unattend {
                    pass specialize {
                        component Microsoft-Windows-SystemSettingsThreshold amd64 {
                            DisplayNetworkSelection = "false"
                        }
                    }
                }
                """;
        IFile file = create("windows10.unattend", windows10);
        settle();
        assertEquals(List.of("not-in-version"), markers(file).stream().map(m -> m.getAttribute(AnswerFileLanguage.CODE, ""))
                .toList(), "Windows 7 when the file names no version");
        file.setPersistentProperty(AnswerFileLanguage.TARGET_VERSION, "10");
        file.setContents(bytes(windows10), true, false, null);
        settle();
        assertEquals(List.of(), markers(file), "Windows 10 has the component");
    }

    @Test
    void anEditorsUnsavedTextIsNotMarkedOnceItIsClosed() throws Exception {
        IFile file = create("typed.unattend", VALID);
        settle();
        assertEquals(List.of(), markers(file));
        ITextEditor editor = (ITextEditor) IDE.openEditor(EditorTesting.page(), file, AnswerFileLanguage.GENERIC_EDITOR);
        IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        int pass = document.get().indexOf("windowsPE");
        document.replace(pass, "windowsPE".length(), "offlineServicing");
        EditorTesting.waitFor("the editor to mark what is typed", () -> markers(file).size() == 1);
        EditorTesting.page().closeEditor(editor, false);
        settle();
        EditorTesting.waitFor("the markers of the saved (valid) file once the editor is closed", () -> markers(file).isEmpty());
    }

    private IFile create(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        file.create(bytes(text), true, null);
        return file;
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<IMarker> markers(IFile file) {
        try {
            return file.exists() ? Arrays.asList(file.findMarkers(AnswerFileLanguage.PROBLEM_MARKER, false, IResource.DEPTH_ZERO))
                    : List.of();
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the set-up of projects, the builds and the rechecks, running the event loop meanwhile. */
    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            processEvents();
            Job.getJobManager().join(AnswerFileProjects.FAMILY, null);
            Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
            Job.getJobManager().join(ResourcesPlugin.FAMILY_MANUAL_BUILD, null);
        }
        processEvents();
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display != null && display.readAndDispatch()) {
            // drain
        }
    }
}
