package org.imagesmith.unattend.dsl.ui;

import static org.imagesmith.unattend.dsl.ui.EditorTesting.page;
import static org.imagesmith.unattend.dsl.ui.EditorTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.unattend.dsl.ui.contentassist.AnswerFileContentAssistProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer-file editor in a real workbench: the generic editor opened on *.unattend files, problems shown as the
 * user types, content assist, highlighting.
 */
@ExtendWith(NoLoggedErrors.class)
class AnswerFileEditorTest {
    static final String TEXT = """
            unattend {
                // lab machines
                pass windowsPE {
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = "true" }
                    }
                }
            }
            """;

    private IProject project;

    @BeforeEach
    void createProject() throws CoreException {
        project = EditorTesting.newProject("answer-files");
    }

    @AfterEach
    void closeEditorsAndDeleteProject() throws CoreException {
        page().closeAllEditors(false);
        project.delete(true, true, null);
    }

    private IFile file(String name, String text) throws CoreException {
        IFile file = project.getFile(name);
        file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        return file;
    }

    private static ITextEditor open(IFile file) throws CoreException {
        IEditorPart editor = IDE.openEditor(page(), file, AnswerFileLanguage.GENERIC_EDITOR);
        return assertInstanceOf(ITextEditor.class, editor);
    }

    private static IDocument document(ITextEditor editor) {
        return editor.getDocumentProvider().getDocument(editor.getEditorInput());
    }

    private static ITextViewer viewer(ITextEditor editor) {
        return assertInstanceOf(ITextViewer.class, editor.getAdapter(ITextOperationTarget.class));
    }

