package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * What the UI tests share: the workbench window, waiting for the view's jobs and for launches, driving dialogs,
 * and reading the tree.
 */
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

    /** Runs what opens a dialog titled title; the driver works on the dialog's shell in its event loop. */
    static <T> T inDialog(String title, Callable<T> opening, Consumer<Shell> driver) throws Exception {
        Display display = Display.getCurrent();
        List<Throwable> failures = new ArrayList<>();
        Runnable[] drive = new Runnable[1];
        int[] attempts = {0};
        drive[0] = () -> {
            Optional<Shell> shell = Arrays.stream(display.getShells())
                    .filter(candidate -> title.equals(candidate.getText()) && candidate.isVisible()).findFirst();
            if (shell.isEmpty() && ++attempts[0] < 500) {
                display.timerExec(10, drive[0]);
                return;
            }
            try {
                driver.accept(shell.orElseThrow(() -> new AssertionError("the " + title + " dialog did not open")));
            } catch (Throwable t) {
                failures.add(t);
                shell.ifPresent(Shell::close);
            }
        };
        display.asyncExec(drive[0]);
        T result = opening.call();
        if (!failures.isEmpty()) {
            throw new AssertionError("driving the " + title + " dialog failed", failures.get(0));
        }
        return result;
    }

    /** The widgets of a type under parent, in tree order. */
    static <T> List<T> widgets(Composite parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(widgets(composite, type));
            }
        }
        return found;
    }

    /** Presses the enabled button with this text, as a click does. */
    static void press(Composite parent, String text) {
        Button button = widgets(parent, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
        assertTrue(button.isEnabled(), text + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Watches the launches of "Apply Answer File to Image" configurations that start after its creation, until they
     * end (terminate, or are removed when canceled).
     */
    static final class LaunchWatch implements ILaunchesListener2, AutoCloseable {
        private final Set<ILaunch> started = new LinkedHashSet<>();
        private final Set<ILaunch> ended = new LinkedHashSet<>();

        LaunchWatch() {
            DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
        }

        /** Waits, running the event loop, until count launches have ended; fails after two minutes (a hang). */
        List<ILaunch> awaitEnded(int count) throws InterruptedException {
            for (long end = System.currentTimeMillis() + 120_000; System.currentTimeMillis() < end; Thread.sleep(20)) {
                processEvents();
                synchronized (ended) {
                    if (ended.size() >= count) {
                        return List.copyOf(ended);
                    }
                }
            }
            return fail("no " + count + " Apply Answer File to Image launches ended within two minutes");
        }

        /** Counts the launches that ran an apply (not the launch the Run framework shows while it waits for a build). */
        private void add(ILaunch[] launches) {
            for (ILaunch launch : launches) {
                synchronized (ended) {
                    if (launch.getProcesses().length == 0 || !started.contains(launch)) {
                        continue;
                    }
                }
                ILaunchConfiguration configuration = launch.getLaunchConfiguration();
                try {
                    if (configuration != null && ApplyLaunchConfigurations.TYPE_ID.equals(configuration.getType().getIdentifier())) {
                        synchronized (ended) {
                            ended.add(launch);
                        }
                    }
                } catch (CoreException e) {
                    // a configuration without a type is not one of these
                }
            }
        }

        @Override
        public void launchesTerminated(ILaunch[] launches) {
            add(launches);
        }

        @Override
        public void launchesRemoved(ILaunch[] launches) {
            add(launches);
        }

        @Override
        public void launchesAdded(ILaunch[] launches) {
            synchronized (ended) {
                started.addAll(Arrays.asList(launches));
            }
        }

        @Override
        public void launchesChanged(ILaunch[] launches) {
            // not ended yet
        }

        @Override
        public void close() {
            DebugPlugin.getDefault().getLaunchManager().removeLaunchListener(this);
        }
    }
}
