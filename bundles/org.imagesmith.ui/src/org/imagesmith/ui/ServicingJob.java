package org.imagesmith.ui;

import java.io.IOException;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.ui.preferences.ServicingSettings;
import org.imagesmith.wim.mount.MountedImages;

/**
 * A mount operation run as a job of the {@link ImagesView#JOB_FAMILY} family: it logs to the log the preferences
 * name, at their level (see {@link ServicingRun}), and reports its outcome (a message, whether it failed, and the
 * mounts as they are after it) to the view instead of an error dialog.
 */
final class ServicingJob extends Job {
    static final String COMPONENT = "Imagesmith IDE";

    /** What the job does; returns the message the view shows when it succeeds. */
    @FunctionalInterface
    interface Operation {
        String perform(MountedImages images, ServicingLog log, IProgressMonitor monitor) throws IOException;
    }

    /** Receives the outcome, in the job's thread. */
    @FunctionalInterface
    interface Outcome {
        void finished(String message, boolean failed, List<MountEntry> mounts);
    }

    private final ServicingSettings settings;
    private final MountedImages images;
    private final Operation operation;
    private final Outcome outcome;

    ServicingJob(String name, ServicingSettings settings, MountedImages images, Operation operation, Outcome outcome) {
        super(name);
        this.settings = settings;
        this.images = images;
        this.operation = operation;
        this.outcome = outcome;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return ImagesView.JOB_FAMILY.equals(family);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        ServicingRun.Outcome done = ServicingRun.perform(getName(), settings, images, operation, monitor);
        outcome.finished(done.message(), done.failed(), done.mounts());
        return done.canceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }
}
