package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.imagesmith.testsupport.SyntheticTree;
import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real workbench (under Xvfb in CI), opens the Imagesmith perspective and drives the Images view. */
class ImagesViewTest {
    @TempDir
    Path dir;

    private static IWorkbenchWindow window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                ? PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                : PlatformUI.getWorkbench().getWorkbenchWindows()[0];
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain the event queue so the widgets are laid out and painted
        }
    }

    @Test
    void perspectiveOpensWithTheImagesView() throws WorkbenchException {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ImagesmithPerspective.ID, window());
        processEvents();
        assertEquals(ImagesmithPerspective.ID, page.getPerspective().getId());
        IViewPart view = page.findView(ImagesView.ID);
        ImagesView images = assertInstanceOf(ImagesView.class, view, "the Images view is part of the perspective");
        assertTrue(images.table().isVisible(), "the images table is showing");
        assertEquals(List.of("Index", "Name", "Edition", "Architecture", "Size"),
                Arrays.stream(images.table().getColumns()).map(TableColumn::getText).toList());
    }

    @Test
    void showsTheImagesOfAWimFile() throws Exception {
        Path wim = dir.resolve("install.wim");
        Wimlib.capture(SyntheticTree.write(dir.resolve("one"), 1), wim, "Windows 7 HOMEBASIC", "Home Basic", "--compress=lzx");
        Wimlib.append(SyntheticTree.write(dir.resolve("two"), 2), wim, "Windows 7 ULTIMATE", "Ultimate", "--compress=lzx");
        Wimlib.setProperties(wim, 2, "WINDOWS/ARCH=9", "WINDOWS/EDITIONID=Ultimate");

        ImagesView view = (ImagesView) window().getActivePage().showView(ImagesView.ID);
        view.showWimFile(wim);
        processEvents();

        TableItem[] rows = view.table().getItems();
        assertEquals(2, rows.length);
        assertEquals("1", rows[0].getText(0));
        assertEquals("Windows 7 HOMEBASIC", rows[0].getText(1));
        assertEquals("Windows 7 ULTIMATE", rows[1].getText(1));
        assertEquals("Ultimate", rows[1].getText(2));
        assertEquals("x64", rows[1].getText(3));
        assertTrue(rows[1].getText(4).endsWith(" bytes"), rows[1].getText(4));
        assertTrue(view.statusText().contains("2 images, LZX compression"), view.statusText());
    }

    @Test
    void saysWhyAFileCannotBeShown() throws Exception {
        Path notAWim = Files.writeString(dir.resolve("notes.wim"), "plain text, not an image ".repeat(20));
        ImagesView view = (ImagesView) window().getActivePage().showView(ImagesView.ID);
        view.showWimFile(notAWim);
        processEvents();
        assertEquals(0, view.table().getItemCount());
        assertTrue(view.statusText().contains("cannot be read as a WIM file"), view.statusText());
    }

}
