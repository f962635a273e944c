package org.imagesmith.ui;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.LaunchConfigurationDelegate;

/**
 * Runs an "Apply Answer File to Image" launch configuration: the apply of the Apply to Image... command
 * ({@link ApplyAnswerFile}), in the launch's thread with its progress monitor, shown in the Debug view as a process
 * whose Terminate cancels it. Problems of the answer file and refusals of the engine become markers and the
 * Images view's message, not launch errors; a configuration that does not say what to apply where is one.
 */
public final class ApplyLaunchDelegate extends LaunchConfigurationDelegate {
    /** The exit value of an apply that was done. */
    static final int DONE = 0;
    /** The exit value of an apply that was refused or failed. */
    static final int FAILED = 1;
    /** The exit value of an apply that was canceled. */
    static final int CANCELED = 2;

    @Override
    public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
            throws CoreException {
        ApplyLaunchConfigurations.Settings settings = ApplyLaunchConfigurations.read(configuration);
        IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
        ApplyAnswerFile apply = new ApplyAnswerFile(settings.answerFile(), settings.target(), settings.options());
        ApplyProcess process = new ApplyProcess(launch, apply.name(), progress);
        int exit = FAILED;
        try {
            exit = switch (apply.run(progress).result()) {
                case DONE -> DONE;
                case REFUSED, FAILED -> FAILED;
                case CANCELED -> CANCELED;
            };
        } finally {
            process.exited(exit);
        }
    }

    /** Nothing is built for an apply: the answer file is read as it is saved. */
    @Override
    public boolean buildForLaunch(ILaunchConfiguration configuration, String mode, IProgressMonitor monitor) {
        return false;
    }
}
