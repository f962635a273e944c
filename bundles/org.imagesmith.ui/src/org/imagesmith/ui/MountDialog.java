package org.imagesmith.ui;

import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for what a mount needs: the image, an empty mount directory and read-only. Its checks are those of
 * {@link MountRequest#problem()}, which the action runs again before mounting.
 */
final class MountDialog extends TitleAreaDialog {
    private MountRequest request;
    private Combo image;
    private Text directory;
    private Button readOnly;

    MountDialog(Shell shell, MountRequest initial) {
        super(shell);
        this.request = initial;
    }

    MountRequest request() {
        return request;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Mount Image");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Mount an image of " + request.image().file().location().getFileName());
        setMessage("The image is applied into the mount directory; unmount it with Commit to save changes.");
        Composite fields = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(fields);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);

        new Label(fields, SWT.NONE).setText("&Image:");
        image = new Combo(fields, SWT.READ_ONLY);
        List<ImageNode> images = request.image().file().imageNodes();
        images.forEach(node -> image.add(node.image().index() + ": " + node.image().name()));
        image.select(Math.max(0, images.indexOf(request.image())));
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(image);

        new Label(fields, SWT.NONE).setText("Mount &directory:");
        directory = new Text(fields, SWT.BORDER);
        directory.setText(request.mountDirectory());
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(directory);
        Button browse = new Button(fields, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, event -> {
            DirectoryDialog chooser = new DirectoryDialog(getShell());
            chooser.setMessage("Choose an empty directory to mount the image into");
            chooser.setFilterPath(directory.getText());
            Optional.ofNullable(chooser.open()).ifPresent(directory::setText);
        });

        readOnly = new Button(fields, SWT.CHECK);
        readOnly.setText("&Read-only (the changes cannot be committed)");
        readOnly.setSelection(request.readOnly());
        GridDataFactory.fillDefaults().span(3, 1).applyTo(readOnly);

        image.addListener(SWT.Modify, event -> validate());
        directory.addListener(SWT.Modify, event -> validate());
        readOnly.addListener(SWT.Selection, event -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Mount", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void validate() {
        List<ImageNode> images = request.image().file().imageNodes();
        request = new MountRequest(images.get(Math.max(0, image.getSelectionIndex())), directory.getText(),
                readOnly.getSelection());
        Optional<String> problem = request.problem();
        setErrorMessage(problem.orElse(null));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem.isEmpty());
        }
    }
}
