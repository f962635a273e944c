package org.imagesmith.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension of the tests that run in an Eclipse workbench ({@code @ExtendWith(NoLoggedErrors.class)}): from
 * before the first test of the class to after the last, it listens to the platform log and fails the test during
 * which an ERROR status was logged (an unhandled exception in the event loop, a failed job, an image or resource
 * that could not be created), as a person would see it in an error dialog or the Error Log. The event queue is
 * drained before each check, so that what a test left for the UI thread is done and counted in that test.
 */
public final class NoLoggedErrors implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoLoggedErrors.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Listener listener = new Listener();
        Platform.addLogListener(listener);
        context.getStore(NAMESPACE).put(Listener.class, listener);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        check(context, "while " + context.getDisplayName() + " ran");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Listener listener = context.getStore(NAMESPACE).remove(Listener.class, Listener.class);
        try {
            check(listener, "before or after the tests of " + context.getDisplayName());
        } finally {
            Platform.removeLogListener(listener);
        }
    }

    private static void check(ExtensionContext context, String when) {
        ExtensionContext classContext = context.getParent().orElse(context);
        check(classContext.getStore(NAMESPACE).get(Listener.class, Listener.class), when);
    }

    private static void check(Listener listener, String when) {
        if (listener == null) {
            return;
        }
        Display display = Display.getCurrent();
        if (display != null) {
            while (display.readAndDispatch()) {
                // what the test left for the UI thread is part of it
            }
        }
        List<IStatus> errors = listener.take();
        if (errors.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(errors.size() + " error(s) logged " + when + ":");
        Throwable cause = null;
        for (IStatus error : errors) {
            message.append("\n  ").append(error.getPlugin()).append(": ").append(error.getMessage());
            if (error.getException() != null) {
                message.append(" (").append(error.getException()).append(')');
                cause = cause != null ? cause : error.getException();
            }
        }
        throw new AssertionError(message.toString(), cause);
    }

    /** Collects the ERROR statuses logged by any plug-in, from any thread. */
    private static final class Listener implements ILogListener {
        private final List<IStatus> errors = new ArrayList<>();

        @Override
        public void logging(IStatus status, String plugin) {
            if (status.matches(IStatus.ERROR)) {
                synchronized (errors) {
                    errors.add(status);
                }
            }
        }

        List<IStatus> take() {
            synchronized (errors) {
                List<IStatus> taken = List.copyOf(errors);
                errors.clear();
                return taken;
            }
        }
    }
}
