package org.imagesmith.ui;

import java.io.InputStream;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;

/**
 * File &gt; New &gt; Answer File: an Unattend.xml file created from a template in a folder of the workspace, then
 * opened in the answer-file editor.
 */
public class NewAnswerFileWizard extends BasicNewResourceWizard {
    private Page page;

    @Override
    public void addPages() {
        setWindowTitle("New Answer File");
        setNeedsProgressMonitor(true);
        page = new Page(getSelection());
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        IFile file = page.createNewFile();
        if (file == null) {
            return false;
        }
        selectAndReveal(file);
        try {
            IDE.openEditor(getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
        } catch (PartInitException e) {
            page.setErrorMessage("The answer file was created but cannot be opened: " + e.getMessage());
        }
        return true;
    }

    /** The folder and name of the new file, and its template. */
    static final class Page extends WizardNewFileCreationPage {
        private AnswerFileTemplate template = AnswerFileTemplate.BLANK;
        private Label description;

        Page(IStructuredSelection selection) {
            super("answerFile", selection);
            setTitle("Answer File");
            setDescription("Create a Windows answer file (Unattend.xml) from a template.");
            setFileName(template.fileName());
            setFileExtension("xml");
        }

        @Override
        public void createControl(Composite parent) {
            super.createControl(parent);
            Composite top = (Composite) getControl();
            Group group = new Group(top, SWT.NONE);
            group.setText("Template");
            group.setLayout(new GridLayout(1, false));
            group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            TableViewer templates = new TableViewer(group, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
            templates.setContentProvider(ArrayContentProvider.getInstance());
            templates.setLabelProvider(LabelProvider.createTextProvider(element -> ((AnswerFileTemplate) element).label()));
            templates.setInput(AnswerFileTemplate.values());
            templates.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            description = new Label(group, SWT.WRAP);
            GridData descriptionData = new GridData(SWT.FILL, SWT.TOP, true, false);
            descriptionData.widthHint = 400;
            descriptionData.heightHint = 3 * description.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
            description.setLayoutData(descriptionData);
            templates.addSelectionChangedListener(event -> {
                if (event.getStructuredSelection().getFirstElement() instanceof AnswerFileTemplate chosen) {
                    choose(chosen);
                }
            });
            templates.setSelection(new StructuredSelection(template));
            description.setText(template.description());
        }

        private void choose(AnswerFileTemplate chosen) {
            // the file name follows the template while the user has not typed one of their own
            if (getFileName().equals(template.fileName())) {
                setFileName(chosen.fileName());
            }
            template = chosen;
            description.setText(chosen.description());
        }

        /** The template chosen. */
        AnswerFileTemplate template() {
            return template;
        }

        @Override
        protected InputStream getInitialContents() {
            return template.open();
        }
    }
}
