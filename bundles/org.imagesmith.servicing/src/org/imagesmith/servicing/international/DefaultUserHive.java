package org.imagesmith.servicing.international;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.OfflineImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * The default user's hive (Users\Default\NTUSER.DAT), which new user profiles are copied from: where the user
 * locale, keyboards and preferred UI languages of every new user come from. Read here for the settings; changes
 * go through the transaction's own copy of the hive ({@code ServicingTransaction#hive}).
 */
final class DefaultUserHive {
    static final String PATH = "Users\\Default\\NTUSER.DAT";

    private final Hive hive;

    private DefaultUserHive(Hive hive) {
        this.hive = hive;
    }

    /** The hive, or empty when the image has no default user profile. */
    static Optional<DefaultUserHive> open(OfflineImage image) throws ServicingException {
        Optional<Path> file = image.find(PATH);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DefaultUserHive(Hive.open(file.get(),
                    ServicingSession.transactionLogs(image, PATH))));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The default user's hive " + PATH
                    + " of the image cannot be read: " + e.getMessage(), e);
        }
    }

    /** The error saying the image has no default user profile, where the {@code what} of new users is kept. */
    static ServicingException missing(OfflineImage image, String what) {
        return new ServicingException(ServicingException.FILE_NOT_FOUND, "The image " + image.description()
                + " has no default user profile (" + PATH + "), where the " + what + " of new users is kept. It is"
                + " not a complete Windows image.");
    }

    Hive hive() {
        return hive;
    }
}
