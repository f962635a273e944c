package org.imagesmith.ui.preferences;

import java.nio.file.Path;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.servicing.ServicingLog;

/** The preference store of the Imagesmith IDE (instance scope of org.imagesmith.ui), its keys and defaults. */
public final class ImagesmithPreferences {
    public static final String QUALIFIER = "org.imagesmith.ui";
    public static final String SCRATCH_DIRECTORY = "scratchDirectory";
    public static final String LOG_LEVEL = "logLevel";
    public static final String LOG_FILE = "logFile";

    private static IPreferenceStore store;

    private ImagesmithPreferences() {
    }

    /** The store the preference page edits and the actions read. */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
        }
        return store;
    }

    /** Sets the defaults: the system's temporary directory, level 3 (information) and the engine's dism.log. */
    static void initializeDefaults(IPreferenceStore preferences) {
        preferences.setDefault(SCRATCH_DIRECTORY, Path.of(System.getProperty("java.io.tmpdir")).toString());
        preferences.setDefault(LOG_LEVEL, LogLevel.INFO.number());
        preferences.setDefault(LOG_FILE, ServicingLog.defaultLogFile().toString());
    }

    /** The settings as stored now; a value out of range falls back to its default. */
    public static ServicingSettings settings() {
        IPreferenceStore preferences = store();
        LogLevel level;
        try {
            level = LogLevel.ofNumber(preferences.getInt(LOG_LEVEL));
        } catch (IllegalArgumentException e) {
            level = LogLevel.ofNumber(preferences.getDefaultInt(LOG_LEVEL));
        }
        return new ServicingSettings(path(preferences, SCRATCH_DIRECTORY), level, path(preferences, LOG_FILE));
    }

    private static Path path(IPreferenceStore preferences, String key) {
        String value = preferences.getString(key).strip();
        return Path.of(value.isEmpty() ? preferences.getDefaultString(key) : value);
    }
}
