package org.imagesmith.cab;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A cabinet opened for reading. When its header names a previous or next cabinet of a set and that cabinet is in
 * the same directory, the whole set is opened and files spanning cabinets read as one.
 */
public final class Cabinet implements Closeable {
    private final List<CabinetPart> parts;
    private final int opened;
    private final List<FolderChain> folders;
    private final List<CabinetEntry> entries;
    private final Set<CabinetEntry> entrySet;

    private Cabinet(List<CabinetPart> parts, int opened) throws CabinetFormatException {
        this.parts = parts;
        this.opened = opened;
        this.folders = new ArrayList<>();
        List<CabinetEntry> list = new ArrayList<>();
        assemble(list);
        this.entries = List.copyOf(list);
        this.entrySet = Set.copyOf(list);
    }

    /** Opens a cabinet and the other cabinets of its set found beside it. */
    public static Cabinet open(Path path) throws IOException {
        Deque<CabinetPart> parts = new ArrayDeque<>();
        Set<Path> seen = new HashSet<>();
        try {
            CabinetPart first = CabinetPart.read(path);
            parts.add(first);
            seen.add(path.toAbsolutePath().normalize());
            int opened = 0;
            CabinetPart part = first;
            while (part.header.hasPrevious()) {
                CabinetPart previous = sibling(part, part.header.szCabinetPrev(), seen);
                if (previous == null) {
                    break;
                }
                checkLinked(previous, part);
                parts.addFirst(previous);
                opened++;
                part = previous;
            }
            part = first;
            while (part.header.hasNext()) {
                CabinetPart next = sibling(part, part.header.szCabinetNext(), seen);
                if (next == null) {
                    break;
                }
                checkLinked(part, next);
                parts.addLast(next);
                part = next;
            }
            return new Cabinet(List.copyOf(parts), opened);
        } catch (IOException | RuntimeException e) {
            for (CabinetPart part : parts) {
                try {
                    part.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static void checkLinked(CabinetPart left, CabinetPart right) throws CabinetFormatException {
        if (left.header.setID() != right.header.setID() || !left.header.hasNext() || !right.header.hasPrevious()) {
            throw new CabinetFormatException("cabinets '" + left.name() + "' and '" + right.name()
                    + "' do not belong to the same set (set IDs " + left.header.setID() + " and "
                    + right.header.setID() + ")");
        }
    }

    /** The cabinet named {@code name} in the directory of {@code part}, or {@code null} when it is not there. */
    private static CabinetPart sibling(CabinetPart part, String name, Set<Path> seen) throws IOException {
        String fileName = name.substring(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1);
        Path directory = part.source.path().toAbsolutePath().getParent();
        if (fileName.isEmpty() || directory == null || fileName.equals("..") || fileName.equals(".")) {
            return null;
        }
        Path candidate = directory.resolve(fileName);
        if (!Files.isRegularFile(candidate)) {
            candidate = null;
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                for (Path entry : stream) {
                    if (entry.getFileName().toString().equalsIgnoreCase(fileName) && Files.isRegularFile(entry)) {
                        candidate = entry;
                        break;
                    }
                }
            }
            if (candidate == null) {
                return null;
            }
        }
        if (!seen.add(candidate.normalize())) {
            throw new CabinetFormatException("the cabinet set of '" + part.name() + "' loops back to '" + fileName + "'");
        }
        return CabinetPart.read(candidate);
    }

    private void assemble(List<CabinetEntry> list) throws CabinetFormatException {
        FolderChain previousLast = null;
        for (int k = 0; k < parts.size(); k++) {
            CabinetPart part = parts.get(k);
            int count = part.folders.size();
            if (count == 0) {
                previousLast = null;
                continue;
            }
            boolean merged = previousLast != null && part.continuesPrevious() && parts.get(k - 1).continuesNext();
            FolderChain[] map = new FolderChain[count];
            for (int i = 0; i < count; i++) {
                FolderChain.Segment segment = new FolderChain.Segment(part, i, part.folders.get(i));
                if (i == 0 && merged) {
                    previousLast.segments.add(segment);
                    map[0] = previousLast;
                } else {
                    map[i] = new FolderChain(folders.size(), segment);
                    folders.add(map[i]);
                }
            }
            if (!merged && part.continuesPrevious()) {
                map[0].missingPrevious = part.header.szCabinetPrev();
            }
            if (k == parts.size() - 1 && part.header.hasNext()) {
                map[count - 1].missingNext = part.header.szCabinetNext();
            }
            // a file going on from the previous cabinet is listed there already
            Set<String> listed = new HashSet<>();
            if (merged) {
                for (CabinetEntry entry : list) {
                    if (entry.folder() == previousLast.index) {
                        listed.add(key(entry.file()));
                    }
                }
            }
            for (CfFile file : part.files) {
                FolderChain chain;
                if (file.continuesFromPrevious()) {
                    chain = map[0];
                } else if (file.iFolder() == CfFile.CONTINUED_TO_NEXT) {
                    chain = map[count - 1];
                } else {
                    chain = map[file.iFolder()];
                }
                if (file.continuesFromPrevious() && merged && listed.contains(key(file))) {
                    continue;
                }
                list.add(new CabinetEntry(file, chain.index, part.name()));
            }
            previousLast = map[count - 1];
        }
    }

    private static String key(CfFile file) {
        return file.name() + '\0' + file.uoffFolderStart() + '\0' + file.cbFile();
    }

    /** The header of the cabinet that was opened. */
    public CfHeader header() {
        return parts.get(opened).header;
    }

    /** The cabinet files of the set, in order (just the opened one when it is not part of a set). */
    public List<Path> cabinets() {
        return parts.stream().map(part -> part.source.path()).toList();
    }

    /** The number of folders in the whole set (a folder spanning cabinets counts once). */
    public int folderCount() {
        return folders.size();
    }

    /** The compression of a folder of the set. */
    public CompressionType compression(int folder) {
        return CompressionType.of(folders.get(folder).typeCompress);
    }

    /** The files, in the order the cabinets list them. */
    public List<CabinetEntry> entries() {
        return entries;
    }

    /** The file with this name (compared ignoring case, with '/' and '\' alike), if there is one. */
    public Optional<CabinetEntry> find(String name) {
        String wanted = name.replace('/', '\\').toLowerCase(Locale.ROOT);
        return entries.stream().filter(entry -> entry.name().replace('/', '\\').toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** A stream of the bytes of one file; it fails with {@link CabinetFormatException} when the data is damaged. */
    public InputStream openStream(CabinetEntry entry) throws IOException {
        FolderChain chain = chainOf(entry);
        FolderInputStream folder = new FolderInputStream(chain);
        try {
            skipTo(folder, entry);
            return new EntryInputStream(folder, entry, true);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /**
     * The bytes of one file, read into memory; use {@link #openStream} or {@link #extract} for large files.
     *
     * @throws CabinetFormatException when the file is larger than an array can hold or its data is damaged
     */
    public byte[] read(CabinetEntry entry) throws IOException {
        if (entry.size() > Integer.MAX_VALUE - 8) {
            throw new CabinetFormatException("'" + entry.name() + "' has " + entry.size()
                    + " bytes, too many to read into memory; extract it instead");
        }
        try (InputStream in = openStream(entry)) {
            return in.readAllBytes();
        }
    }

    /**
     * Extracts one file under {@code directory} (backslashes in its name make subdirectories).
     *
     * @return the file written
     * @throws UnsafeEntryNameException when the name would leave the directory; nothing is written then
     */
    public Path extract(CabinetEntry entry, Path directory) throws IOException {
        Path target = EntryNames.resolve(directory, entry.name());
        chainOf(entry);
        try (InputStream in = openStream(entry)) {
            write(entry, in, target);
        }
        return target;
    }

    /**
     * Extracts every file under {@code directory}. All names are checked first: when one is refused nothing is
     * written. Each folder is decompressed once.
     *
     * @return the files written, in the order of {@link #entries()}
     */
    public List<Path> extractAll(Path directory) throws IOException {
        Map<CabinetEntry, Path> targets = new LinkedHashMap<>();
        for (CabinetEntry entry : entries) {
            targets.put(entry, EntryNames.resolve(directory, entry.name()));
        }
        List<CabinetEntry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingInt(CabinetEntry::folder)
                .thenComparingLong(entry -> entry.file().uoffFolderStart()));
        FolderInputStream folder = null;
        try {
            for (CabinetEntry entry : order) {
                FolderChain chain = chainOf(entry);
                if (folder == null || folder.chain() != chain || folder.position() > entry.file().uoffFolderStart()) {
                    if (folder != null) {
                        folder.close();
                    }
                    folder = new FolderInputStream(chain);
                }
                skipTo(folder, entry);
                write(entry, new EntryInputStream(folder, entry, false), targets.get(entry));
            }
        } finally {
            if (folder != null) {
                folder.close();
            }
        }
        return List.copyOf(targets.values());
    }

    private FolderChain chainOf(CabinetEntry entry) throws CabinetFormatException {
        if (entry.folder() < 0 || entry.folder() >= folders.size() || !entrySet.contains(entry)) {
            throw new IllegalArgumentException("'" + entry.name() + "' is not a file of this cabinet");
        }
        FolderChain chain = folders.get(entry.folder());
        chain.checkStart();
        long end = entry.file().uoffFolderStart() + entry.size();
        if (end > chain.maxUncompressedSize()) {
            throw new CabinetFormatException("cabinet '" + entry.cabinet() + "' is damaged: '" + entry.name()
                    + "' ends at byte " + end + " of " + chain.describe() + ", which can hold at most "
                    + chain.maxUncompressedSize() + " bytes");
        }
        return chain;
    }

    private static void skipTo(FolderInputStream folder, CabinetEntry entry) throws IOException {
        long offset = entry.file().uoffFolderStart();
        folder.skip(offset - folder.position());
        if (folder.position() != offset) {
            throw new CabinetFormatException("cabinet '" + entry.cabinet() + "' is damaged: '" + entry.name()
                    + "' starts at byte " + offset + " of its folder, but the folder has only " + folder.position());
        }
    }

    private static void write(CabinetEntry entry, InputStream in, Path target) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temporary = SiblingFiles.createTemporary(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            Files.setLastModifiedTime(temporary,
                    FileTime.from(entry.lastModified().atZone(ZoneId.systemDefault()).toInstant()));
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (CabinetPart part : parts) {
            try {
                part.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
