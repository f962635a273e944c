package org.imagesmith.ui;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.part.ViewPart;
import org.imagesmith.ui.preferences.ImagesmithPreferences;

/**
 * The Images view: the WIM files of the workspace's open projects with their images, and the mounted images of the
 * user's mount store with their status; Mount, Unmount (Commit or Discard), Remount and Cleanup run as jobs.
 */
public class ImagesView extends ViewPart {
    public static final String ID = "org.imagesmith.ui.views.images";
    /** The family of every job of the view (reading the workspace and the mounts, and the mount operations). */
    public static final String JOB_FAMILY = "org.imagesmith.ui.jobs";

    private final ImagesContentProvider content = new ImagesContentProvider();
    private final Set<WimFileNode> shown = new HashSet<>();
    private final Job refreshJob = new RefreshJob();
    private final IResourceChangeListener workspaceListener = event -> {
        if (event.getDelta() != null && WorkspaceWimFiles.concernsWimFiles(event.getDelta())) {
            refreshJob.schedule();
        }
    };

    private Label status;
    private TreeViewer viewer;
    private MountAction mountAction;
    private UnmountAction commitAction;
    private UnmountAction discardAction;
    private RemountAction remountAction;
    private CleanupAction cleanupAction;
    private List<ServicingAction> actions = List.of();
    /** Whether the status text is the summary of what the view shows (not an operation's outcome to keep). */
    private boolean statusIsSummary = true;
    private boolean summaryWanted = true;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setText("Reading the WIM files of the workspace and the mounted images...");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
        for (ImagesColumn column : ImagesColumn.values()) {
            TreeViewerColumn viewerColumn = new TreeViewerColumn(viewer, SWT.LEFT);
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.setLabelProvider(column.labelProvider());
        }
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(content);
        viewer.setInput(ResourcesPlugin.getWorkspace().getRoot());
        getSite().setSelectionProvider(viewer);

        createActions();
        ResourcesPlugin.getWorkspace().addResourceChangeListener(workspaceListener, IResourceChangeEvent.POST_CHANGE);
        refreshJob.schedule();
    }

    private void createActions() {
        mountAction = new MountAction(this);
        commitAction = new UnmountAction(this, true);
        discardAction = new UnmountAction(this, false);
        remountAction = new RemountAction(this);
        cleanupAction = new CleanupAction(this);
        Action refresh = new Action("Refresh") {
            @Override
            public void run() {
                refresh();
            }
        };
        refresh.setToolTipText("Read the WIM files and the mounted images again");
        actions = List.of(mountAction, commitAction, discardAction, remountAction, cleanupAction);
        actions.forEach(viewer::addSelectionChangedListener);

        IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
        actions.forEach(toolBar::add);
        toolBar.add(new Separator());
        toolBar.add(refresh);

        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener((IMenuManager manager) -> {
            manager.add(mountAction);
            MenuManager unmount = new MenuManager("Unmount");
            unmount.add(commitAction);
            unmount.add(discardAction);
            manager.add(unmount);
            manager.add(remountAction);
            manager.add(new Separator());
            manager.add(cleanupAction);
            manager.add(refresh);
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
    }

    /** Reads the workspace's WIM files and the mounted images again, in a job of {@link #JOB_FAMILY}. */
    public void refresh() {
        summaryWanted = true;
        refreshJob.schedule();
    }

    /** Runs a mount operation as a user job with the preferences' settings; the view shows its outcome. */
    Job schedule(String name, ServicingJob.Operation operation) {
        ServicingJob job = new ServicingJob(name, ImagesmithPreferences.settings(), MountStores.mountedImages(),
                operation, (message, failed, mounts) -> inUi(() -> finished(message, failed, mounts)));
        showStatus(name + "...", false);
        job.schedule();
        return job;
    }

    /** Shows the outcome of an operation: its message, and the mounts as they are after it (in the UI thread). */
    void finished(String message, boolean failed, List<MountEntry> mounts) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        show(content.content().withMounts(mounts));
        showStatus(message, failed);
    }

    /** Shows a message in the view and in the workbench status line; a failure as an error message. */
    void showStatus(String message, boolean failed) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(message);
        status.getParent().layout();
        IStatusLineManager line = getViewSite().getActionBars().getStatusLineManager();
        line.setErrorMessage(failed ? message : null);
        line.setMessage(failed ? null : message);
        statusIsSummary = false;
    }

    private void show(ImagesContent newContent) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        content.setContent(newContent);
        viewer.refresh();
        for (WimFileNode file : newContent.wimFiles()) {
            if (!shown.contains(file)) {
                viewer.expandToLevel(file, 1);
            }
        }
        shown.clear();
        shown.addAll(newContent.wimFiles());
        viewer.expandToLevel(MountedImagesNode.INSTANCE, 1);
        // the actions follow the elements now shown, which may have changed status
        actions.forEach(action -> action.update(viewer.getStructuredSelection()));
    }

    private void inUi(Runnable runnable) {
        if (!viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    /** Reads the workspace's WIM files and the mount store, then shows them. */
    private final class RefreshJob extends Job {
        RefreshJob() {
            super("Reading WIM files and mounted images");
            setSystem(true);
        }

        @Override
        public boolean belongsTo(Object family) {
            return JOB_FAMILY.equals(family);
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            try {
                List<WimFileNode> files = WorkspaceWimFiles.read(ResourcesPlugin.getWorkspace().getRoot(), monitor);
                ImagesContent read;
                String message;
                boolean failed;
                try {
                    read = new ImagesContent(files, MountStores.entries(MountStores.mountedImages()));
                    message = files.size() + (files.size() == 1 ? " WIM file" : " WIM files") + " in the workspace, "
                            + read.mounts().size() + (read.mounts().size() == 1 ? " mounted image." : " mounted images.");
                    failed = false;
                } catch (IOException e) {
                    read = new ImagesContent(files, List.of());
                    message = "The mounted images cannot be listed: " + e.getMessage();
                    failed = true;
                }
                ImagesContent shownContent = read;
                String text = message;
                boolean error = failed;
                inUi(() -> {
                    show(shownContent);
                    // an operation's outcome stays until the next operation or an explicit refresh
                    if (error || statusIsSummary || summaryWanted) {
                        showStatus(text, error);
                        statusIsSummary = !error;
                        summaryWanted = false;
                    }
                });
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (CoreException e) {
                inUi(() -> showStatus("The workspace cannot be read: " + e.getMessage(), true));
                return Status.OK_STATUS;
            }
        }
    }

    /** The text above the tree, where the view says what it did or what went wrong. */
    public String statusText() {
        return status.getText();
    }

    public Tree tree() {
        return viewer.getTree();
    }

    TreeViewer viewer() {
        return viewer;
    }

    MountAction mountAction() {
        return mountAction;
    }

    UnmountAction unmountAction(boolean commit) {
        return commit ? commitAction : discardAction;
    }

    RemountAction remountAction() {
        return remountAction;
    }

    CleanupAction cleanupAction() {
        return cleanupAction;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(workspaceListener);
        refreshJob.cancel();
        super.dispose();
    }
}
