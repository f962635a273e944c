package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Screenshots of the workbench taken by UI tests, saved as PNG build artifacts in the test module's
 * target/screenshots folder (Tycho runs the tests in the module's folder), for a person to look at.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** Saves what the shell shows now as target/screenshots/&lt;name&gt;.png and returns the file. */
    public static Path save(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        // GTK paints on its frame clock, not when the events are read: let it draw for a moment (only the picture
        // depends on this; the tests' assertions read the widgets themselves)
        long until = System.nanoTime() + 600_000_000L;
        while (System.nanoTime() < until) {
            while (display.readAndDispatch()) {
                // handle what is pending
            }
            shell.update();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Path folder = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "screenshots"));
            Path file = folder.resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
