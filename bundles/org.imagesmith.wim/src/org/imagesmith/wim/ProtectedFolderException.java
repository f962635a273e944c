package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Raised before anything is written when an image is to be applied or mounted into the root of the file system or
 * the user's home folder, however the folder is named (a symbolic link to it, a path through links or with
 * {@code ..}): applying over it with /Overwrite would replace the system's or the user's files, and deleting a mount
 * there would delete them.
 */
public final class ProtectedFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    private ProtectedFolderException(String message) {
        super(message);
    }

    /**
     * Refuses {@code target} when its real path is the root folder or the user's home folder.
     *
     * @param role what the folder would be ("the apply directory", "the mount directory"), for the message
     */
    public static void refuse(Path target, String role) throws IOException {
        Path real = WriterLock.realPath(target);
        for (Path folder : protectedFolders()) {
            if (real.equals(folder)) {
                throw new ProtectedFolderException(capitalized(role) + " " + target + (real.equals(target) ? "" : " ("
                        + real + ")") + " is " + (real.getParent() == null ? "the root of the file system" : "your"
                                + " home folder") + "; an image is never applied or mounted there, as its files would"
                        + " mix with the system's or yours. Give an empty folder of its own, such as "
                        + folder.resolve("mount") + ".");
            }
        }
    }

    private static List<Path> protectedFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        folders.add(WriterLock.realPath(Path.of("/")));
        String[] homes = {System.getProperty("user.home"), System.getenv("HOME")};
        for (String home : homes) {
            if (home != null && !home.isBlank()) {
                folders.add(WriterLock.realPath(Path.of(home)));
            }
        }
        return folders;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
