package org.imagesmith.unattend.dsl.ui;

import java.util.ArrayList;
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
import org.imagesmith.unattend.dsl.ui.validation.ValidatingReconciler;

/**
 * The Answer File property page of an answer file: the processor architecture of the image it is for. With one, the
 * editor marks components and packages for another architecture (and offers to set the right one).
 */
public class AnswerFilePropertyPage extends PropertyPage {
    /** The architectures of images, as answer files name them. */
    static final List<String> IMAGE_ARCHITECTURES = List.of("amd64", "x86", "arm64");
    private static final String NOT_CHECKED = "(not checked)";

    private Combo architecture;

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
        Label help = new Label(page, SWT.WRAP);
        help.setText("Components and packages for another processor architecture are marked as errors; Windows Setup"
                + " ignores them.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(help);
        return page;
    }

    @Override
    protected void performDefaults() {
        architecture.select(0);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        IFile file = file();
        String chosen = architecture.getSelectionIndex() <= 0 ? null : architecture.getText();
        try {
            file.setPersistentProperty(AnswerFileLanguage.TARGET_ARCHITECTURE, chosen);
        } catch (CoreException e) {
            setErrorMessage("Cannot store the target architecture of " + file.getName() + ": " + e.getMessage());
            return false;
        }
        ValidatingReconciler.recheck(file);
        return true;
    }

    private IFile file() {
        return getElement().getAdapter(IFile.class);
    }
}
