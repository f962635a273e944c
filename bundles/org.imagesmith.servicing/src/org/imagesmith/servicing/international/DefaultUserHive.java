package org.imagesmith.servicing.international;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.imagesmith.registry.DirtyHiveException;
import org.imagesmith.registry.Hive;
import org.imagesmith.servicing.OfflineImage;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;

/**
 * The default user's hive (Users\Default\NTUSER.DAT), which new user profiles are copied from: where the user
 * locale, keyboards and preferred UI languages of every new user come from. Its bytes as read are kept so a
 * failed command can put the file back.
 */
final class DefaultUserHive {
    static final String PATH = "Users\\Default\\NTUSER.DAT";

    private final OfflineImage image;
    private final Hive hive;
    private final byte[] original;

    private DefaultUserHive(OfflineImage image, Hive hive, byte[] original) {
        this.image = image;
        this.hive = hive;
        this.original = original;
    }

    /** The hive, or empty when the image has no default user profile. */
    static Optional<DefaultUserHive> open(OfflineImage image) throws ServicingException {
        Optional<Path> file = image.find(PATH);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file.get());
            Hive hive = Hive.open(file.get(), ServicingSession.transactionLogs(image, PATH));
            return Optional.of(new DefaultUserHive(image, hive, bytes));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.BAD_FORMAT, "The default user's hive " + PATH
                    + " of the image cannot be read: " + e.getMessage(), e);
        }
    }

    /** The hive, or an error saying the image has no default user profile. */
    static DefaultUserHive require(OfflineImage image, String what) throws ServicingException {
        return open(image).orElseThrow(() -> new ServicingException(ServicingException.FILE_NOT_FOUND, "The image "
                + image.description() + " has no default user profile (" + PATH + "), where the " + what
                + " of new users is kept. It is not a complete Windows image."));
    }

    Hive hive() {
        return hive;
    }

    void save() throws ServicingException {
        try {
            hive.save(image.pathForWrite(PATH));
        } catch (DirtyHiveException e) {
            throw new ServicingException(ServicingException.REGISTRY_CORRUPT, "The default user's hive " + PATH
                    + " is not changed: " + e.getMessage() + ".", e);
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The default user's hive " + PATH
                    + " cannot be written back into the image: " + e.getMessage(), e);
        }
    }

    /** Puts the file back as it was read. */
    void restore() throws IOException {
        Hive.replaceFile(image.pathForWrite(PATH), original);
    }
}
