package org.imagesmith.ui.preferences;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences > Imagesmith: the scratch directory, the log level (1 to 4) and the log file of every operation. */
public class ImagesmithPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "org.imagesmith.ui.preferences";

    DirectoryFieldEditor scratchDirectory;
    IntegerFieldEditor logLevel;
    FileFieldEditor logFile;

    public ImagesmithPreferencePage() {
        super(GRID);
        setPreferenceStore(ImagesmithPreferences.store());
        setDescription("Options passed to every mount, unmount, remount and cleanup, as DISM's /ScratchDir,"
                + " /LogLevel and /LogPath.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is set in the constructor
    }

    @Override
    protected void createFieldEditors() {
        scratchDirectory = new DirectoryFieldEditor(ImagesmithPreferences.SCRATCH_DIRECTORY, "&Scratch directory:",
                getFieldEditorParent());
        scratchDirectory.setEmptyStringAllowed(false);
        scratchDirectory.setErrorMessage("The scratch directory must be an existing directory.");
        addField(scratchDirectory);

        logLevel = new IntegerFieldEditor(ImagesmithPreferences.LOG_LEVEL,
                "Log &level (1 errors, 2 warnings, 3 information, 4 debug):", getFieldEditorParent(), 1);
        logLevel.setValidRange(1, 4);
        logLevel.setErrorMessage("The log level must be 1 (errors), 2 (errors and warnings), 3 (also information)"
                + " or 4 (also debug).");
        addField(logLevel);

        logFile = new FileFieldEditor(ImagesmithPreferences.LOG_FILE, "Log &file:", true,
                FileFieldEditor.VALIDATE_ON_KEY_STROKE, getFieldEditorParent()) {
            @Override
            protected boolean checkState() {
                // the log file is created on first use; only its name must be given, as an absolute path
                boolean valid = isLogFile(getStringValue().strip());
                if (valid) {
                    clearErrorMessage();
                } else {
                    showErrorMessage("The log file must be an absolute path to a file (it is created if missing).");
                }
                return valid;
            }
        };
        logFile.setEmptyStringAllowed(false);
        addField(logFile);
    }

    private static boolean isLogFile(String value) {
        try {
            Path path = Path.of(value);
            return !value.isEmpty() && path.isAbsolute() && !Files.isDirectory(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
