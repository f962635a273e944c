package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.MessageConsoleStream;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingLog;
import org.imagesmith.servicing.ServicingTarget;
import org.imagesmith.servicing.unattend.UnattendServicing;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.imagesmith.ui.preferences.ServicingSettings;
import org.imagesmith.unattend.validation.Severity;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountedImages;

/**
 * Apply to Image, the one service behind the Apply to Image... command and the "Apply Answer File to Image"
 * launch configurations. It checks an answer file (Unattend.xml, or answer-file language text) for the image (its
 * problems become markers; errors stop it), then applies its offlineServicing pass in the calling thread, with
 * the monitor's progress and cancel: to an image of a WIM file in place (only what the file reads is extracted into
 * the scratch directory, only what it changes is written back; nothing on failure or cancel), or to a read/write
 * mount in place. With
 * /WhatIf it only says what it would change. The servicing log is followed in the "Imagesmith servicing" console;
 * a refusal of the engine becomes markers at the lines it names; the Images view shows the outcome.
 */
final class ApplyAnswerFile {
    private static final String COMPONENT = ServicingJob.COMPONENT;

    /** How a run ended. */
    enum Result {
        /** applied, or with /WhatIf checked and reported */
        DONE,
        /** not done: the answer file has errors, the target cannot be serviced, or the engine refused the file */
        REFUSED,
        /** the image or a file could not be read or written */
        FAILED,
        /** canceled; what was done is undone */
        CANCELED
    }

    /**
     * What a run came to.
     *
     * @param result how it ended
     * @param message the message the console and the Images view show
     * @param servicing what the engine did, or with /WhatIf its plan; empty when it did not get that far
     */
    record Outcome(Result result, String message, Optional<UnattendServicing.Result> servicing) {
        Outcome(Result result, String message) {
            this(result, message, Optional.empty());
        }
    }

    private final IFile answerFile;
    private final Path location;
    private final ApplyTarget target;
    private final ApplyOptions options;
    private final ServicingSettings settings;
    /** What the engine did in this run (or planned, with /WhatIf); set in the run's thread. */
    private final AtomicReference<UnattendServicing.Result> serviced = new AtomicReference<>();

    ApplyAnswerFile(IFile answerFile, ApplyTarget target, ApplyOptions options) {
        this.answerFile = answerFile;
        IPath path = answerFile.getLocation();
        this.location = path == null ? null : path.toFile().toPath().toAbsolutePath().normalize();
        this.target = target;
        this.options = options;
        this.settings = options.settings(ImagesmithPreferences.settings());
    }

    /** What the run is called in the progress, the console and the launch. */
    String name() {
        return (options.whatIf() ? "What if: apply " : "Apply ") + answerFile.getName() + " to " + target.describe();
    }

