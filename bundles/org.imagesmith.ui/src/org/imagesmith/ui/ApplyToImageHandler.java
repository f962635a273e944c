package org.imagesmith.ui;

import java.util.Optional;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Apply to Image... on an answer file (enabled, in plugin.xml, for one selected file of the answer-file content
 * type): asks for the image, then validates and applies the file's offlineServicing pass in a job.
 */
public final class ApplyToImageHandler extends AbstractHandler {
    public static final String COMMAND_ID = "org.imagesmith.ui.commands.applyToImage";

    /** Chooses where to apply an answer file; empty when the user cancels. */
    @FunctionalInterface
    interface TargetChooser {
        Optional<ApplyTarget> choose(Shell shell, IFile answerFile);
    }

    /** How the handler asks for the target: the dialog, unless a test puts its choice here. */
    static volatile TargetChooser chooser = ApplyTargetDialog::choose;

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IFile answerFile = selectedFile(HandlerUtil.getCurrentSelection(event));
        if (answerFile == null) {
            return null;
        }
        Optional<ApplyTarget> target = chooser.choose(HandlerUtil.getActiveShell(event), answerFile);
        if (target.isEmpty()) {
            return null;
        }
        ApplyTarget.remember(answerFile, target.get());
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        IStatusLineManager statusLine = part == null ? null : statusLine(part.getSite());
        if (statusLine != null) {
            statusLine.setErrorMessage(null);
        }
        try {
            new ApplyAnswerFile(answerFile, target.get()).start(message -> {
                if (statusLine != null) {
                    statusLine.setErrorMessage(message);
                }
            });
        } catch (CoreException e) {
            throw new ExecutionException("The markers of " + answerFile.getFullPath() + " cannot be set: "
                    + e.getMessage(), e);
        }
        return null;
    }

    private static IFile selectedFile(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.size() == 1) {
            return Adapters.adapt(structured.getFirstElement(), IFile.class);
        }
        return null;
    }

    private static IStatusLineManager statusLine(IWorkbenchPartSite site) {
        if (site instanceof IViewSite view) {
            return view.getActionBars().getStatusLineManager();
        }
        return site instanceof IEditorSite editor ? editor.getActionBars().getStatusLineManager() : null;
    }
}
