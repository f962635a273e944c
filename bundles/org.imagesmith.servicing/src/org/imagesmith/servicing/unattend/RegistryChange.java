package org.imagesmith.servicing.unattend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.OfflineImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;

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
            // the apply's transaction reads the hive once and writes it with the others at its commit
            try (ServicingTransaction transaction = session.begin()) {
                Hive other = transaction.hive(hive).orElseThrow(() -> new ServicingException(
                        ServicingException.FILE_NOT_FOUND, "The image has no " + hive
                                + " hive; is it a complete offline Windows image?"));
                if (other.isDirty()) {
                    throw notUpToDate(hive);
                }
                write.accept(other);
                transaction.commit();
            }
        }
        return "Applied " + setting + ": " + effect;
    }

    /**
     * Opens another hive of the image with its transaction logs, refusing one that they cannot bring up to date.
     *
     * @param windowsPath such as Windows\System32\config\SAM
     */
    static Hive open(OfflineImage image, String windowsPath) throws ServicingException {
        Path file = image.find(windowsPath).orElseThrow(() -> new ServicingException(ServicingException.FILE_NOT_FOUND,
                "The image has no " + windowsPath + " hive; is it a complete offline Windows image?"));
        Hive hive;
        try {
            hive = Hive.open(file, ServicingSession.transactionLogs(image, windowsPath));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The registry hive " + windowsPath
                    + " of the image cannot be read: " + e.getMessage(), e);
        }
        if (hive.isDirty()) {
            throw notUpToDate(windowsPath);
        }
        return hive;
    }

    private static ServicingException notUpToDate(String windowsPath) {
        return new ServicingException(ServicingException.REGISTRY_CORRUPT, "The registry hive " + windowsPath
                + " of the image was not written completely and its transaction logs cannot bring it up to date, so"
                + " the image is not changed. Start the image's Windows once, or restore the hive's .LOG1/.LOG2"
                + " files, and try again.");
    }
}
