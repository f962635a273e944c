package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** What the UI tests share: the workbench window, waiting for the view's jobs, and reading the tree. */
final class UiTesting {
    private UiTesting() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow active = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return active != null ? active : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    /** Drains the event queue, so that what the jobs handed to the UI thread (asyncExec) is done. */
    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    /** Waits for every job of the Images view (none of them needs the UI thread), then for their UI updates. */
    static void waitForJobs() throws InterruptedException {
        processEvents();
        Job.getJobManager().join(ImagesView.JOB_FAMILY, null);
        processEvents();
    }

    static List<TreeItem> items(Tree tree) {
        return Arrays.asList(tree.getItems());
    }

    /** The top-level item whose first column is this text. */
    static TreeItem item(Tree tree, String name) {
        return items(tree).stream().filter(item -> item.getText(0).equals(name)).findFirst()
                .orElseGet(() -> fail("no item " + name + " in " + texts(tree.getItems())));
    }

    /** The first columns of these items. */
    static List<String> texts(TreeItem[] items) {
        return Arrays.stream(items).map(item -> item.getText(0)).toList();
    }

    /** The texts of every column of an item. */
    static List<String> row(TreeItem item) {
        int columns = item.getParent().getColumnCount();
        return java.util.stream.IntStream.range(0, columns).mapToObj(item::getText).toList();
    }
}
