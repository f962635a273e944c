package org.imagesmith.servicing.unattend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * The checked change one offlineServicing setting makes in a hive of the image.
 *
 * @param setting the setting as messages name it (Component | Setting)
 * @param hive {@link ServicingSession#SOFTWARE_HIVE}, {@link ServicingSession#SYSTEM_HIVE} or another hive of the
 *        image (such as {@link OfflineUserAccounts#SAM_HIVE}), read and written back atomically here
 * @param effect the values written, as /WhatIf and the log show them (HKLM\...\Key: Name = data (REG_TYPE))
 * @param write writes the values into the hive in memory
 */
record RegistryChange(String setting, String hive, String effect, Consumer<Hive> write) {

    /** Writes the values and saves the hive into the image; returns the line that says what was done. */
    String apply(ServicingSession session) throws ServicingException {
        if (hive.equals(ServicingSession.SYSTEM_HIVE) || hive.equals(ServicingSession.SOFTWARE_HIVE)) {
            write.accept(hive.equals(ServicingSession.SYSTEM_HIVE) ? session.system() : session.software());
            session.saveHive(hive);
        } else {
            session.requireWritable();
            Path file = session.image().find(hive).orElseThrow(() -> new ServicingException(
                    ServicingException.FILE_NOT_FOUND, "The image has no " + hive + " hive."));
            try {
                Hive other = Hive.open(file);
                write.accept(other);
                other.save(session.image().pathForWrite(hive));
            } catch (IOException e) {
                throw new ServicingException(ServicingException.ACCESS_DENIED, "The hive " + hive + " cannot be written"
                        + " back into the image: " + e.getMessage(), e);
            }
        }
        return "Applied " + setting + ": " + effect;
    }
}