    private static List<IMarker> markers(IFile file) {
        try {
            return Arrays.asList(file.findMarkers(AnswerFileLanguage.PROBLEM_MARKER, false, IResource.DEPTH_ZERO));
        } catch (CoreException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IMarker markerWithCode(IFile file, String code) {
        return markers(file).stream().filter(marker -> code.equals(marker.getAttribute(AnswerFileLanguage.CODE, "")))
                .findFirst().orElse(null);
    }

    @Test
    void unattendFilesOpenInTheGenericEditorByDefault() {
        assertEquals(AnswerFileLanguage.CONTENT_TYPE,
                Platform.getContentTypeManager().findContentTypeFor("lab.unattend").getId());
        assertEquals(AnswerFileLanguage.GENERIC_EDITOR, PlatformUI.getWorkbench().getEditorRegistry()
                .getDefaultEditor("lab.unattend", Platform.getContentTypeManager().findContentTypeFor("lab.unattend"))
                .getId());
    }

    @Test
    void marksAProblemAsTheUserTypesAndClearsItWhenFixed() throws Exception {
        IFile file = file("lab.unattend", TEXT);
        ITextEditor editor = open(file);
        IDocument document = document(editor);
        waitFor("the first check of a valid file", () -> markers(file).isEmpty());

        int pass = document.get().indexOf("windowsPE");
        document.replace(pass, "windowsPE".length(), "offlineServicing");
        IMarker marker = waitFor("a wrong-pass marker", () -> markerWithCode(file, "wrong-pass"));
        String text = document.get();
        assertEquals(4, marker.getAttribute(IMarker.LINE_NUMBER, -1));
        assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
        assertEquals(text.indexOf("Microsoft-Windows-Setup"), marker.getAttribute(IMarker.CHAR_START, -1));
        assertEquals(text.indexOf("Microsoft-Windows-Setup") + "Microsoft-Windows-Setup".length(),
                marker.getAttribute(IMarker.CHAR_END, -1));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("does not act in the offlineServicing pass"),
                marker.getAttribute(IMarker.MESSAGE, ""));
        assertTrue(file.findMaxProblemSeverity(IMarker.PROBLEM, true, IResource.DEPTH_ZERO) == IMarker.SEVERITY_ERROR,
                "a problem marker, as the Problems view lists them");
        org.imagesmith.testsupport.Screenshots.save(editor.getSite().getShell(), "answer-file-editor-with-problem");

        document.replace(pass, "offlineServicing".length(), "windowsPE");
        waitFor("the marker to go once the pass is fixed", () -> markers(file).isEmpty());
        assertTrue(editor.isDirty(), "the file is checked as typed, not as saved");
    }

    @Test
    void quickFixMovesTheComponentToItsPassInTheOpenEditor() throws Exception {
        IFile file = file("fix.unattend", TEXT.replace("pass windowsPE", "pass oobeSystem"));
        ITextEditor editor = open(file);
        IMarker marker = waitFor("a wrong-pass marker", () -> markerWithCode(file, "wrong-pass"));
        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals(List.of("Move Microsoft-Windows-Setup to the windowsPE pass"),
                Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList());
        resolutions[0].run(marker);
        String fixed = document(editor).get();
        assertTrue(fixed.contains("pass windowsPE {\n        component Microsoft-Windows-Setup"), fixed);
        assertTrue(editor.isDirty(), "the fix is in the editor, for the user to save");
        waitFor("the marker to go", () -> markerWithCode(file, "wrong-pass") == null);
    }

    @Test
    void quickFixMovesASettingToAPassWhereItIsValid() throws Exception {
        String text = """
                unattend {
                    pass specialize {
                        component Microsoft-Windows-Shell-Setup amd64 {
                            RegisteredOwner = "Lab"
                        }
                    }
                    pass oobeSystem {
                        component Microsoft-Windows-Shell-Setup amd64 {
                            ComputerName = "LAB-PC-042"
                            TimeZone = "W. Europe Standard Time"
                        }
                    }
                }
                """;
        IFile file = file("setting.unattend", text);
        ITextEditor editor = open(file);
        IMarker marker = waitFor("a wrong-pass marker on the setting", () -> markerWithCode(file, "wrong-pass"));
        assertEquals(text.indexOf("ComputerName"), marker.getAttribute(IMarker.CHAR_START, -1));
        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals(List.of("Move ComputerName to the offlineServicing pass", "Move ComputerName to the specialize pass"),
                Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList());
        resolutions[1].run(marker);
        String fixed = document(editor).get();
        assertTrue(fixed.contains("RegisteredOwner = \"Lab\"\n            ComputerName = \"LAB-PC-042\"\n        }"), fixed);
        assertEquals(1, fixed.split("ComputerName", -1).length - 1, fixed);
        waitFor("the marker to go", () -> markerWithCode(file, "wrong-pass") == null);
        assertTrue(markers(file).isEmpty(), markers(file).toString());

        ITextOperationTarget operations = editor.getAdapter(ITextOperationTarget.class);
        operations.doOperation(ITextOperationTarget.UNDO);
        assertEquals(text, document(editor).get(), "one undo takes the fix back");
    }

    @Test
    void quickFixSetsTheArchitectureOfTheTargetImage() throws Exception {
        String text = TEXT.replace("Microsoft-Windows-Setup amd64", "Microsoft-Windows-Setup arm64");
        IFile file = file("arch.unattend", text);
        ITextEditor editor = open(file);
        waitFor("the first check, without a target image", () -> markers(file).isEmpty());

        file.setPersistentProperty(AnswerFileLanguage.TARGET_ARCHITECTURE, "amd64");
        org.imagesmith.unattend.dsl.ui.validation.ValidatingReconciler.recheck(file);
        IMarker marker = waitFor("an architecture-mismatch marker", () -> markerWithCode(file, "architecture-mismatch"));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("the image is amd64"), marker.getAttribute(IMarker.MESSAGE, ""));
        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals(List.of("Set processorArchitecture to amd64", "Set processorArchitecture to wow64"),
                Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList());
        resolutions[0].run(marker);
        assertEquals(TEXT, document(editor).get());
        waitFor("the marker to go", () -> markers(file).isEmpty());
    }

