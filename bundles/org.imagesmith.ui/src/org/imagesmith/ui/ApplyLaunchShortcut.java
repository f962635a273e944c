package org.imagesmith.ui;

import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.ElementListSelectionDialog;

/**
 * Run As > Apply to Image on an answer file (Unattend.xml or answer-file language text): runs the file's
 * "Apply Answer File to Image" configuration, the one it has, the one chosen when it has several, or a new one for
 * the image chosen in the Apply to Image dialog.
 */
public final class ApplyLaunchShortcut implements ILaunchShortcut2 {
    @Override
    public void launch(ISelection selection, String mode) {
        answerFile(selection).ifPresent(file -> launch(file, mode));
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        answerFile(editor).ifPresent(file -> launch(file, mode));
    }

    private static void launch(IFile answerFile, String mode) {
        Shell shell = activeShell();
        try {
            configuration(answerFile, shell).ifPresent(configuration -> DebugUITools.launch(configuration, mode));
        } catch (CoreException e) {
            ErrorDialog.openError(shell, "Apply to Image", "The launch configurations of " + answerFile.getFullPath()
                    + " cannot be read or saved.", e.getStatus());
        }
    }

    /**
     * The configuration to run for the answer file: its only one, the one chosen among several, or one made for
     * the target chosen (empty when the user cancels).
     */
    static Optional<ILaunchConfiguration> configuration(IFile answerFile, Shell shell) throws CoreException {
        List<ILaunchConfiguration> existing = ApplyLaunchConfigurations.of(answerFile);
        if (existing.size() == 1) {
            return Optional.of(existing.get(0));
        }
        if (existing.size() > 1) {
            return choose(shell, existing);
        }
        Optional<ApplyChoice> choice = ApplyToImageHandler.chooser.choose(shell, answerFile);
        return choice.isEmpty() ? Optional.empty() : Optional.of(ApplyLaunchConfigurations.forTarget(answerFile,
                choice.get().target(), choice.get().options()));
    }

    private static Optional<ILaunchConfiguration> choose(Shell shell, List<ILaunchConfiguration> configurations) {
        IDebugModelPresentation labels = DebugUITools.newDebugModelPresentation();
        try {
            ElementListSelectionDialog dialog = new ElementListSelectionDialog(shell, labels);
            dialog.setTitle("Apply to Image");
            dialog.setMessage("The answer file has several launch configurations; choose the one to run:");
            dialog.setElements(configurations.toArray());
            dialog.setMultipleSelection(false);
            return dialog.open() == Window.OK ? Optional.of((ILaunchConfiguration) dialog.getFirstResult())
                    : Optional.empty();
        } finally {
            labels.dispose();
        }
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return configurations(answerFile(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return configurations(answerFile(editor));
    }

    /** The file's configurations; null (as the interface wants) when it is not an answer file or has none. */
    private static ILaunchConfiguration[] configurations(Optional<IFile> answerFile) {
        if (answerFile.isEmpty()) {
            return null;
        }
        try {
            List<ILaunchConfiguration> configurations = ApplyLaunchConfigurations.of(answerFile.get());
            return configurations.isEmpty() ? null : configurations.toArray(ILaunchConfiguration[]::new);
        } catch (CoreException e) {
            return null;
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return answerFile(selection).orElse(null);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return answerFile(editor).orElse(null);
    }

    private static Optional<IFile> answerFile(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.size() == 1) {
            return accepted(Adapters.adapt(structured.getFirstElement(), IFile.class));
        }
        return Optional.empty();
    }

    private static Optional<IFile> answerFile(IEditorPart editor) {
        return editor == null ? Optional.empty() : accepted(Adapters.adapt(editor.getEditorInput(), IFile.class));
    }

    private static Optional<IFile> accepted(IFile file) {
        return file != null && AnswerFileInput.accepts(file) ? Optional.of(file) : Optional.empty();
    }

    private static Shell activeShell() {
        Display display = PlatformUI.getWorkbench().getDisplay();
        Shell shell = display.getActiveShell();
        if (shell != null) {
            return shell;
        }
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return window != null ? window.getShell() : PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
    }
}
