package org.imagesmith.ui;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.ui.preferences.ImagesmithPreferences;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.mount.MountStatus;

/**
 * Asks where and how to apply an answer file: an image of a WIM file of the workspace, or an image mounted
 * read/write (from the mount store); the engine's options (/ForceUnsigned, log level, scratch folder); and on
 * request shows the engine's /WhatIf plan for that image as a tree, changing nothing, before the user applies.
 */
final class ApplyTargetDialog extends TitleAreaDialog {
    private final IFile answerFile;
    private final List<ImageNode> images = new ArrayList<>();
    private final List<MountEntry> mounts = new ArrayList<>();
    private Button wimChoice;
    private Combo imageCombo;
    private Combo mountCombo;
    private Button forceUnsigned;
    private Combo logLevel;
    private Text scratch;
    private Tree plan;
    private Button showPlan;
    private ApplyTarget target;
    private ApplyOptions options = ApplyOptions.DEFAULT;

    private ApplyTargetDialog(Shell shell, IFile answerFile) {
        super(shell);
        this.answerFile = answerFile;
    }

    /** Opens the dialog: the chosen target and options, or empty when the user cancels. */
    static Optional<ApplyChoice> choose(Shell shell, IFile answerFile) {
        ApplyTargetDialog dialog = new ApplyTargetDialog(shell, answerFile);
        return dialog.open() == Window.OK && dialog.target != null
                ? Optional.of(new ApplyChoice(dialog.target, dialog.options)) : Optional.empty();
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Apply to Image");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Apply " + answerFile.getName() + " to an image");
        setMessage("The offlineServicing pass is applied (packages, features, drivers, computer name). A WIM image"
                + " is mounted, serviced and committed; a mounted image is serviced in place.");
        read();
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        wimChoice = new Button(fields, SWT.RADIO);
        wimChoice.setText("&Image of a WIM file:");
        imageCombo = new Combo(fields, SWT.READ_ONLY);
        images.forEach(node -> imageCombo.add(label(node)));
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(imageCombo);

