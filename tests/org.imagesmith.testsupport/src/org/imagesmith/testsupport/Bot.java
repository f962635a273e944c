package org.imagesmith.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;

/**
 * Uses the workbench as a person does, for UI tests: real key strokes and mouse clicks posted to the X server
 * through {@link Display#post(Event)} (so they go through focus, key bindings and pop-ups like a person's), and
 * what a person then sees: the shells that opened, the widgets and the text in them. Runs on the UI thread.
 */
public final class Bot {
    /** Longer than any pop-up or check takes, with room for a slow CI machine. */
    private static final long TIMEOUT_MILLIS = 30_000;

    private final Display display;

    private Bot(Display display) {
        this.display = display;
    }

    /** A bot for the calling (UI) thread's display. */
    public static Bot onCurrentDisplay() {
        Display display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("the bot runs on the UI thread");
        }
        return new Bot(display);
    }

    /** The characters typed with Shift held on a US keyboard, besides the capital letters. */
    private static final String SHIFTED = "~!@#$%^&*()_+{}|:\"<>?";

    /** Types text, a key stroke a character (with Shift where a US keyboard needs it). */
    public Bot type(String text) {
        // at a typist's pace, without waiting between the keys: a pop-up that opens after a pause (content assist
        // activated as one types) takes what follows as a person's typing would
        for (char c : text.toCharArray()) {
            stroke(Character.isUpperCase(c) || SHIFTED.indexOf(c) >= 0 ? SWT.SHIFT : 0, c);
        }
        idle(100);
        return this;
    }

    /**
     * Presses a key with modifiers held, as in {@code press(SWT.CTRL, ' ')} for Ctrl+Space or {@code press(0,
     * SWT.ESC)}: key is a character or an SWT key code.
     */
    public Bot press(int modifiers, int key) {
        key(modifiers, key);
        return this;
    }

    private void key(int modifiers, int key) {
        stroke(modifiers, key);
        idle(30);
    }

    private void stroke(int modifiers, int key) {
        List<Integer> held = new ArrayList<>();
        for (int modifier : new int[] {SWT.CTRL, SWT.SHIFT, SWT.ALT}) {
            if ((modifiers & modifier) != 0) {
                post(SWT.KeyDown, modifier, '\0');
                held.add(0, modifier);
            }
        }
        boolean character = key > 0 && key < 0x10000 && (key & SWT.KEYCODE_BIT) == 0;
        // Backspace, Tab, Enter, Esc and Delete go as the keys they are (SWT's key codes are their characters)
        boolean control = character && (key < 0x20 || key == SWT.DEL);
        int keyCode = !character || control ? key : 0;
        char typed = character ? (char) key : '\0';
        post(SWT.KeyDown, keyCode, typed);
        post(SWT.KeyUp, keyCode, typed);
        for (int modifier : held) {
            post(SWT.KeyUp, modifier, '\0');
        }
    }

    private void post(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        if (!display.post(event)) {
            throw new IllegalStateException("the X server took no key event (no XTEST extension?)");
        }
    }

    /** Clicks the middle of a control with the left mouse button. */
    public Bot click(Control control) {
        Point size = control.getSize();
        return clickAt(control.toDisplay(size.x / 2, size.y / 2));
    }

    /** Clicks the middle of an area given in a control's coordinates (a table item's bounds in its table). */
    public Bot click(Control control, Rectangle area) {
        return clickAt(control.toDisplay(area.x + area.width / 2, area.y + area.height / 2));
    }

    private Bot clickAt(Point at) {
        Event move = new Event();
        move.type = SWT.MouseMove;
        move.x = at.x;
        move.y = at.y;
        display.post(move);
        idle(50);
        for (int type : new int[] {SWT.MouseDown, SWT.MouseUp}) {
            Event button = new Event();
            button.type = type;
            button.button = 1;
            display.post(button);
            idle(30);
        }
        idle(100);
        return this;
    }

    /** Runs the event loop for a while (at least millis), so that what was posted is handled and painted. */
    public Bot idle(long millis) {
        long until = System.currentTimeMillis() + millis;
        do {
            while (display.readAndDispatch()) {
                // handle what is pending
            }
            if (System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return this;
                }
            }
        } while (System.currentTimeMillis() < until);
        return this;
    }

    /**
     * Runs the event loop until what gives a value (not null, not false, not empty), and returns it; fails after
     * the time-out, naming what it waited for.
     */
    public <T> T waitFor(String what, Supplier<T> condition) {
        return waitFor(what, condition, () -> "");
    }

    /** {@link #waitFor(String, Supplier)}, whose failure says what was seen instead (seen, when it gave up). */
    public <T> T waitFor(String what, Supplier<T> condition, Supplier<String> seen) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            idle(20);
            T value = condition.get();
            if (value != null && !Boolean.FALSE.equals(value) && !(value instanceof Optional<?> o && o.isEmpty())) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                String instead = seen.get();
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what
                        + (instead.isEmpty() ? "" : "; seen instead: " + instead));
            }
        }
    }

    /** The visible shells, newest last. */
    public List<Shell> shells() {
        return Arrays.stream(display.getShells()).filter(Shell::isVisible).toList();
    }

    /** Waits for a visible shell with this title. */
    public Shell shell(String title) {
        return waitFor("a window titled " + title,
                () -> shells().stream().filter(shell -> title.equals(shell.getText())).findFirst().orElse(null));
    }

    /** The widgets of a type under parent, in the order a person reads them (tree order), visible ones only. */
    public static <T extends Control> List<T> widgets(Composite parent, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(widgets(composite, type));
            }
        }
        return found;
    }
}
