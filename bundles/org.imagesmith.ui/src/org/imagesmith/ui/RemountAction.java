package org.imagesmith.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.imagesmith.wim.mount.MountStatus;

/** Remount: applies the image again into a mount directory that lost its contents (status Needs Remount). */
final class RemountAction extends ServicingAction {
    private MountEntry entry;

    RemountAction(ImagesView view) {
        super(view, "Remount", "Apply the image again into a mount directory that lost its contents");
        setEnabled(false);
    }

    @Override
    void update(IStructuredSelection selection) {
        entry = single(selection, MountEntry.class).orElse(null);
        setEnabled(entry != null && entry.status() == MountStatus.NEEDS_REMOUNT);
    }

    @Override
    public void run() {
        if (entry != null) {
            remount(entry);
        }
    }

    /** Remounts this mount: the job that does it (not cancelable: a partial tree would look mounted). */
    Optional<Job> remount(MountEntry mount) {
        Path dir = mount.record().mountDir();
        return Optional.of(view.schedule("Remount " + dir, (images, log, monitor) -> {
            log.info(ServicingJob.COMPONENT, "Remounting " + dir);
            images.remount(dir, new EngineProgress(monitor, "Applying the image again into " + dir, false));
            return "Remounted " + dir + ".";
        }));
    }
}