    /** Checks and applies the answer file in this thread, reporting to the monitor; canceling it undoes the apply. */
    Outcome run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, name(), 100);
        ApplyTarget.remember(answerFile, target);
        MountedImages images = MountStores.mountedImages();
        MessageConsoleStream console = ServicingConsole.newStream();
        ServicingConsole.show();
        try {
            Optional<String> problem = targetProblem(images);
            if (problem.isPresent()) {
                return refuse(name() + " was not done: " + problem.get(), images, console);
            }
            try (AnswerFileInput input = AnswerFileInput.of(location)) {
                progress.subTask("Checking " + answerFile.getName());
                List<AnswerFileProblem> problems = input.check(architecture(images));
                setMarkers(problems);
                progress.worked(5);
                long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
                if (errors > 0) {
                    problems.forEach(p -> console.println(p.describe(answerFile.getFullPath().toString())));
                    return refuse(name() + " was not done: the answer file has " + errors
                            + (errors == 1 ? " error" : " errors") + " (see the Problems view).", images, console);
                }
                console.println(name() + " (log " + settings.logFile() + ", level " + settings.logLevel().number()
                        + ", scratch folder " + settings.scratchDirectory() + (options.forceUnsigned() ? ", /ForceUnsigned"
                        : "") + ")");
                return apply(input, problems, images, console, progress.split(95));
            }
        } finally {
            ServicingConsole.close(console);
        }
    }

    private Outcome refuse(String message, MountedImages images, MessageConsoleStream console) {
        console.println(message);
        List<MountEntry> mounts;
        try {
            mounts = MountStores.entries(images);
        } catch (IOException e) {
            mounts = List.of();
        }
        showInImagesViews(message, true, mounts);
        return new Outcome(Result.REFUSED, message);
    }

    /** Applies the checked file, follows the log into the console and sets the markers at its end. */
    private Outcome apply(AnswerFileInput input, List<AnswerFileProblem> problems, MountedImages images,
            MessageConsoleStream console, IProgressMonitor monitor) {
        AtomicReference<String> refused = new AtomicReference<>();
        ServicingRun.Outcome done;
        try (LogFollower follower = new LogFollower(settings.logFile(), console::println)) {
            done = ServicingRun.perform(name(), settings, images, (mounts, log, jobMonitor) -> {
                follower.start();
                try {
                    Path engineFile = input.engineFile();
                    if (!engineFile.equals(location)) {
                        log.info(COMPONENT, "Wrote " + engineFile + " from " + location + " for the engine");
                    }
                    return applyTo(mounts, engineFile, log, jobMonitor, follower, console);
                } catch (EngineRefusal e) {
                    refused.set(e.getMessage());
                    throw new EngineRefusal(input.named(e.getMessage()), e.getCause());
                }
            }, monitor);
        }
        String message = done.message();
        console.println(message);
        List<AnswerFileProblem> markers = new ArrayList<>(problems);
        if (refused.get() != null) {
            markers.addAll(input.failure(refused.get()));
        }
        setMarkers(markers);
        showInImagesViews(message, done.failed(), done.mounts());
        Result result = done.canceled() ? Result.CANCELED
                : !done.failed() ? Result.DONE : refused.get() != null ? Result.REFUSED : Result.FAILED;
        return new Outcome(result, message, Optional.ofNullable(serviced.get()));
    }

    private void setMarkers(List<AnswerFileProblem> problems) {
        try {
            AnswerFileMarkers.replace(answerFile, problems);
        } catch (CoreException e) {
            ILog.of(ApplyAnswerFile.class).log(e.getStatus());
        }
    }

    private Optional<String> targetProblem(MountedImages images) {
        if (location == null) {
            return Optional.of(answerFile.getFullPath() + " is not in the local file system.");
        }
        if (!answerFile.exists()) {
            return Optional.of("The answer file " + answerFile.getFullPath() + " does not exist.");
        }
        if (target instanceof ApplyTarget.MountedImage mounted && !options.whatIf()) {
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
            return info.windows().flatMap(WindowsInfo::architecture).map(WindowsInfo.Architecture::identityName).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Applies through the engine's servicing run, as the command line does: an image of a WIM file in place (only what
     * the answer file reads is extracted into the scratch directory, only what it changes is written back, with the
     * same change check and integrity option; a failure or cancel writes nothing), or a read/write mount in place
     * (holding the mount folder's writer's lock).
     */
    private String applyTo(MountedImages images, Path engineFile, ServicingLog log, IProgressMonitor monitor,
            LogFollower follower, MessageConsoleStream console) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, name(), 100);
        progress.subTask("Opening " + target.describe());
        log.info(COMPONENT, "Servicing " + target.describe() + " to " + (options.whatIf() ? "check " : "apply ")
                + location);
        org.imagesmith.servicing.ServicingRun run;
        try {
            run = org.imagesmith.servicing.ServicingRun.open(servicingTarget(), options.whatIf()
                    ? org.imagesmith.servicing.ServicingRun.Access.READ
                    : org.imagesmith.servicing.ServicingRun.Access.WRITE, "Apply to Image",
                    new org.imagesmith.servicing.ServicingRun.Options(Optional.of(Files.createDirectories(
                            settings.scratchDirectory())), false), images, log);
        } catch (ServicingException e) {
            throw new IOException(e.getMessage(), e); // about the image, not the answer file
        }
        try (run) {
            UnattendServicing.Result result = service(run, engineFile, progress.split(50));
            serviced.set(result);
            report(result, follower, console);
            if (options.whatIf()) {
                return whatIf(result);
            }
            boolean staged = target instanceof ApplyTarget.WimImage;
            if (staged) {
                progress.checkCanceled(); // a mount holds its changes already; a WIM image drops them
            }
            progress.subTask("Saving " + target.describe());
            EngineProgress saving = new EngineProgress(progress.split(50), "Saving " + target.describe(), true);
            try {
                run.commit(saving::bytesWritten);
            } catch (ServicingException e) {
                throw new IOException(e.getMessage(), e);
            }
            String applied = "Applied " + answerFile.getName() + " to " + target.describe() + ": " + changes(result);
            if (!(target instanceof ApplyTarget.WimImage image)) {
                return applied + "; commit the mount to save them.";
            }
            WorkspaceWimFiles.refresh(image.wimFile());
            return applied + (result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " warnings in the log")
                    + ".";
        }
    }

    /** The engine's target for this run's target. */
    private ServicingTarget servicingTarget() {
        if (target instanceof ApplyTarget.WimImage image) {
            return new ServicingTarget.WimFileImage(image.wimFile(), image.index());
        }
        return new ServicingTarget.MountedImage(((ApplyTarget.MountedImage) target).mountDir());
    }

    private String whatIf(UnattendServicing.Result result) {
        return "What if: applying " + answerFile.getName() + " to " + target.describe() + " would make "
                + changes(result) + "; nothing was changed.";
    }

    private static String changes(UnattendServicing.Result result) {
        int count = result.actions().size();
        return count + (count == 1 ? " change" : " changes");
    }

    /** Applies the file's offlineServicing pass to the image, or with /WhatIf says what it would do. */
    private UnattendServicing.Result service(org.imagesmith.servicing.ServicingRun run, Path engineFile,
            SubMonitor monitor) throws IOException {
        monitor.setWorkRemaining(1);
        monitor.subTask((options.whatIf() ? "Checking" : "Applying") + " the offlineServicing pass of "
                + answerFile.getName());
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
        try {
            return run.service(session -> {
                UnattendServicing servicing = new UnattendServicing(session, options.forceUnsigned());
                return options.whatIf() ? servicing.whatIf(engineFile) : servicing.apply(engineFile);
            });
        } catch (ServicingException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException) {
                throw new IOException(e.getMessage(), e); // a file of the image cannot be read, not the answer file
            }
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

        EngineRefusal(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
