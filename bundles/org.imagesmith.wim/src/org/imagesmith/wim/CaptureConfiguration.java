package org.imagesmith.wim;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * DISM's configuration list (the WimScript.ini file given with /ConfigFile), which tells a capture what to leave out
 * and what to store without compression. Its sections:
 * <ul>
 * <li>[ExclusionList]: files and folders left out of the image (a folder with everything below it);</li>
 * <li>[ExclusionException]: files and folders captured although the exclusion list matches them (a folder with
 * everything below it; a path from the capture root also reaches into an excluded folder);</li>
 * <li>[CompressionExclusionList]: files stored as uncompressed resources, for data that is compressed already
 * (a folder: every file below it).</li>
 * </ul>
 * Every other line is a {@link PathPattern}. Lines starting with ';' are comments; [PrepopulateList] (WIMBoot's
 * list of files to expand on apply) is read and has no effect on a capture; any other section is an error.
 */
public record CaptureConfiguration(List<PathPattern> exclusionList, List<PathPattern> exclusionExceptions,
        List<PathPattern> compressionExclusionList) {
    /** Nothing excluded, everything compressed: what committing a mounted image captures. */
    public static final CaptureConfiguration NONE = new CaptureConfiguration(List.of(), List.of(), List.of());

    /**
     * What DISM uses when no configuration list is given, as Microsoft documents it: the NTFS log, the hibernation,
     * paging and swap files, System Volume Information, the Windows XP recycle bin and the offline files cache are
     * left out; .mp3, .zip and .cab files and the precompiled INF files (Windows\inf\*.pnf) are stored uncompressed.
     * A configuration list file replaces all of it.
     */
    public static final CaptureConfiguration DISM_DEFAULT = new CaptureConfiguration(
            patterns("\\$ntfs.log", "\\hiberfil.sys", "\\pagefile.sys", "\\swapfile.sys", "\\System Volume Information",
                    "\\RECYCLER", "\\Windows\\CSC"),
            List.of(),
            patterns("*.mp3", "*.zip", "*.cab", "\\WINDOWS\\inf\\*.pnf"));

    /** Configuration lists are small text files; a bigger file is not one. */
    static final int MAX_FILE_SIZE = 4 << 20;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String SECTIONS = "[ExclusionList], [ExclusionException] and [CompressionExclusionList]";

    public CaptureConfiguration {
        exclusionList = List.copyOf(exclusionList);
        exclusionExceptions = List.copyOf(exclusionExceptions);
        compressionExclusionList = List.copyOf(compressionExclusionList);
    }

    private static List<PathPattern> patterns(String... patterns) {
        return Arrays.stream(patterns).map(PathPattern::of).toList();
    }

    /**
     * Reads a configuration list file, in UTF-8 (with or without its byte order mark) or UTF-16 with its byte order
     * mark, as Notepad saves "UTF-8" and "Unicode" files.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws CaptureConfigurationException naming the file and the line when the file is not a configuration list
     */
    public static CaptureConfiguration read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_SIZE) {
            throw new CaptureConfigurationException(file.toString(), 0, "the file has more than " + MAX_FILE_SIZE
                    + " bytes; it is not a configuration list");
        }
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** Parses the bytes of a configuration list file; {@code source} names it in messages. */
    static CaptureConfiguration parse(String source, byte[] content) throws CaptureConfigurationException {
        List<PathPattern> exclusions = new ArrayList<>();
        List<PathPattern> exceptions = new ArrayList<>();
        List<PathPattern> uncompressed = new ArrayList<>();
        List<PathPattern> section = null;
        List<String> lines = decode(content).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.indexOf('\0') >= 0) {
                throw new CaptureConfigurationException(source, number, "the line holds NUL characters; a file in"
                        + " UTF-16 (\"Unicode\") needs its byte order mark, or save the file as UTF-8");
            }
            if (line.indexOf('\uFFFD') >= 0) {
                throw new CaptureConfigurationException(source, number, "the line holds bytes that are not UTF-8"
                        + " text; save the file as UTF-8 or as UTF-16 (\"Unicode\") with its byte order mark");
            }
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new CaptureConfigurationException(source, number, "\"" + line + "\" starts like a section"
                            + " header but does not end with ']'; put a file name that begins with '[' in quotes");
                }
                String name = line.substring(1, line.length() - 1).strip();
                section = switch (name.toLowerCase(Locale.ROOT)) {
                    case "exclusionlist" -> exclusions;
                    case "exclusionexception" -> exceptions;
                    case "compressionexclusionlist" -> uncompressed;
                    case "prepopulatelist" -> new ArrayList<>(); // WIMBoot only: checked, then dropped
                    default -> throw new CaptureConfigurationException(source, number, "the section [" + name
                            + "] is unknown; a configuration list has the sections " + SECTIONS);
                };
                continue;
            }
            if (section == null) {
                throw new CaptureConfigurationException(source, number, "\"" + line + "\" comes before any section;"
                        + " put it under one of " + SECTIONS);
            }
            try {
                section.add(PathPattern.of(line));
            } catch (IllegalArgumentException e) {
                throw new CaptureConfigurationException(source, number, e.getMessage());
            }
        }
        return new CaptureConfiguration(exclusions, exceptions, uncompressed);
    }

    /** The text of the file: UTF-16 after its byte order mark, else UTF-8 (undecodable bytes become U+FFFD). */
    private static String decode(byte[] content) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (content.length >= 3 && Arrays.equals(content, 0, 3, UTF8_BOM, 0, 3)) {
            start = 3;
        }
        // Charset.decode replaces malformed input with U+FFFD, which parse reports with its line
        return charset.decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
    }

    /**
     * Whether a capture leaves out the entry at {@code path} (from the capture root, "\Windows\CSC"): the exclusion
     * list matches it or a folder above it, and the exception list matches neither.
     */
    public boolean excludes(String path) {
        List<String> components = PathPattern.components(path);
        boolean excluded = false;
        for (int n = 1; n <= components.size(); n++) {
            List<String> prefix = components.subList(0, n);
            if (matchesException(prefix)) {
                return false;
            }
            excluded |= matchesExclusion(prefix);
        }
        return excluded;
    }

    /** Whether a capture stores the file at {@code path} (from the capture root) as an uncompressed resource. */
    public boolean storesUncompressed(String path) {
        return storesUncompressed(PathPattern.components(path));
    }

    /** Whether the exclusion list matches this path (its components from the capture root) itself. */
    boolean matchesExclusion(List<String> path) {
        return matchesAny(exclusionList, path);
    }

    /** Whether the exception list matches this path itself. */
    boolean matchesException(List<String> path) {
        return matchesAny(exclusionExceptions, path);
    }

    /** Whether an exception from the capture root may match an entry below this folder. */
    boolean mayMatchExceptionBelow(List<String> folder) {
        for (PathPattern pattern : exclusionExceptions) {
            if (pattern.mayMatchBelow(folder)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the compression exclusion list matches this path or a folder above it. */
    boolean storesUncompressed(List<String> path) {
        for (int n = 1; n <= path.size(); n++) {
            if (matchesAny(compressionExclusionList, path.subList(0, n))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAny(List<PathPattern> patterns, List<String> path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line of a configuration list: a path with '*' (any characters) and '?' (one character) wildcards in its
     * names, compared as Windows compares names (ignoring case); "*.*" matches every name, dot or not, as in
     * Windows. A path that starts with a backslash ("\Windows\CSC") is taken from the capture root; one that does
     * not matches at any depth: "pagefile.sys" or "*.mp3" match a name in every folder, "inf\*.pnf" the .pnf files
     * of every folder named inf. Surrounding double quotes are dropped ("\System Volume Information"), forward
     * slashes count as backslashes, and a drive letter ("C:\pagefile.sys") stands for the capture root.
     */
    public static final class PathPattern {
        private static final String RESERVED = "<>|\":";

        private final boolean fromRoot;
        private final List<String> names;

        private PathPattern(boolean fromRoot, List<String> names) {
            this.fromRoot = fromRoot;
            this.names = names;
        }

        /**
         * The pattern a line of a configuration list gives.
         *
         * @throws IllegalArgumentException saying what is wrong with the line
         */
        public static PathPattern of(String line) {
            String text = line.strip();
            if (text.startsWith("\"")) {
                if (text.length() < 2 || !text.endsWith("\"")) {
                    throw new IllegalArgumentException("the quote that opens " + text + " is not closed");
                }
                text = text.substring(1, text.length() - 1);
            }
            text = text.replace('/', '\\');
            if (text.length() >= 2 && text.charAt(1) == ':' && isAsciiLetter(text.charAt(0))) {
                if (text.length() == 2 || text.charAt(2) != '\\') {
                    throw new IllegalArgumentException("\"" + line.strip() + "\" is relative to a drive's current"
                            + " folder; write the path from the capture root, such as \\pagefile.sys");
                }
                text = text.substring(2);
            }
            boolean fromRoot = text.startsWith("\\");
            List<String> names = components(text);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("\"" + line.strip() + "\" names no file or folder (the capture root"
                        + " itself cannot be excluded)");
            }
            for (String name : names) {
                if (name.equals(".") || name.equals("..")) {
                    throw new IllegalArgumentException("\"" + line.strip() + "\" holds \"" + name + "\"; write the"
                            + " path from the capture root without . or ..");
                }
                for (int i = 0; i < name.length(); i++) {
                    char c = name.charAt(i);
                    if (c < 0x20 || RESERVED.indexOf(c) >= 0) {
                        throw new IllegalArgumentException("\"" + line.strip() + "\" holds the character "
                                + (c < 0x20 ? String.format(Locale.ROOT, "U+%04X", (int) c) : "'" + c + "'")
                                + ", which Windows file names cannot hold");
                    }
                }
            }
            return new PathPattern(fromRoot, List.copyOf(names));
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        /** The names of a Windows path, without empty ones ("\a\\b\" gives a, b). */
        static List<String> components(String path) {
            List<String> names = new ArrayList<>();
            for (String name : path.split("\\\\")) {
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
            return names;
        }

        /** Whether the pattern is taken from the capture root (it starts with a backslash). */
        public boolean fromRoot() {
            return fromRoot;
        }

        /** The pattern's path from the capture root ("\Windows\CSC"), or its relative path ("*.mp3"). */
        public String text() {
            return (fromRoot ? "\\" : "") + String.join("\\", names);
        }

        /** Whether the pattern matches the entry with these names from the capture root. */
        boolean matches(List<String> path) {
            int offset = path.size() - names.size();
            if (offset < 0 || (fromRoot && offset != 0)) {
                return false;
            }
            for (int i = 0; i < names.size(); i++) {
                if (!nameMatches(names.get(i), path.get(offset + i))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a pattern from the capture root may match an entry below this folder. */
        boolean mayMatchBelow(List<String> folder) {
            if (!fromRoot || names.size() <= folder.size()) {
                return false;
            }
            for (int i = 0; i < folder.size(); i++) {
                if (!nameMatches(names.get(i), folder.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Matches one name against one name of a pattern: wildcards, case ignored as Windows ignores it. */
        static boolean nameMatches(String pattern, String name) {
            if (pattern.equals("*") || pattern.equals("*.*")) {
                return true;
            }
            int p = 0;
            int n = 0;
            int star = -1;
            int resume = 0;
            while (n < name.length()) {
                if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    resume = n;
                } else if (p < pattern.length()
                        && (pattern.charAt(p) == '?' || sameIgnoringCase(pattern.charAt(p), name.charAt(n)))) {
                    p++;
                    n++;
                } else if (star >= 0) {
                    p = star + 1;
                    n = ++resume;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') {
                p++;
            }
            return p == pattern.length();
        }

        private static boolean sameIgnoringCase(char a, char b) {
            return a == b || Character.toUpperCase(a) == Character.toUpperCase(b);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PathPattern that && fromRoot == that.fromRoot && names.equals(that.names);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromRoot, names);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
