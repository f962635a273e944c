package org.imagesmith.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.imagesmith.wim.mount.MountRecord;

/** Mount...: asks for the mount directory and read-only, then applies the selected image there (cancelable). */
final class MountAction extends ServicingAction {
    private ImageNode image;

    MountAction(ImagesView view) {
        super(view, "Mount...", "Mount the selected image into an empty directory");
        setEnabled(false);
    }

    @Override
    void update(IStructuredSelection selection) {
        image = single(selection, ImageNode.class).orElse(null);
        setEnabled(image != null);
    }

    @Override
    public void run() {
        if (image == null) {
            return;
        }
        String proposed = MountRequest.proposedDirectory(image,
                ImagesmithPreferences.settings().scratchDirectory());
        MountDialog dialog = new MountDialog(view.getSite().getShell(), new MountRequest(image, proposed, false));
        if (dialog.open() == Window.OK) {
            mount(dialog.request());
        }
    }

    /** Mounts as the dialog's request says: the job that does it, or empty when the request cannot be done. */
    Optional<Job> mount(MountRequest request) {
        Optional<String> problem = request.problem();
        if (problem.isPresent()) {
            view.showStatus(problem.get(), true);
            return Optional.empty();
        }
        Path wim = request.image().file().location();
        int index = request.image().image().index();
        Path dir = request.mountPath();
        String access = request.readOnly() ? "read-only" : "read/write";
        return Optional.of(view.schedule("Mount image " + index + " of " + wim.getFileName(), (images, log, monitor) -> {
            log.info(ServicingJob.COMPONENT, "Mounting image " + index + " of " + wim + " at " + dir + " " + access);
            Files.createDirectories(dir);
            MountRecord record = images.mount(wim, index, dir, request.readOnly(),
                    new EngineProgress(monitor, "Applying image " + index + " into " + dir, true));
            return "Mounted image " + index + " of " + wim + " at " + record.mountDir() + " (" + access + ").";
        }));
    }
}
