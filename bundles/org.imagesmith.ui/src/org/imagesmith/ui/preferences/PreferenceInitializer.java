package org.imagesmith.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Registers the defaults of the Imagesmith preferences (extension org.eclipse.core.runtime.preferences). */
public class PreferenceInitializer extends AbstractPreferenceInitializer {
    @Override
    public void initializeDefaultPreferences() {
        ImagesmithPreferences.initializeDefaults(ImagesmithPreferences.store());
    }
}
