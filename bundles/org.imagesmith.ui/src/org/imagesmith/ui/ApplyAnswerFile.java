package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.MessageConsoleStream;
import org.imagesmith.servicing.DirectoryImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.unattend.UnattendServicing;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.imagesmith.ui.preferences.ServicingSettings;
import org.imagesmith.unattend.validation.Severity;
import org.imagesmith.wim.CommitResult;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountedImages;

/**
 * Apply to Image: validates an answer file for the image (its problems become markers; errors stop it), then
 * applies its offlineServicing pass in a {@link ServicingJob}: to an image of a WIM file by mounting it into the
 * scratch directory, applying, committing and unmounting (discarding on failure or cancel), or to a read/write
 * mount in place. The servicing log is followed in the "Imagesmith servicing" console; a refusal of the engine
 * becomes markers at the lines it names; the Images view shows the outcome.
 */
final class ApplyAnswerFile {
    private static final String COMPONENT = ServicingJob.COMPONENT;

    private final IFile answerFile;
    private final Path location;
    private final ApplyTarget target;
    private final ServicingSettings settings;

    ApplyAnswerFile(IFile answerFile, ApplyTarget target) {
        this.answerFile = answerFile;
        IPath path = answerFile.getLocation();
        this.location = path == null ? null : path.toFile().toPath().toAbsolutePath().normalize();
        this.target = target;
        this.settings = ImagesmithPreferences.settings();
    }

    /**
     * Validates, then schedules the job that applies the file: the job, or empty when the file has errors (the
     * markers say which) or the target cannot be serviced (refusal says why).
     */
    Optional<Job> start(Consumer<String> refusal) throws CoreException {
        MountedImages images = MountStores.mountedImages();
        Optional<String> problem = targetProblem(images);
        if (problem.isPresent()) {
            refusal.accept(problem.get());
            return Optional.empty();
        }
        List<AnswerFileProblem> problems = AnswerFileCheck.check(location, architecture(images));
        AnswerFileMarkers.replace(answerFile, problems);
        MessageConsoleStream console = ServicingConsole.newStream();
        ServicingConsole.show();
        String name = "Apply " + answerFile.getName() + " to " + target.describe();
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        if (errors > 0) {
            String message = name + " was not done: the answer file has " + errors + (errors == 1 ? " error" : " errors")
                    + " (see the Problems view).";
            problems.forEach(p -> console.println(p.describe(answerFile.getFullPath().toString())));
            console.println(message);
            ServicingConsole.close(console);
            refusal.accept(message);
            return Optional.empty();
        }
        console.println(name + " (log " + settings.logFile() + ", level " + settings.logLevel().number() + ")");
        Job job = job(name, images, problems, console);
        job.schedule();
        return Optional.of(job);
    }

    /** The job that applies the file, follows the log into the console and sets the markers at its end. */
    private Job job(String name, MountedImages images, List<AnswerFileProblem> problems, MessageConsoleStream console) {
        LogFollower follower = new LogFollower(settings.logFile(), console::println);
        AtomicReference<String> refused = new AtomicReference<>();
        return new ServicingJob(name, settings, images, (mounts, log, monitor) -> {
            follower.start();
            try {
                if (target instanceof ApplyTarget.WimImage wim) {
                    return applyToWim(mounts, wim, log, monitor, follower, console);
                }
                return applyInPlace(((ApplyTarget.MountedImage) target).mountDir(), log, monitor, follower, console);
            } catch (EngineRefusal e) {
                refused.set(e.getMessage());
                throw e;
            }
        }, (message, failed, mounts) -> {
            follower.close();
            console.println(message);
            ServicingConsole.close(console);
            List<AnswerFileProblem> markers = new ArrayList<>(problems);
            if (refused.get() != null) {
                markers.addAll(AnswerFileProblem.ofFailure(refused.get(), location.toString()));
            }
            try {
                AnswerFileMarkers.replace(answerFile, markers);
            } catch (CoreException e) {
                ILog.of(ApplyAnswerFile.class).log(e.getStatus());
            }
            showInImagesViews(message, failed, mounts);
        });
    }