        Button mountChoice = new Button(fields, SWT.RADIO);
        mountChoice.setText("&Mounted image:");
        mountCombo = new Combo(fields, SWT.READ_ONLY);
        mounts.forEach(entry -> mountCombo.add(entry.record().mountDir() + " (image " + entry.record().imageIndex()
                + " of " + entry.record().imageFile().getFileName() + ")"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(mountCombo);

        // the last target of this answer file when it is still there, else the first image
        Optional<ApplyTarget> last = ApplyTarget.last(answerFile);
        int lastImage = last.map(this::imageIndexOf).orElse(-1);
        int lastMount = last.map(this::mountIndexOf).orElse(-1);
        if (!images.isEmpty()) {
            imageCombo.select(Math.max(0, lastImage));
        }
        if (!mounts.isEmpty()) {
            mountCombo.select(Math.max(0, lastMount));
        }
        wimChoice.setSelection(lastMount < 0 && (!images.isEmpty() || mounts.isEmpty()));
        mountChoice.setSelection(!wimChoice.getSelection());
        wimChoice.addListener(SWT.Selection, event -> validate());
        mountChoice.addListener(SWT.Selection, event -> validate());
        imageCombo.addListener(SWT.Selection, event -> validate());
        mountCombo.addListener(SWT.Selection, event -> validate());
        createOptions(area);
        createPlan(area);
        return area;
    }

    /** The engine's options, as DISM's command line takes them. */
    private void createOptions(Composite area) {
        Group group = new Group(area, SWT.NONE);
        group.setText("Options");
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).indent(5, 0).applyTo(group);
        new Label(group, SWT.NONE).setText("&Log level:");
        logLevel = new Combo(group, SWT.READ_ONLY);
        ApplyMainTab.LOG_LEVELS.forEach(logLevel::add);
        logLevel.select(0);
        GridDataFactory.swtDefaults().span(2, 1).applyTo(logLevel);
        new Label(group, SWT.NONE).setText("&Scratch folder:");
        scratch = new Text(group, SWT.BORDER);
        scratch.setMessage("As in Preferences > Imagesmith: " + ImagesmithPreferences.settings().scratchDirectory());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(scratch);
        Button browse = new Button(group, SWT.PUSH);
        browse.setText("B&rowse...");
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog chooser = new DirectoryDialog(getShell());
            chooser.setMessage("Choose the scratch folder (DISM's /ScratchDir) for this apply");
            chooser.setFilterPath(scratch.getText());
            Optional.ofNullable(chooser.open()).ifPresent(scratch::setText);
        });
        forceUnsigned = ApplyMainTab.forceUnsignedButton(group, 3);
        logLevel.addListener(SWT.Selection, event -> validate());
        scratch.addListener(SWT.Modify, event -> validate());
        forceUnsigned.addListener(SWT.Selection, event -> validate());
    }

    /** The /WhatIf plan: shown on request, cleared when the target or an option changes. */
    private void createPlan(Composite area) {
        Group group = new Group(area, SWT.NONE);
        group.setText("Plan (/WhatIf)");
        GridLayoutFactory.swtDefaults().applyTo(group);
        GridDataFactory.fillDefaults().grab(true, true).indent(5, 0).applyTo(group);
        showPlan = new Button(group, SWT.PUSH);
        showPlan.setText("Show &Plan");
        showPlan.setToolTipText("Checks the answer file against the image and lists what applying it would change;"
                + " nothing is changed.");
        showPlan.addListener(SWT.Selection, event -> showPlan());
        plan = new Tree(group, SWT.BORDER | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 180).applyTo(plan);
    }

    /** Runs the engine's /WhatIf for the chosen target and options (cancelable) and shows its plan. */
    private void showPlan() {
        if (target == null) {
            return;
        }
        ApplyAnswerFile whatIf = new ApplyAnswerFile(answerFile, target, options.withWhatIf(true));
        AtomicReference<ApplyAnswerFile.Outcome> outcome = new AtomicReference<>();
        try {
            new ProgressMonitorDialog(getShell()).run(true, true, monitor -> outcome.set(whatIf.run(monitor)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            setErrorMessage("The plan cannot be made: " + cause.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (plan.isDisposed()) {
            return;
        }
        plan.removeAll();
        ApplyAnswerFile.Outcome result = outcome.get();
        if (result.result() != ApplyAnswerFile.Result.DONE || result.servicing().isEmpty()) {
            setErrorMessage(result.message());
            new TreeItem(plan, SWT.NONE).setText(result.message());
            return;
        }
        setErrorMessage(null);
        setMessage(result.message());
        for (ApplyPlan.Node node : ApplyPlan.of(result.servicing().get())) {
            fill(new TreeItem(plan, SWT.NONE), node);
        }
        for (TreeItem item : plan.getItems()) {
            expand(item); // top down, once the items exist: GTK expands an item only under expanded ones
        }
    }

    private static void fill(TreeItem item, ApplyPlan.Node node) {
        item.setText(node.label());
        for (ApplyPlan.Node child : node.children()) {
            fill(new TreeItem(item, SWT.NONE), child);
        }
    }

    private static void expand(TreeItem item) {
        item.setExpanded(true);
        for (TreeItem child : item.getItems()) {
            expand(child);
        }
    }

    /** The plan's lines as the tree shows them, each indented two spaces a level (for tests). */
    List<String> planLines() {
        List<String> lines = new ArrayList<>();
        for (TreeItem item : plan.getItems()) {
            collect(item, "", lines);
        }
        return lines;
    }

    private static void collect(TreeItem item, String indent, List<String> lines) {
        lines.add(indent + item.getText());
        for (TreeItem child : item.getItems()) {
            collect(child, indent + "  ", lines);
        }
    }

    private void read() {
        try {
            for (WimFileNode file : WorkspaceWimFiles.read(ResourcesPlugin.getWorkspace().getRoot(),
                    new NullProgressMonitor())) {
                images.addAll(file.imageNodes());
            }
        } catch (CoreException e) {
            setErrorMessage("The workspace cannot be read: " + e.getMessage());
        }
        try {
            MountStores.entries(MountStores.mountedImages()).stream()
                    .filter(entry -> entry.record().readWrite() && entry.status() == MountStatus.OK)
                    .forEach(mounts::add);
        } catch (IOException e) {
            setErrorMessage("The mounted images cannot be listed: " + e.getMessage());
        }
    }

    private int imageIndexOf(ApplyTarget target) {
        for (int i = 0; i < images.size(); i++) {
            if (target instanceof ApplyTarget.WimImage wim && images.get(i).file().location().equals(wim.wimFile())
                    && images.get(i).image().index() == wim.index()) {
                return i;
            }
        }
        return -1;
    }

    private int mountIndexOf(ApplyTarget target) {
        for (int i = 0; i < mounts.size(); i++) {
            if (target instanceof ApplyTarget.MountedImage mount && mounts.get(i).record().mountDir().equals(mount.mountDir())) {
                return i;
            }
        }
        return -1;
    }

    private static String label(ImageNode node) {
        String architecture = node.image().windows().flatMap(WindowsInfo::architecture)
                .map(WindowsInfo.Architecture::dismName).orElse("");
        return node.file().workspacePath() + " : " + node.image().index() + " " + node.image().name()
                + (architecture.isEmpty() ? "" : " (" + architecture + ")");
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Apply", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        boolean wim = wimChoice.getSelection();
        imageCombo.setEnabled(wim);
        mountCombo.setEnabled(!wim);
        target = null;
        String problem = null;
        if (wim) {
            int index = imageCombo.getSelectionIndex();
            if (index < 0) {
                problem = "The workspace has no WIM file with images. Add one to a project, or choose a mounted image.";
            } else {
                ImageNode node = images.get(index);
                target = new ApplyTarget.WimImage(node.file().location(), node.image().index(),
                        node.image().windows().flatMap(WindowsInfo::architecture).map(WindowsInfo.Architecture::identityName)
                                .orElse(""));
            }
        } else {
            int index = mountCombo.getSelectionIndex();
            if (index < 0) {
                problem = "No image is mounted read/write. Mount one in the Images view, or choose a WIM image.";
            } else {
                target = new ApplyTarget.MountedImage(mounts.get(index).record().mountDir());
            }
        }
        if (problem == null) {
            problem = readOptions();
        }
        if (plan != null && !plan.isDisposed()) {
            plan.removeAll(); // the plan was made for the target and options shown before
        }
        setErrorMessage(problem);
        if (problem != null) {
            target = null;
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(target != null);
        }
        showPlan.setEnabled(target != null);
    }

    /** Reads the options into {@link #options}; what is wrong with them, or null. */
    private String readOptions() {
        if (logLevel == null) {
            return null; // the options are not created yet
        }
        int level = logLevel.getSelectionIndex();
        Optional<Path> folder = Optional.empty();
        String text = scratch.getText().strip();
        if (!text.isEmpty()) {
            try {
                Path path = Path.of(text);
                if (!path.isAbsolute()) {
                    return "The scratch folder must be an absolute path, such as /var/tmp/imagesmith.";
                }
                folder = Optional.of(path.normalize());
            } catch (InvalidPathException e) {
                return "The scratch folder " + text + " is not a valid path: " + e.getReason();
            }
        }
        options = new ApplyOptions(level <= 0 ? Optional.empty() : Optional.of(LogLevel.ofNumber(level)), false,
                forceUnsigned.getSelection(), folder);
        return null;
    }
}
