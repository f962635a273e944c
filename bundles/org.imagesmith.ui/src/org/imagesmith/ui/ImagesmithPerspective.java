package org.imagesmith.ui;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;

/**
 * The Imagesmith perspective: the project explorer left of the editor area, the outline of the open answer file
 * right of it, and below it the Images view, the Problems view (the answer files' problems) and the Console (the
 * servicing log of Apply to Image); the Run menu and toolbar (Apply to Image runs as a launch configuration) and
 * File &gt; New &gt; Answer File.
 */
public class ImagesmithPerspective implements IPerspectiveFactory {
    public static final String ID = "org.imagesmith.ui.perspective";
    /** The New Answer File wizard (plugin.xml). */
    static final String NEW_ANSWER_FILE_WIZARD = "org.imagesmith.ui.newAnswerFile";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.22f, editorArea);
        layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.75f, editorArea);
        IFolderLayout bottom = layout.createFolder("org.imagesmith.ui.bottom", IPageLayout.BOTTOM, 0.6f, editorArea);
        bottom.addView(ImagesView.ID);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addShowViewShortcut(ImagesView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addNewWizardShortcut(NEW_ANSWER_FILE_WIZARD);
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
    }
}
