package org.imagesmith.ui;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;

/**
 * An apply as the Debug view shows it while its launch runs: Terminate cancels it (the apply is undone), and its
 * exit value says how it ended. It has no streams of its own: the log goes to the "Imagesmith servicing" console.
 */
final class ApplyProcess extends PlatformObject implements IProcess {
    /** The process type, for console and label extensions. */
    static final String TYPE = "org.imagesmith.ui.apply";

    private final ILaunch launch;
    private final String label;
    private final IProgressMonitor monitor;
    private final Map<String, String> attributes = new HashMap<>();
    private volatile Integer exitValue;

    /** A running process of the launch, canceled through the monitor the apply runs with. */
    ApplyProcess(ILaunch launch, String label, IProgressMonitor monitor) {
        this.launch = launch;
        this.label = label;
        this.monitor = monitor;
        attributes.put(ATTR_PROCESS_TYPE, TYPE);
        launch.addProcess(this);
        fire(DebugEvent.CREATE);
    }

    /** Ends the process with this exit value (0 when the apply was done). */
    void exited(int value) {
        exitValue = value;
        fire(DebugEvent.TERMINATE);
    }

    private void fire(int kind) {
        DebugPlugin plugin = DebugPlugin.getDefault();
        if (plugin != null) {
            plugin.fireDebugEventSet(new DebugEvent[] {new DebugEvent(this, kind)});
        }
    }

    @Override
    public String getLabel() {
        return label;
    }

    @Override
    public ILaunch getLaunch() {
        return launch;
    }

    @Override
    public IStreamsProxy getStreamsProxy() {
        return null;
    }

    @Override
    public synchronized void setAttribute(String key, String value) {
        attributes.put(key, value);
    }

    @Override
    public synchronized String getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public int getExitValue() throws DebugException {
        Integer value = exitValue;
        if (value == null) {
            throw new DebugException(Status.error(label + " is still running."));
        }
        return value;
    }

    @Override
    public boolean canTerminate() {
        return exitValue == null;
    }

    @Override
    public boolean isTerminated() {
        return exitValue != null;
    }

    @Override
    public void terminate() {
        monitor.setCanceled(true);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == ILaunch.class) {
            return adapter.cast(launch);
        }
        if (adapter == IProcess.class) {
            return adapter.cast(this);
        }
        return super.getAdapter(adapter);
    }
}
