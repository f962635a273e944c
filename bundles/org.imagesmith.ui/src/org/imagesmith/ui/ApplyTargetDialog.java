package org.imagesmith.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.imagesmith.wim.WindowsInfo;
import org.imagesmith.wim.mount.MountStatus;

/**
 * Asks where to apply an answer file: an image of a WIM file of the workspace, or an image mounted read/write
 * (from the mount store).
 */
final class ApplyTargetDialog extends TitleAreaDialog {
    private final IFile answerFile;
    private final List<ImageNode> images = new ArrayList<>();
    private final List<MountEntry> mounts = new ArrayList<>();
    private Button wimChoice;
    private Combo imageCombo;
    private Combo mountCombo;
    private ApplyTarget target;

    private ApplyTargetDialog(Shell shell, IFile answerFile) {
        super(shell);
        this.answerFile = answerFile;
    }

    /** Opens the dialog: the chosen target, or empty when the user cancels. */
    static Optional<ApplyTarget> choose(Shell shell, IFile answerFile) {
        ApplyTargetDialog dialog = new ApplyTargetDialog(shell, answerFile);
        return dialog.open() == Window.OK ? Optional.ofNullable(dialog.target) : Optional.empty();
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
        return area;
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
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(target != null);
        }
    }
}
