package org.imagesmith.servicing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An offline image extracted or mounted into a directory (DISM's /Image:&lt;dir&gt;). Windows paths that start
 * with "Windows" go to the image's Windows folder, which /WinDir may name otherwise.
 */
public final class DirectoryImage implements OfflineImage {
    static final String WINDOWS = WindowsPaths.WINDOWS;

    private final Path root;
    private final boolean readOnly;
    private final String windowsFolder;

    private DirectoryImage(Path root, boolean readOnly, String windowsFolder) {
        this.root = root;
        this.readOnly = readOnly;
        this.windowsFolder = windowsFolder;
    }

    /**
     * Opens the image in this directory.
     *
     * @throws ServicingException when the directory does not exist or holds no Windows folder
     */
    public static DirectoryImage open(Path root) throws ServicingException {
        return open(root, WINDOWS, false);
    }

    /**
     * Opens the image in this directory whose Windows folder has another name or place (DISM's /WinDir, a path
     * relative to the image's root such as "Windows" or "WINNT"), read-only when {@code readOnly} (an image
     * mounted with /ReadOnly) or when the directory cannot be written.
     */
    public static DirectoryImage open(Path root, String windowsFolder, boolean readOnly) throws ServicingException {
        if (windowsFolder.isBlank() || windowsFolder.contains("..") || windowsFolder.contains(":")
                || windowsFolder.startsWith("/") || windowsFolder.startsWith("\\")) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "The Windows folder \"" + windowsFolder
                    + "\" is not valid; give its path relative to the image's root, as in /WinDir:Windows.");
        }
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new ServicingException(ServicingException.FILE_NOT_FOUND, "The image directory " + root
                    + " does not exist. Give the folder an image is mounted or applied to with /Image:<folder>.");
        }
        DirectoryImage image = new DirectoryImage(absolute, readOnly || !Files.isWritable(absolute),
                windowsFolder.replace('/', '\\'));
        if (image.find(WINDOWS).filter(Files::isDirectory).isEmpty()) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "The folder " + root
                    + " holds no " + windowsFolder + " folder, so it is not the root of an offline Windows image."
                    + " Give the folder the image was mounted or applied to (and /WinDir if its Windows folder"
                    + " has another name).");
        }
        return image;
    }

    public Path root() {
        return root;
    }

    @Override
    public String description() {
        return root.toString();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public Optional<Path> find(String windowsPath) {
        Path current = root;
        for (String segment : segments(windowsPath)) {
            Optional<Path> next = child(current, segment);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    @Override
    public Path pathForWrite(String windowsPath) throws IOException {
        String[] segments = segments(windowsPath);
        Path current = root;
        for (int i = 0; i < segments.length; i++) {
            Optional<Path> existing = child(current, segments[i]);
            Path next = existing.orElse(current.resolve(segments[i]));
            if (i < segments.length - 1 && existing.isEmpty()) {
                Files.createDirectory(next);
            }
            current = next;
        }
        return current;
    }

    private String[] segments(String windowsPath) {
        return WindowsPaths.names(windowsPath, windowsFolder).toArray(String[]::new);
    }

    @Override
    public List<String> list(String windowsFolder) throws IOException {
        Optional<Path> folder = find(windowsFolder);
        List<String> names = new ArrayList<>();
        if (folder.isEmpty() || !Files.isDirectory(folder.get(), LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.get())) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** The entry of dir whose name equals segment ignoring case (an exact match first); never a symbolic link. */
    private static Optional<Path> child(Path dir, String segment) {
        Path exact = dir.resolve(segment);
        if (Files.exists(exact, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isSymbolicLink(exact) ? Optional.empty() : Optional.of(exact);
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().equalsIgnoreCase(segment) && !Files.isSymbolicLink(entry)) {
                    return Optional.of(entry);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
