package org.imagesmith.ui;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The Imagesmith perspective: the Images view beside the editor area, with the project explorer, and the Run
 * menu and toolbar (Apply to Image runs as a launch configuration).
 */
public class ImagesmithPerspective implements IPerspectiveFactory {
    public static final String ID = "org.imagesmith.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.25f, editorArea);
        layout.addView(ImagesView.ID, IPageLayout.BOTTOM, 0.6f, editorArea);
        layout.addShowViewShortcut(ImagesView.ID);
        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
    }
}
