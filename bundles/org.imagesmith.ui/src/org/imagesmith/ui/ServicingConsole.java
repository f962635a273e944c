package org.imagesmith.ui;

import java.io.IOException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.IConsoleManager;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

/** The "Imagesmith servicing" console, where Apply to Image shows the servicing log as it is written. */
final class ServicingConsole {
    static final String NAME = "Imagesmith servicing";

    private ServicingConsole() {
    }

    /** The console, added to the console manager the first time. */
    static synchronized MessageConsole get() {
        IConsoleManager manager = ConsolePlugin.getDefault().getConsoleManager();
        for (IConsole console : manager.getConsoles()) {
            if (console instanceof MessageConsole message && NAME.equals(console.getName())) {
                return message;
            }
        }
        MessageConsole console = new MessageConsole(NAME, null);
        manager.addConsoles(new IConsole[] {console});
        return console;
    }

    /** Brings the console to the front of the Console view (opening it). */
    static void show() {
        ConsolePlugin.getDefault().getConsoleManager().showConsoleView(get());
    }

    /** A stream to the console; close it when done. */
    static MessageConsoleStream newStream() {
        return get().newMessageStream();
    }

    /** Closes a stream of the console. */
    static void close(MessageConsoleStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            ILog.of(ServicingConsole.class).warn("The servicing console cannot be written: " + e.getMessage());
        }
    }
}
