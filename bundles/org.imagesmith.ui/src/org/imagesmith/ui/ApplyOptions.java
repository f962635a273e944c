package org.imagesmith.ui;

import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.servicing.LogLevel;
import org.imagesmith.ui.preferences.ServicingSettings;

/**
 * How Apply to Image runs, beyond what the preferences say: the engine's options of DISM's command line.
 *
 * @param logLevel DISM's /LogLevel for this apply; empty for the level of Preferences > Imagesmith
 * @param whatIf /WhatIf: check the answer file against the image and report what it would change, changing nothing
 * @param forceUnsigned DISM's /ForceUnsigned: add the drivers of the file's driver paths even when unsigned
 * @param scratchDirectory DISM's /ScratchDir for this apply; empty for the folder of Preferences > Imagesmith
 */
record ApplyOptions(Optional<LogLevel> logLevel, boolean whatIf, boolean forceUnsigned, Optional<Path> scratchDirectory) {
    /** The preferences' log level and scratch folder, applying for real, signed drivers only. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(Optional.empty(), false, false, Optional.empty());

    ApplyOptions {
        logLevel = logLevel == null ? Optional.empty() : logLevel;
        scratchDirectory = scratchDirectory == null ? Optional.empty() : scratchDirectory;
    }

    /** These options with /WhatIf on or off. */
    ApplyOptions withWhatIf(boolean value) {
        return new ApplyOptions(logLevel, value, forceUnsigned, scratchDirectory);
    }

    /** The preferences' settings with this log level and scratch folder. */
    ServicingSettings settings(ServicingSettings preferences) {
        return new ServicingSettings(scratchDirectory.orElse(preferences.scratchDirectory()),
                logLevel.orElse(preferences.logLevel()), preferences.logFile());
    }
}
