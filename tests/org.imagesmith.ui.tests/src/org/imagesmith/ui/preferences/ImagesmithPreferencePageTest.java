package org.imagesmith.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IScopeContext;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Opens Preferences > Imagesmith in the workbench's preference dialog, sets values and presses Apply and Close. */
@ExtendWith(NoLoggedErrors.class)
class ImagesmithPreferencePageTest {
    @TempDir
    Path dir;

    private PreferenceDialog dialog;

    @AfterEach
    void tearDown() {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        for (String key : List.of(ImagesmithPreferences.SCRATCH_DIRECTORY, ImagesmithPreferences.LOG_LEVEL,
                ImagesmithPreferences.LOG_FILE)) {
            ImagesmithPreferences.store().setToDefault(key);
        }
    }

    private ImagesmithPreferencePage open() {
        dialog = PreferencesUtil.createPreferenceDialogOn(PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                ? PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() : null,
                ImagesmithPreferencePage.ID, new String[] {ImagesmithPreferencePage.ID}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        processEvents();
        return assertInstanceOf(ImagesmithPreferencePage.class, dialog.getSelectedPage(),
                "the page is registered as " + ImagesmithPreferencePage.ID);
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // drain
        }
    }

    private Button okButton() {
        List<Button> buttons = new ArrayList<>();
        collect(dialog.getShell(), buttons);
        return buttons.stream().filter(b -> Integer.valueOf(IDialogConstants.OK_ID).equals(b.getData())).findFirst()
                .orElseThrow();
    }

    private static void collect(Control control, List<Button> buttons) {
        if (control instanceof Button button) {
            buttons.add(button);
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, buttons);
            }
        }
    }

    /** The value stored in the instance scope (the workspace's preferences), not a default. */
    private static String instanceValue(String key) {
        return Platform.getPreferencesService().getString(ImagesmithPreferences.QUALIFIER, key, null,
                new IScopeContext[] {InstanceScope.INSTANCE});
    }

    @Test
    void showsTheDefaults() {
        ImagesmithPreferencePage page = open();
        assertEquals("3", page.logLevel.getStringValue());
        assertEquals(System.getProperty("java.io.tmpdir"), page.scratchDirectory.getStringValue());
        assertTrue(page.logFile.getStringValue().endsWith("imagesmith/dism.log"), page.logFile.getStringValue());
        assertEquals(LogLevel.INFO, ImagesmithPreferences.settings().logLevel());
    }

    @Test
    void storesWhatIsSetAndPassesItOn() {
        ImagesmithPreferencePage page = open();
        page.scratchDirectory.setStringValue(dir.toString());
        page.logLevel.setStringValue("4");
        page.logFile.setStringValue(dir.resolve("logs/imagesmith.log").toString());
        processEvents();
        assertTrue(page.isValid(), page.getErrorMessage());
        okButton().notifyListeners(SWT.Selection, new Event());
        processEvents();
        assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "Apply and Close closes the dialog");

        assertEquals(dir.toString(), instanceValue(ImagesmithPreferences.SCRATCH_DIRECTORY));
        assertEquals("4", instanceValue(ImagesmithPreferences.LOG_LEVEL));
        assertEquals(dir.resolve("logs/imagesmith.log").toString(), instanceValue(ImagesmithPreferences.LOG_FILE));
        assertEquals(new ServicingSettings(dir, LogLevel.DEBUG, dir.resolve("logs/imagesmith.log")),
                ImagesmithPreferences.settings());
    }

    @Test
    void refusesALogLevelOutsideOneToFour() {
        ImagesmithPreferencePage page = open();
        page.logLevel.setStringValue("5");
        processEvents();
        assertFalse(page.isValid());
        assertTrue(page.getErrorMessage().startsWith("The log level must be 1 (errors)"), page.getErrorMessage());
        assertFalse(okButton().isEnabled(), "Apply and Close is disabled while a value is wrong");
        page.logLevel.setStringValue("2");
        page.scratchDirectory.setStringValue(dir.resolve("missing").toString());
        processEvents();
        assertFalse(page.isValid());
        assertEquals("The scratch directory must be an existing directory.", page.getErrorMessage());
        page.scratchDirectory.setStringValue(dir.toString());
        page.logFile.setStringValue("relative.log");
        processEvents();
        assertFalse(page.isValid());
        assertTrue(page.getErrorMessage().startsWith("The log file must be an absolute path"), page.getErrorMessage());
    }
}