    private Optional<String> targetProblem(MountedImages images) {
        if (location == null) {
            return Optional.of(answerFile.getFullPath() + " is not in the local file system.");
        }
        if (target instanceof ApplyTarget.MountedImage mounted) {
            try {
                MountRecord record = images.record(mounted.mountDir());
                if (!record.readWrite()) {
                    return Optional.of("The image at " + mounted.mountDir() + " is mounted read-only; mount it again"
                            + " without Read-only to apply an answer file to it.");
                }
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The image's architecture as answer files name it, from the WIM file's XML data; empty when unknown. */
    private String architecture(MountedImages images) {
        Path wim;
        int index;
        if (target instanceof ApplyTarget.WimImage image) {
            if (!image.architecture().isEmpty()) {
                return image.architecture();
            }
            wim = image.wimFile();
            index = image.index();
        } else {
            try {
                MountRecord record = images.record(((ApplyTarget.MountedImage) target).mountDir());
                wim = record.imageFile();
                index = record.imageIndex();
            } catch (IOException e) {
                return "";
            }
        }
        try (WimFile file = WimFile.open(wim)) {
            ImageInfo info = file.image(index);
            return info.windows().flatMap(WindowsInfo::architecture).map(AnswerFileCheck::answerFileName).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private String applyToWim(MountedImages images, ApplyTarget.WimImage image, ServicingLog log,
            IProgressMonitor monitor, LogFollower follower, MessageConsoleStream console) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Applying " + answerFile.getName() + " to "
                + image.describe(), 100);
        Path mountDir = Files.createTempDirectory(Files.createDirectories(settings.scratchDirectory()), "apply-");
        boolean mounted = false;
        boolean committed = false;
        try {
            log.info(COMPONENT, "Mounting " + image.describe() + " at " + mountDir + " to apply " + location);
            images.mount(image.wimFile(), image.index(), mountDir, false,
                    new EngineProgress(progress.split(40), "Mounting " + image.describe(), true));
            mounted = true;
            UnattendServicing.Result result = applyTo(mountDir, log, progress.split(10));
            report(result, follower, console);
            progress.checkCanceled();
            log.info(COMPONENT, "Committing " + mountDir + " into " + image.describe());
            CommitResult commit = images.commit(mountDir, false,
                    new EngineProgress(progress.split(50), "Saving " + image.describe(), true));
            commit.warnings().forEach(warning -> log.warning(COMPONENT, warning));
            committed = true;
            images.discard(mountDir);
            WorkspaceWimFiles.refresh(image.wimFile());
            return "Applied " + answerFile.getName() + " to " + image.describe() + ": " + result.actions().size()
                    + (result.actions().size() == 1 ? " change" : " changes")
                    + (result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings in the log") + ".";
        } finally {
            boolean unmounted = !mounted || committed;
            if (!unmounted) {
                log.info(COMPONENT, "Discarding " + mountDir + "; " + image.describe() + " is left as it was");
                try {
                    images.discard(mountDir);
                    unmounted = true;
                } catch (IOException e) {
                    log.error(COMPONENT, "The mount " + mountDir + " cannot be discarded: " + e.getMessage()
                            + " Use Cleanup in the Images view.");
                }
            }
            if (unmounted) {
                deleteEmpty(mountDir, log);
            }
        }
    }

    private String applyInPlace(Path mountDir, ServicingLog log, IProgressMonitor monitor, LogFollower follower,
            MessageConsoleStream console) throws IOException {
        UnattendServicing.Result result = applyTo(mountDir, log, SubMonitor.convert(monitor, "Applying "
                + answerFile.getName() + " to " + target.describe(), 1));
        report(result, follower, console);
        return "Applied " + answerFile.getName() + " to " + target.describe() + ": " + result.actions().size()
                + (result.actions().size() == 1 ? " change" : " changes") + "; commit the mount to save them.";
    }

    private UnattendServicing.Result applyTo(Path root, ServicingLog log, SubMonitor monitor) throws IOException {
        monitor.setWorkRemaining(1);
        monitor.subTask("Applying the offlineServicing pass of " + answerFile.getName());
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        ServicingSession session;
        try {
            session = ServicingSession.open(DirectoryImage.open(root), log, Optional.of(settings.scratchDirectory()));
        } catch (ServicingException e) {
            throw new IOException(e.getMessage(), e); // about the image, not the answer file
        }
        try (session) {
            return new UnattendServicing(session).apply(location);
        } catch (ServicingException e) {
            throw new EngineRefusal(e);
        } finally {
            monitor.worked(1);
        }
    }

    /** Shows what was done after the log lines written so far. */
    private static void report(UnattendServicing.Result result, LogFollower follower, MessageConsoleStream console) {
        follower.pump();
        result.actions().forEach(action -> console.println("  " + action));
    }

    private static void deleteEmpty(Path dir, ServicingLog log) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            log.warning(COMPONENT, "The scratch folder " + dir + " cannot be deleted: " + e.getMessage());
        }
    }

    private static void showInImagesViews(String message, boolean failed, List<MountEntry> mounts) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
            for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
                for (IWorkbenchPage page : window.getPages()) {
                    IViewPart part = page.findView(ImagesView.ID);
                    if (part instanceof ImagesView view) {
                        view.finished(message, failed, mounts);
                    }
                }
            }
        });
    }

    /** The engine refused the answer file or failed applying it; the image is as it was. */
    private static final class EngineRefusal extends IOException {
        private static final long serialVersionUID = 1L;

        EngineRefusal(ServicingException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
