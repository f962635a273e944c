package org.imagesmith.unattend.dsl.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.dialogs.PropertyPage;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.dsl.ui.validation.ValidatingReconciler;

/**
 * The Answer File property page of an answer file: the processor architecture and the Windows version of the image it
 * is for. With an architecture, the editor marks components and packages for another one (and offers to set the
 * right one); the version (Windows 7 when none is set) decides which components and settings the image's Windows has
 * and which deprecations apply.
 */
public class AnswerFilePropertyPage extends PropertyPage {
    /** The architectures of images, as answer files name them. */
    static final List<String> IMAGE_ARCHITECTURES = List.of("amd64", "x86", "arm64");
    private static final String NOT_CHECKED = "(not checked)";

    private Combo architecture;
    private Combo version;

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(page);
        new Label(page, SWT.NONE).setText("Target image architecture:");
        architecture = new Combo(page, SWT.READ_ONLY);
        List<String> items = new ArrayList<>(List.of(NOT_CHECKED));
        items.addAll(IMAGE_ARCHITECTURES);
        architecture.setItems(items.toArray(String[]::new));
        String current = AnswerFileLanguage.targetArchitecture(file());
        architecture.select(Math.max(0, items.indexOf(current)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(architecture);
        new Label(page, SWT.NONE).setText("Target Windows version:");
        version = new Combo(page, SWT.READ_ONLY);
        version.setItems(Arrays.stream(WindowsVersion.values()).map(WindowsVersion::displayName).toArray(String[]::new));
        WindowsVersion currentVersion = AnswerFileLanguage.targetVersion(file());
        version.select((currentVersion == null ? WindowsVersion.DEFAULT : currentVersion).ordinal());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(version);
        Label help = new Label(page, SWT.WRAP);
        help.setText("Components and packages for another processor architecture are marked as errors; Windows Setup"
                + " ignores them. Components and settings the target Windows version does not have are marked as"
                + " warnings naming the versions that have them.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(help);
        return page;
    }

    @Override
    protected void performDefaults() {
        architecture.select(0);
        version.select(WindowsVersion.DEFAULT.ordinal());
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        IFile file = file();
        String chosen = architecture.getSelectionIndex() <= 0 ? null : architecture.getText();
        try {
            file.setPersistentProperty(AnswerFileLanguage.TARGET_ARCHITECTURE, chosen);
            WindowsVersion chosenVersion = WindowsVersion.values()[Math.max(0, version.getSelectionIndex())];
            file.setPersistentProperty(AnswerFileLanguage.TARGET_VERSION,
                    chosenVersion == WindowsVersion.DEFAULT ? null : chosenVersion.label());
        } catch (CoreException e) {
            setErrorMessage("Cannot store the target image of " + file.getName() + ": " + e.getMessage());
            return false;
        }
        ValidatingReconciler.recheck(file);
        return true;
    }

    private IFile file() {
        return getElement().getAdapter(IFile.class);
    }
}
