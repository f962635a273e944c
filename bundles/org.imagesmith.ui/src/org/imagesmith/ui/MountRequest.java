package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the Mount dialog asks for: an image of a WIM file, an empty mount directory (created when missing) and
 * whether to mount read-only.
 */
public record MountRequest(ImageNode image, String mountDirectory, boolean readOnly) {
    /** The mount directory proposed for an image: a new directory under the scratch directory. */
    static String proposedDirectory(ImageNode image, Path scratchDirectory) {
        String name = image.file().location().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path candidate = scratchDirectory.resolve("mount").resolve(name + "-" + image.image().index());
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(candidate); n++) {
            candidate = scratchDirectory.resolve("mount").resolve(name + "-" + image.image().index() + "-" + n);
        }
        return candidate.toString();
    }

    /** The mount directory as a path; only valid when {@link #problem()} is empty. */
    public Path mountPath() {
        return Path.of(mountDirectory.strip());
    }

    /** Why this request cannot be mounted as it is, if it cannot (the dialog shows it and keeps OK disabled). */
    public Optional<String> problem() {
        if (image == null) {
            return Optional.of("Choose an image to mount.");
        }
        if (image.file().problem().isPresent()) {
            return image.file().problem();
        }
        String text = mountDirectory == null ? "" : mountDirectory.strip();
        if (text.isEmpty()) {
            return Optional.of("Give the mount directory: an empty directory, or one to create.");
        }
        Path dir;
        try {
            dir = Path.of(text);
        } catch (InvalidPathException e) {
            return Optional.of("The mount directory " + text + " is not a valid path: " + e.getReason() + ".");
        }
        if (!dir.isAbsolute()) {
            return Optional.of("The mount directory " + text + " is not an absolute path.");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(dir + " is not a directory. Choose an empty directory.");
            }
            if (!isEmptyDirectory(dir)) {
                return Optional.of("The mount directory " + dir + " is not empty. Choose an empty directory.");
            }
        }
        return Optional.empty();
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
