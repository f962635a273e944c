package org.imagesmith.cab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the names of files inside cabinets before anything is extracted: backslashes and slashes separate
 * directories; names that are absolute, UNC, carry a drive letter or a colon, climb with {@code ..}, or name a
 * Windows device are refused.
 */
public final class EntryNames {
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM\u00B9", "COM\u00B2",
            "COM\u00B3", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT\u00B9",
            "LPT\u00B2", "LPT\u00B3");
    private static final String FORBIDDEN = "<>\"|?*";

    private EntryNames() {
    }

    /**
     * The directory names and file name of an entry name.
     *
     * @throws UnsafeEntryNameException when the name could escape the extraction directory or is not a valid
     *         Windows file name
     */
    public static List<String> segments(String name) throws UnsafeEntryNameException {
        if (name.isEmpty()) {
            throw new UnsafeEntryNameException(name, "the name is empty");
        }
        if (name.startsWith("\\\\") || name.startsWith("//")) {
            throw new UnsafeEntryNameException(name, "it is a UNC path");
        }
        if (name.startsWith("\\") || name.startsWith("/")) {
            throw new UnsafeEntryNameException(name, "it is an absolute path");
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            throw new UnsafeEntryNameException(name, "it starts with the drive letter " + name.substring(0, 2));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':') {
                throw new UnsafeEntryNameException(name, "it contains ':' (a drive or an alternate data stream)");
            }
            if (c < 0x20 || FORBIDDEN.indexOf(c) >= 0) {
                throw new UnsafeEntryNameException(name, "it contains the character "
                        + (c < 0x20 ? String.format("U+%04X", (int) c) : "'" + c + "'")
                        + ", which Windows does not allow in file names");
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("[\\\\/]", -1)) {
            if (segment.isEmpty()) {
                throw new UnsafeEntryNameException(name, "it has an empty path segment");
            }
            if (segment.equals("..")) {
                throw new UnsafeEntryNameException(name, "its '..' segment would leave the extraction directory");
            }
            if (segment.endsWith(".") || segment.endsWith(" ")) {
                throw new UnsafeEntryNameException(name, "the segment '" + segment
                        + "' ends with a dot or a space, which Windows drops");
            }
            int dot = segment.indexOf('.');
            String base = (dot < 0 ? segment : segment.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
            if (DEVICES.contains(base)) {
                throw new UnsafeEntryNameException(name, "'" + segment + "' is the Windows device " + base);
            }
            segments.add(segment);
        }
        return segments;
    }

    /**
     * The path under {@code directory} where the entry {@code name} is extracted.
     *
     * @throws UnsafeEntryNameException when the name is refused by {@link #segments(String)}
     */
    public static Path resolve(Path directory, String name) throws UnsafeEntryNameException {
        Path base = directory.toAbsolutePath().normalize();
        Path target = base;
        for (String segment : segments(name)) {
            target = target.resolve(segment);
        }
        target = target.normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new UnsafeEntryNameException(name, "it does not name a file inside " + base);
        }
        return target;
    }
}
