package org.imagesmith.ui;

import java.util.Optional;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;

/** An action of the Images view that follows the view's selection and runs its work as a {@link ServicingJob}. */
abstract class ServicingAction extends Action implements ISelectionChangedListener {
    protected final ImagesView view;

    ServicingAction(ImagesView view, String text, String toolTip) {
        super(text);
        this.view = view;
        setToolTipText(toolTip);
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        update(event.getStructuredSelection());
    }

    /** Enables the action, and says in its tool tip why not when it is disabled. */
    abstract void update(IStructuredSelection selection);

    /** The selected element when exactly one is selected and it is of this type. */
    static <T> Optional<T> single(IStructuredSelection selection, Class<T> type) {
        return selection.size() == 1 && type.isInstance(selection.getFirstElement())
                ? Optional.of(type.cast(selection.getFirstElement())) : Optional.empty();
    }
}
