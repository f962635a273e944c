package org.imagesmith.ui;

import java.util.Optional;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.ui.preferences.ServicingSettings;

/**
 * How Apply to Image runs, beyond what the preferences say.
 *
 * @param logLevel DISM's /LogLevel for this apply; empty for the level of Preferences > Imagesmith
 * @param whatIf /WhatIf: check the answer file against the image and report what it would change, changing nothing
 */
record ApplyOptions(Optional<LogLevel> logLevel, boolean whatIf) {
    /** The preferences' log level, applying for real. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(Optional.empty(), false);

    ApplyOptions {
        logLevel = logLevel == null ? Optional.empty() : logLevel;
    }

    /** The preferences' settings with this log level. */
    ServicingSettings settings(ServicingSettings preferences) {
        return new ServicingSettings(preferences.scratchDirectory(), logLevel.orElse(preferences.logLevel()),
                preferences.logFile());
    }
}
