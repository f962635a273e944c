package org.imagesmith.unattend.io;

import java.util.Optional;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;

/**
 * Where a model object started in the file it was read from (1-based line and column of its '&lt;'). Kept as an
 * adapter, not as model data: positions are not content, so they do not take part in model equality.
 */
public final class SourceLocation extends AdapterImpl {
    private final int line;
    private final int column;

    private SourceLocation(int line, int column) {
        this.line = line;
        this.column = column;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }

    @Override
    public boolean isAdapterForType(Object type) {
        return type == SourceLocation.class;
    }

    @Override
    public void notifyChanged(Notification msg) {
        // positions describe the file as read; edits do not move them
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }

    /** The location of object, if it was read from a file. */
    public static Optional<SourceLocation> of(EObject object) {
        for (Object adapter : object.eAdapters()) {
            if (adapter instanceof SourceLocation location) {
                return Optional.of(location);
            }
        }
        return Optional.empty();
    }

    /** Records that object started at line and column. */
    public static void set(Notifier object, int line, int column) {
        object.eAdapters().removeIf(SourceLocation.class::isInstance);
        object.eAdapters().add(new SourceLocation(line, column));
    }
}
