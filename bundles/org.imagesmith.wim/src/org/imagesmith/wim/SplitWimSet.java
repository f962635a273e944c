package org.imagesmith.wim;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parts of a split WIM (.swm files): their names (install.swm, install2.swm, install3.swm, ...), the files a
 * DISM {@code /SWMFile} pattern names, and opening part 1 together with the others. Every part of a set carries the
 * same GUID, its part number and the part count in its header; part 1 holds the images' metadata and XML data, and
 * each part's lookup table lists the streams that part holds.
 */
public final class SplitWimSet {
    private SplitWimSet() {
    }

    /**
     * The name of part {@code number} of a split WIM whose part 1 is {@code firstPart}: part 1 itself, else the
     * number inserted before the extension ({@code install.swm}, {@code install2.swm}, ...), as DISM and wimlib name
     * them.
     */
    public static Path partName(Path firstPart, int number) {
        if (number == 1) {
            return firstPart;
        }
        String name = firstPart.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot <= 0 ? name + number : name.substring(0, dot) + number + name.substring(dot);
        return firstPart.resolveSibling(numbered);
    }

    /**
     * The files a DISM {@code /SWMFile} pattern names, sorted by name. The wildcards {@code *} and {@code ?} may
     * appear in the file name ({@code install*.swm}); names compare ignoring case, as on Windows. A pattern without
     * wildcards is the name of part 1 and stands for the parts named after it: {@code install.swm} names
     * install.swm, install2.swm, install3.swm and so on.
     *
     * @throws java.nio.file.NoSuchFileException when the pattern's folder does not exist
     */
    public static List<Path> matching(String pattern) throws IOException {
        Path path = Path.of(pattern);
        Path fileName = path.getFileName();
        if (fileName == null) {
            throw new IllegalArgumentException("the pattern \"" + pattern + "\" names no file; give a file name such as"
                    + " install*.swm");
        }
        Path folder = path.getParent() == null ? Path.of("") : path.getParent();
        Pattern regex = toRegex(fileName.toString());
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.toString().isEmpty() ? Path.of(".")
                : folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (regex.matcher(name).matches() && Files.isRegularFile(entry)) {
                    matches.add(folder.resolve(name));
                }
            }
        }
        matches.sort(null);
        return matches;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean wildcard = glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0;
        if (!wildcard) {
            // the naming convention: the name of part 1, or the same with a part number before the extension
            int dot = glob.lastIndexOf('.');
            String base = dot <= 0 ? glob : glob.substring(0, dot);
            String extension = dot <= 0 ? "" : glob.substring(dot);
            regex.append(Pattern.quote(base)).append("[0-9]*").append(Pattern.quote(extension));
        } else {
            StringBuilder literal = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (literal.length() > 0) {
                        regex.append(Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? ".*" : ".");
                } else {
                    literal.append(c);
                }
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    /**
     * Opens part 1 of a split WIM with the other parts a DISM {@code /SWMFile} pattern names (see
     * {@link #matching}).
     *
     * @throws SplitWimException when the files do not make one complete set
     */
    public static WimFile open(Path firstPart, String pattern) throws IOException {
        return open(firstPart, matching(pattern));
    }

    /**
     * Opens part 1 of a split WIM with its other parts, read from whichever of {@code files} holds them: the
     * files must be parts of the same split WIM (same GUID and part count), each part from 1 to the part count
     * exactly once; {@code firstPart} may be among the files. A standalone WIM file opens as with
     * {@link WimFile#open} and the files are not read.
     *
     * @throws SplitWimException when {@code firstPart} is not part 1, a part is missing or given twice, or a file is
     *             not a part of this split WIM
     * @throws WimFormatException when a file is not a WIM file
     */
    public static WimFile open(Path firstPart, List<Path> files) throws IOException {
        WimPart first = WimPart.open(firstPart);
        Map<Integer, WimPart> byNumber = new TreeMap<>();
        try {
            WimHeader header = first.header();
            int total = header.totalParts();
            if (total <= 1) {
                return WimFile.open(first, List.of());
            }
            if (header.partNumber() != 1) {
                throw new SplitWimException("the file " + firstPart + " is part " + header.partNumber() + " of a split"
                        + " WIM of " + total + " parts; give its first part (part 1, which holds the images) instead");
            }
            byNumber.put(1, first);
            for (Path file : files) {
                if (Files.isSameFile(file, firstPart)) {
                    continue;
                }
                WimPart part = openPart(file);
                try {
                    checkMember(first, part);
                    WimPart earlier = byNumber.get(part.number());
                    if (earlier != null) {
                        throw new SplitWimException("part " + part.number() + " of the split WIM " + firstPart
                                + " is given twice: " + earlier.path() + " and " + file + "; give each part once");
                    }
                } catch (IOException | RuntimeException e) {
                    part.channel().close();
                    throw e;
                }
                byNumber.put(part.number(), part);
            }
            List<Path> missing = new ArrayList<>();
            List<Integer> missingNumbers = new ArrayList<>();
            for (int number = 2; number <= total; number++) {
                if (!byNumber.containsKey(number)) {
                    missing.add(partName(firstPart, number));
                    missingNumbers.add(number);
                }
            }
            if (!missing.isEmpty()) {
                throw new SplitWimException(missingMessage(firstPart, total, missingNumbers, missing), missing);
            }
            byNumber.remove(1);
            return WimFile.open(first, List.copyOf(byNumber.values()));
        } catch (IOException | RuntimeException e) {
            first.channel().close();
            for (WimPart part : byNumber.values()) {
                part.channel().close();
            }
            throw e;
        }
    }

    private static WimPart openPart(Path file) throws IOException {
        try {
            return WimPart.open(file);
        } catch (WimFormatException e) {
            throw new SplitWimException("the file " + file + ", given as a part of the split WIM, is not a WIM file: "
                    + e.getMessage());
        }
    }

    /** Checks that {@code part} belongs to the split WIM of {@code first}: same GUID and part count. */
    private static void checkMember(WimPart first, WimPart part) throws SplitWimException {
        WimHeader expected = first.header();
        WimHeader actual = part.header();
        String problem = null;
        if (!actual.guid().equalsIgnoreCase(expected.guid())) {
            problem = actual.totalParts() <= 1
                    ? "it is a WIM file of its own, not a part of a split WIM"
                    : "it is part " + actual.partNumber() + " of another split WIM (its GUID is " + actual.guid()
                            + ", not " + expected.guid() + ")";
        } else if (actual.totalParts() != expected.totalParts()) {
            problem = "its header gives the split WIM " + actual.totalParts() + " parts where part 1 gives "
                    + expected.totalParts() + "; the parts are damaged or from different splits";
        } else if (actual.partNumber() < 1 || actual.partNumber() > actual.totalParts()) {
            problem = "its header gives part number " + actual.partNumber() + ", outside the parts 1 to "
                    + actual.totalParts() + " of the set; its header is damaged";
        }
        if (problem != null) {
            throw new SplitWimException("the file " + part.path() + " is not a part of the split WIM "
                    + first.path() + ": " + problem);
        }
    }

    private static String missingMessage(Path firstPart, int total, List<Integer> numbers, List<Path> names) {
        StringBuilder text = new StringBuilder();
        text.append(numbers.size() == 1 ? "part " : "parts ");
        for (int i = 0; i < numbers.size(); i++) {
            text.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
        }
        text.append(" of the split WIM ").append(firstPart).append(" (").append(total).append(" parts) ")
                .append(numbers.size() == 1 ? "is" : "are").append(" missing; expected ");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append(names.get(i));
        }
        return text.toString();
    }
}
