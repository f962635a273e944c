package org.imagesmith.servicing.unattend;

import java.util.function.Consumer;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * The checked change one offlineServicing setting makes in a hive of the image.
 *
 * @param setting the setting as messages name it (Component | Setting)
 * @param hive {@link ServicingSession#SOFTWARE_HIVE} or {@link ServicingSession#SYSTEM_HIVE}
 * @param effect the values written, as /WhatIf and the log show them (HKLM\...\Key: Name = data (REG_TYPE))
 * @param write writes the values into the hive in memory
 */
record RegistryChange(String setting, String hive, String effect, Consumer<Hive> write) {

    /** Writes the values and saves the hive into the image; returns the line that says what was done. */
    String apply(ServicingSession session) throws ServicingException {
        write.accept(hive.equals(ServicingSession.SYSTEM_HIVE) ? session.system() : session.software());
        session.saveHive(hive);
        return "Applied " + setting + ": " + effect;
    }
}