    @Test
    void thePropertyPageSetsTheTargetImageAndTheEditorChecksForIt() throws Exception {
        IFile file = file("page.unattend", TEXT.replace("Microsoft-Windows-Setup amd64", "Microsoft-Windows-Setup x86"));
        open(file);
        waitFor("the first check, without a target image", () -> markers(file).isEmpty());
        PreferenceDialog dialog = PreferencesUtil.createPropertyDialogOn(page().getWorkbenchWindow().getShell(), file,
                "org.imagesmith.unattend.dsl.ui.answerFilePage", null, null);
        assertNotNull(dialog, "the Answer File page is offered for answer files");
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            AnswerFilePropertyPage propertyPage = assertInstanceOf(AnswerFilePropertyPage.class, dialog.getSelectedPage());
            Combo combo = find(propertyPage.getControl(), Combo.class);
            assertEquals("(not checked)", combo.getText());
            combo.select(Arrays.asList(combo.getItems()).indexOf("amd64"));
            assertTrue(propertyPage.performOk());
        } finally {
            dialog.close();
        }
        assertEquals("amd64", file.getPersistentProperty(AnswerFileLanguage.TARGET_ARCHITECTURE));
        IMarker marker = waitFor("the open editor checks again, for amd64", () -> markerWithCode(file, "architecture-mismatch"));
        assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("processorArchitecture=\"x86\" and the image is amd64: Windows Setup skips it"));
    }

    private static <T> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void quickFixGivesAnArchitectureThatNamesNoneAValidOne() throws Exception {
        IFile file = file("amd65.unattend", TEXT.replace("Microsoft-Windows-Setup amd64", "Microsoft-Windows-Setup amd65"));
        ITextEditor editor = open(file);
        IMarker marker = waitFor("an invalid-architecture marker", () -> markerWithCode(file, "invalid-architecture"));
        IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
        assertEquals("Set processorArchitecture to x86", resolutions[0].getLabel());
        assertEquals(6, resolutions.length, "each component architecture");
        Arrays.stream(resolutions).filter(r -> r.getLabel().endsWith(" amd64")).findFirst().orElseThrow().run(marker);
        assertEquals(TEXT, document(editor).get());
        waitFor("the marker to go", () -> markers(file).isEmpty());
    }

    @Test
    void marksASyntaxErrorAtItsLine() throws Exception {
        IFile file = file("syntax.unattend", TEXT);
        ITextEditor editor = open(file);
        IDocument document = document(editor);
        int value = document.get().indexOf("\"true\"");
        document.replace(value, "\"true\"".length(), "");
        IMarker marker = waitFor("a syntax error marker", () -> markers(file).stream()
                .filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR
                        && m.getAttribute(AnswerFileLanguage.CODE, "").isEmpty())
                .findFirst().orElse(null));
        assertEquals(5, marker.getAttribute(IMarker.LINE_NUMBER, -1), marker.getAttribute(IMarker.MESSAGE, ""));
    }

    @Test
    void showsProblemsOfAFileOutsideTheWorkspaceAsAnnotations(@TempDir Path dir) throws Exception {
        Path outside = dir.resolve("outside.unattend");
        Files.writeString(outside, TEXT.replace("windowsPE", "oobeSystem"));
        ITextEditor editor = assertInstanceOf(ITextEditor.class,
                IDE.openEditor(page(), outside.toUri(), AnswerFileLanguage.GENERIC_EDITOR, true));
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        assertNotNull(model);
        Annotation error = waitFor("an error annotation", () -> {
            for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
                Annotation annotation = it.next();
                if (annotation.getType().equals("org.eclipse.ui.workbench.texteditor.error")) {
                    return annotation;
                }
            }
            return null;
        });
        assertTrue(error.getText().contains("does not act in the oobeSystem pass"), error.getText());
        assertEquals(document(editor).get().indexOf("Microsoft-Windows-Setup"), model.getPosition(error).getOffset());
    }

    @Test
    void proposesTheCatalogsComponentsAfterComponent() throws Exception {
        String text = "unattend {\n    pass offlineServicing {\n        component \n    }\n}\n";
        ITextEditor editor = open(file("assist.unattend", text));
        int offset = text.indexOf("component ") + "component ".length();
        ICompletionProposal[] proposals = new AnswerFileContentAssistProcessor()
                .computeCompletionProposals(viewer(editor), offset);
        List<String> shown = new ArrayList<>();
        for (ICompletionProposal proposal : proposals) {
            shown.add(proposal.getDisplayString());
        }
        int acting = indexOfStart(shown, "Microsoft-Windows-PnpCustomizationsNonWinPE");
        int notActing = indexOfStart(shown, "Microsoft-Windows-Setup");
        assertTrue(acting >= 0 && notActing >= 0, shown.toString());
        assertTrue(acting < notActing, "the components acting in offlineServicing come first: " + shown);

        IDocument document = document(editor);
        proposals[acting].apply(document);
        assertTrue(document.get().contains("component Microsoft-Windows-PnpCustomizationsNonWinPE\n"), document.get());
    }

    @Test
    void proposesTheRestOfATypedName() throws Exception {
        String text = "unattend {\n    pass windowsPE {\n        component Microsoft-Windows-Se\n    }\n}\n";
        ITextEditor editor = open(file("prefix.unattend", text));
        int offset = text.indexOf("-Se") + 3;
        ICompletionProposal[] proposals = new AnswerFileContentAssistProcessor()
                .computeCompletionProposals(viewer(editor), offset);
        ICompletionProposal setup = Arrays.stream(proposals)
                .filter(p -> p.getDisplayString().startsWith("Microsoft-Windows-Setup ")).findFirst().orElseThrow();
        assertFalse(Arrays.stream(proposals).anyMatch(p -> p.getDisplayString().startsWith("Microsoft-Windows-Pnp")));
        setup.apply(document(editor));
        assertTrue(document(editor).get().contains("        component Microsoft-Windows-Setup\n"), document(editor).get());
    }

    @Test
    void highlightsKeywordsStringsAndComments() throws Exception {
        ITextEditor editor = open(file("colours.unattend", TEXT));
        StyledText widget = viewer(editor).getTextWidget();
        int keyword = TEXT.indexOf("component");
        StyleRange range = waitFor("the keyword's style", () -> widget.getStyleRangeAtOffset(keyword + 2));
        assertEquals(new RGB(127, 0, 85), range.foreground.getRGB());
        assertEquals(SWT.BOLD, range.fontStyle & SWT.BOLD);
        StyleRange[] ranges = widget.getStyleRanges(keyword, "component".length());
        assertEquals(1, ranges.length, "one range over the whole keyword");
        assertEquals(keyword, ranges[0].start);
        assertEquals("component".length(), ranges[0].length);
        assertEquals(new RGB(42, 0, 255), widget.getStyleRangeAtOffset(TEXT.indexOf("\"true\"")).foreground.getRGB());
        assertEquals(new RGB(63, 127, 95), widget.getStyleRangeAtOffset(TEXT.indexOf("lab machines")).foreground.getRGB());
        StyleRange name = widget.getStyleRangeAtOffset(TEXT.indexOf("Windows-Setup"));
        assertTrue(name == null || name.foreground == null, "a component name is not a keyword");

        IDocument document = document(editor);
        document.replace(keyword, 0, "// ");
        waitFor("the new comment's colour over the old keyword", () -> {
            StyleRange now = widget.getStyleRangeAtOffset(keyword + 5);
            return now != null && now.foreground.getRGB().equals(new RGB(63, 127, 95));
        });
    }

    private static int indexOfStart(List<String> shown, String prefix) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).startsWith(prefix + " ")) {
                return i;
            }
        }
        return -1;
    }
}
