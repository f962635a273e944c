package org.imagesmith.ui;

import java.util.Optional;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Apply to Image... on an answer file (enabled, in plugin.xml, for one selected Unattend.xml or answer-file
 * language file): asks for the image and the engine's options (the dialog shows the /WhatIf plan on request), then
 * runs the launch configuration that applies the file to it with them (found or made), so that the apply is in the
 * Run history and is repeated with one click.
 */
public final class ApplyToImageHandler extends AbstractHandler {
    public static final String COMMAND_ID = "org.imagesmith.ui.commands.applyToImage";

    /** Chooses where and how to apply an answer file; empty when the user cancels. */
    @FunctionalInterface
    interface TargetChooser {
        Optional<ApplyChoice> choose(Shell shell, IFile answerFile);
    }

    /** How the handler and the launch shortcut ask for the target: the dialog, unless a test puts its choice here. */
    static volatile TargetChooser chooser = ApplyTargetDialog::choose;

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IFile answerFile = selectedFile(HandlerUtil.getCurrentSelection(event));
        if (answerFile == null) {
            return null;
        }
        Optional<ApplyChoice> choice = chooser.choose(HandlerUtil.getActiveShell(event), answerFile);
        if (choice.isEmpty()) {
            return null;
        }
        ILaunchConfiguration configuration;
        try {
            configuration = ApplyLaunchConfigurations.forTarget(answerFile, choice.get().target(), choice.get().options());
        } catch (CoreException e) {
            throw new ExecutionException("The launch configuration that applies " + answerFile.getFullPath()
                    + " cannot be saved: " + e.getMessage(), e);
        }
        DebugUITools.launch(configuration, ILaunchManager.RUN_MODE);
        return null;
    }

    private static IFile selectedFile(ISelection selection) {
        if (selection instanceof IStructuredSelection structured && structured.size() == 1) {
            return Adapters.adapt(structured.getFirstElement(), IFile.class);
        }
        return null;
    }
}
