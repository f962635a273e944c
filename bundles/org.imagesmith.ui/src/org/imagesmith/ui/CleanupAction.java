package org.imagesmith.ui;

import java.util.List;
import java.util.Optional;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.imagesmith.wim.TemporaryFiles;
import org.imagesmith.wim.mount.MountRecord;

/** Cleanup: removes the mounts whose status is Needs Remount or Invalid, and their files; Ok mounts stay. */
final class CleanupAction extends ServicingAction {
    CleanupAction(ImagesView view) {
        super(view, "Cleanup", "Remove the abandoned mounts (status Needs Remount or Invalid) and their files");
    }

    @Override
    void update(IStructuredSelection selection) {
        // works on the whole store, whatever is selected
    }

    @Override
    public void run() {
        if (MessageDialog.openConfirm(view.getSite().getShell(), "Cleanup", "Remove every mount whose status is"
                + " Needs Remount or Invalid, with the files left in its directory? Mounts that are Ok stay.")) {
            cleanup();
        }
    }

    /** Cleans the store up: the job that does it. */
    Optional<Job> cleanup() {
        return Optional.of(view.schedule("Cleanup of the mounted images", (images, log, monitor) -> {
            monitor.beginTask("Removing abandoned mounts", 1);
            List<MountRecord> cleaned = images.cleanup();
            cleaned.forEach(record -> log.info(ServicingJob.COMPONENT, "Cleaned up the mount at " + record.mountDir()));
            TemporaryFiles.removeOrphans().forEach(file -> log.info(ServicingJob.COMPONENT, "Removed " + file
                    + ", left by an Imagesmith command that was interrupted"));
            return cleaned.isEmpty() ? "No abandoned mounts to clean up."
                    : "Cleaned up " + cleaned.size() + (cleaned.size() == 1 ? " mount." : " mounts.");
        }));
    }
}
