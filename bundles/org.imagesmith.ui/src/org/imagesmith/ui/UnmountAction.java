package org.imagesmith.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.mount.MountStatus;

/**
 * Unmount (Commit) saves the mount directory back into its image, then unmounts (cancelable: the engine writes
 * the new file beside the old one); Unmount (Discard) throws the changes away.
 */
final class UnmountAction extends ServicingAction {
    private final boolean commit;
    private MountEntry entry;

    UnmountAction(ImagesView view, boolean commit) {
        super(view, commit ? "Unmount (Commit)" : "Unmount (Discard)",
                commit ? "Save the changes into the WIM file, then unmount" : "Unmount without saving the changes");
        this.commit = commit;
        setEnabled(false);
    }

    @Override
    void update(IStructuredSelection selection) {
        entry = single(selection, MountEntry.class).orElse(null);
        if (!commit) {
            setEnabled(entry != null);
            return;
        }
        String reason = entry == null ? "Select a mounted image."
                : !entry.record().readWrite() ? "Commit is not available: the image is mounted read-only. Unmount"
                        + " it with Discard; to change the image, mount it again without Read-only."
                : entry.status() == MountStatus.NEEDS_REMOUNT ? "Commit is not available: the mount directory lost"
                        + " its contents. Remount it first, or discard it."
                : entry.status() == MountStatus.INVALID ? "Commit is not available: the WIM file is missing or was"
                        + " changed since the mount. Discard it."
                : null;
        setEnabled(reason == null);
        setToolTipText(reason == null ? "Save the changes into the WIM file, then unmount" : reason);
    }

    @Override
    public void run() {
        if (entry == null) {
            return;
        }
        if (!commit && !MessageDialog.openConfirm(view.getSite().getShell(), "Unmount (Discard)", "Discard the"
                + " changes made at " + entry.record().mountDir() + " and unmount it? The directory is emptied.")) {
            return;
        }
        unmount(entry);
    }

    /** Unmounts this mount: the job that does it. */
    Optional<Job> unmount(MountEntry mount) {
        Path dir = mount.record().mountDir();
        if (!commit) {
            return Optional.of(view.schedule("Unmount " + dir + " (Discard)", (images, log, monitor) -> {
                log.info(ServicingJob.COMPONENT, "Unmounting " + dir + ", discarding the changes");
                monitor.beginTask("Deleting the files of " + dir, 1);
                images.discard(dir);
                return "Unmounted " + dir + "; the changes were discarded.";
            }));
        }
        return Optional.of(view.schedule("Unmount " + dir + " (Commit)", (images, log, monitor) -> {
            log.info(ServicingJob.COMPONENT, "Committing " + dir + " into image " + mount.record().imageIndex()
                    + " of " + mount.record().imageFile());
            Optional<CommitResult> saved = images.unmountCommitting(dir, false,
                    new EngineProgress(monitor, "Saving " + dir, true));
            saved.ifPresent(result -> result.warnings().forEach(warning -> log.warning(ServicingJob.COMPONENT, warning)));
            WorkspaceWimFiles.refresh(mount.record().imageFile());
            return saved.map(result -> "Committed " + dir + " into image " + mount.record().imageIndex() + " of "
                    + mount.record().imageFile() + " (" + result.files() + " files, " + result.directories()
                    + " directories" + (result.warnings().isEmpty() ? "" : ", " + result.warnings().size()
                            + " warnings in the log") + ") and unmounted it.")
                    .orElse("Finished unmounting " + dir + "; its changes had been saved by the unmount that was"
                            + " interrupted.");
        }));
    }
}
