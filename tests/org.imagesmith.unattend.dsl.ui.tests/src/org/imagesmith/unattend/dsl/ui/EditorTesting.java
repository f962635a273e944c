package org.imagesmith.unattend.dsl.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/** What the editor tests share: a project, the workbench page and waiting for the editor's background work. */
public final class EditorTesting {
    /** Longer than the reconciler's pause and a parse, with room for a slow CI machine. */
    private static final long TIMEOUT_MILLIS = 30_000;

    private EditorTesting() {
    }

    /** A new, open project of the workspace. */
    public static IProject newProject(String name) throws CoreException {
        IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        project.create(null);
        project.open(null);
        return project;
    }

    public static IWorkbenchPage page() {
        IWorkbenchWindow active = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        return (active != null ? active : PlatformUI.getWorkbench().getWorkbenchWindows()[0]).getActivePage();
    }

    /**
     * Runs the event loop until condition gives a value (not null, not false), and returns it; fails when it has
     * not after the time-out.
     */
    public static <T> T waitFor(String what, Supplier<T> condition) {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            while (display.readAndDispatch()) {
                // drain
            }
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what);
            }
            display.timerExec(20, () -> {
                // wakes the loop up
            });
            display.sleep();
        }
    }
}
