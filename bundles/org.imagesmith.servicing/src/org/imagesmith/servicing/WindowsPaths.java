package org.imagesmith.servicing;

import java.util.List;

/** Windows paths inside an offline image ("Windows\System32\config\SOFTWARE"), as the names they are made of. */
final class WindowsPaths {
    static final String WINDOWS = "Windows";

    private WindowsPaths() {
    }

    /**
     * The names of a path relative to the image's root, with a leading "Windows" replaced by the image's Windows
     * folder (DISM's /WinDir, itself a relative path such as "Windows" or "WINNT").
     *
     * @throws IllegalArgumentException when the path leaves the image or holds a name Windows cannot hold
     */
    static List<String> names(String windowsPath, String windowsFolder) {
        String trimmed = windowsPath.replace('/', '\\');
        if (trimmed.equalsIgnoreCase(WINDOWS) || trimmed.regionMatches(true, 0, WINDOWS + "\\", 0, WINDOWS.length() + 1)) {
            trimmed = windowsFolder + trimmed.substring(WINDOWS.length());
        }
        while (trimmed.startsWith("\\")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
            return List.of();
        }
        List<String> names = List.of(trimmed.split("\\\\+"));
        for (String name : names) {
            if (name.equals("..") || name.equals(".") || name.indexOf(':') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("The path " + windowsPath + " leaves the image or is not a valid"
                        + " Windows path inside it.");
            }
        }
        return names;
    }
}
