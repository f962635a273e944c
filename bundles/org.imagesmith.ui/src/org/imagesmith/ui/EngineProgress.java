package org.imagesmith.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.imagesmith.wim.ApplyProgress;
import org.imagesmith.wim.WriteProgress;

/**
 * Feeds an {@link IProgressMonitor} from the engine's byte counts. When the operation may be canceled (the engine
 * undoes it on an exception from its progress callback), a canceled monitor stops it with
 * {@link OperationCanceledException}.
 */
final class EngineProgress implements ApplyProgress, WriteProgress {
    static final int UNITS = 1000;

    private final IProgressMonitor monitor;
    private final boolean cancelable;
    private int reported;

    /** Begins the monitor's task; call {@link IProgressMonitor#done()} afterwards. */
    EngineProgress(IProgressMonitor monitor, String task, boolean cancelable) {
        this.monitor = monitor;
        this.cancelable = cancelable;
        monitor.beginTask(task, UNITS);
    }

    @Override
    public void bytesApplied(long done, long total) {
        report(done, total);
    }

    @Override
    public void bytesWritten(long done, long total) {
        report(done, total);
    }

    private void report(long done, long total) {
        if (cancelable && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        if (total > 0) {
            int units = (int) Math.min(UNITS, Math.max(0, done) * UNITS / total);
            if (units > reported) {
                monitor.worked(units - reported);
                reported = units;
            }
        }
    }
}
