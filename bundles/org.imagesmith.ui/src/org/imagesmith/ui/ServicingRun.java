package org.imagesmith.ui;

import java.io.IOException;
import java.util.List;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.ui.preferences.ServicingSettings;
import org.imagesmith.wim.mount.MountedImages;

/**
 * Runs a servicing operation in the calling thread with the log the settings name, at their level: what
 * {@link ServicingJob} does in a job, and what a launch of Apply to Image does in the launch's thread. The outcome
 * is a message to show instead of an error dialog, whether it failed or was canceled, and the mounts after it.
 */
final class ServicingRun {
    /**
     * What an operation came to.
     *
     * @param message what it did, or why it failed, for the view and the console
     * @param failed whether it failed (a canceled operation counts as failed)
     * @param canceled whether the monitor canceled it (what it had done is undone)
     * @param mounts the mounts as they are after it
     */
    record Outcome(String message, boolean failed, boolean canceled, List<MountEntry> mounts) {
    }

    private ServicingRun() {
    }

    /** Performs the operation named name and returns its outcome; ends the monitor. */
    static Outcome perform(String name, ServicingSettings settings, MountedImages images,
            ServicingJob.Operation operation, IProgressMonitor monitor) {
        String message;
        boolean failed = true;
        boolean canceled = false;
        try (ServicingLog log = ServicingLog.open(settings.logFile(), settings.logLevel())) {
            log.debug(ServicingJob.COMPONENT, name + " (scratch directory " + settings.scratchDirectory() + ")");
            try {
                message = operation.perform(images, log, monitor);
                log.info(ServicingJob.COMPONENT, message);
                failed = false;
            } catch (OperationCanceledException e) {
                canceled = true;
                message = name + " was canceled; what it had done is undone.";
                log.warning(ServicingJob.COMPONENT, message);
            } catch (IOException | RuntimeException e) {
                message = e.getMessage() != null ? e.getMessage() : e.toString();
                log.error(ServicingJob.COMPONENT, name + " failed: " + message);
                // what the engine refuses (an IOException) says what to do, in the view and the servicing log: that
                // is normal use, not an error of the IDE; only a bug (a RuntimeException) goes to the error log
                if (e instanceof RuntimeException) {
                    ILog.of(ServicingRun.class).log(Status.error(name + " failed: " + message, e));
                }
            }
        } catch (ServicingException | IOException e) {
            message = name + " was not done: " + e.getMessage() + " (change the log file in Preferences > Imagesmith).";
        } finally {
            monitor.done();
        }
        List<MountEntry> mounts;
        try {
            mounts = MountStores.entries(images);
        } catch (IOException e) {
            mounts = List.of();
            message += " The mounted images cannot be listed: " + e.getMessage();
            failed = true;
        }
        return new Outcome(message, failed, canceled, mounts);
    }
}
