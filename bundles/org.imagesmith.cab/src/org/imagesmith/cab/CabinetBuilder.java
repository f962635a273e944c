package org.imagesmith.cab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a single cabinet, uncompressed or MSZIP: add files (name inside the cabinet, bytes or a file, time,
 * attributes), then {@link #write(Path)} it. Files go into one folder until {@link #newFolder()} is called or the
 * folder is full (65535 blocks of 32 KiB).
 */
public final class CabinetBuilder {
    /** The most bytes one folder can hold: 65535 CFDATA blocks of 32 KiB. */
    static final long MAX_FOLDER_SIZE = 0xFFFFL * BlockDecoder.MAX_BLOCK;
    /** The attribute bits a caller may set. */
    private static final int ATTRIBUTE_MASK = CfFile.A_RDONLY | CfFile.A_HIDDEN | CfFile.A_SYSTEM | CfFile.A_ARCH
            | CfFile.A_EXEC;

    private record Source(String name, byte[] bytes, Path path, long size, LocalDateTime time, int attributes) {
        InputStream open() throws IOException {
            return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
        }
    }

    private final CompressionType compression;
    private final List<List<Source>> folders = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int setID;

    /**
     * @param compression {@link CompressionType#NONE} or {@link CompressionType#MSZIP}
     */
    public CabinetBuilder(CompressionType compression) {
        if (compression != CompressionType.NONE && compression != CompressionType.MSZIP) {
            throw new IllegalArgumentException("cabinets can be written uncompressed or with MSZIP, not " + compression);
        }
        this.compression = compression;
        folders.add(new ArrayList<>());
    }

    /** Sets the set ID stored in CFHEADER.setID (0 to 65535). */
    public CabinetBuilder setID(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("the set ID must be 0 to 65535, not " + value);
        }
        this.setID = value;
        return this;
    }

    /** Adds a file from memory; {@code attributes} are CfFile.A_* bits. */
    public CabinetBuilder addFile(String name, byte[] data, LocalDateTime time, int attributes) {
        Objects.requireNonNull(data, "data");
        return add(new Source(checkName(name), data.clone(), null, data.length, Objects.requireNonNull(time, "time"),
                checkAttributes(attributes)));
    }

    /** Adds a file from disk with its modification time and the archive attribute. */
    public CabinetBuilder addFile(String name, Path file) throws IOException {
        LocalDateTime time = LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault());
        return addFile(name, file, time, CfFile.A_ARCH);
    }

    /** Adds a file from disk; it is read when the cabinet is written and must not change size before that. */
    public CabinetBuilder addFile(String name, Path file, LocalDateTime time, int attributes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("'" + file + "' is not a regular file");
        }
        return add(new Source(checkName(name), null, file, Files.size(file), Objects.requireNonNull(time, "time"),
                checkAttributes(attributes)));
    }

    /** Puts the files added from now on into a new folder (a folder is compressed as one stream). */
    public CabinetBuilder newFolder() {
        if (!folders.get(folders.size() - 1).isEmpty()) {
            folders.add(new ArrayList<>());
        }
        return this;
    }

    private CabinetBuilder add(Source source) {
        if (source.size() > MAX_FOLDER_SIZE) {
            throw new IllegalArgumentException("'" + source.name() + "' has " + source.size()
                    + " bytes; a cabinet folder holds at most " + MAX_FOLDER_SIZE);
        }
        if (!names.add(source.name().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the cabinet already has a file named '" + source.name() + "'");
        }
        if (names.size() > 0xFFFF) {
            throw new IllegalArgumentException("a cabinet holds at most 65535 files");
        }
        List<Source> folder = folders.get(folders.size() - 1);
        long used = folder.stream().mapToLong(Source::size).sum();
        if (used + source.size() > MAX_FOLDER_SIZE) {
            folder = new ArrayList<>();
            folders.add(folder);
        }
        folder.add(source);
        return this;
    }

    private static String checkName(String name) {
        String stored = name.replace('/', '\\');
        try {
            EntryNames.segments(stored);
        } catch (UnsafeEntryNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (CfFile.encodedName(stored).length > CfFile.MAX_NAME) {
            throw new IllegalArgumentException("'" + name + "' is longer than the " + CfFile.MAX_NAME
                    + " bytes a cabinet allows in a file name");
        }
        return stored;
    }

    private static int checkAttributes(int attributes) {
        if ((attributes & ~ATTRIBUTE_MASK) != 0) {
            throw new IllegalArgumentException("unknown file attributes 0x" + Integer.toHexString(attributes)
                    + " (allowed: read-only, hidden, system, archive, execute)");
        }
        return attributes;
    }

    /**
     * Writes the cabinet to {@code target}, through a temporary file in the same directory that replaces the target
     * only once complete.
     */
    public void write(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = SiblingFiles.createTemporary(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeTo(FileChannel channel) throws IOException {
        List<List<Source>> used = folders.stream().filter(folder -> !folder.isEmpty()).toList();
        if (used.size() > 0xFFFF) {
            throw new IllegalStateException("a cabinet holds at most 65535 folders");
        }
        int fileCount = used.stream().mapToInt(List::size).sum();
        long coffFiles = CfHeader.FIXED_SIZE + (long) CfFolder.FIXED_SIZE * used.size();
        ByteBuffer files = ByteBuffer.allocate(fileCount * (CfFile.FIXED_SIZE + CfFile.MAX_NAME + 1))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < used.size(); i++) {
            long offset = 0;
            for (Source source : used.get(i)) {
                boolean utf8 = CfFile.needsUtf8(source.name());
                files.putInt((int) source.size()).putInt((int) offset).putShort((short) i)
                        .putShort((short) DosDateTime.date(source.time())).putShort((short) DosDateTime.time(source.time()))
                        .putShort((short) (source.attributes() | (utf8 ? CfFile.A_NAME_IS_UTF : 0)))
                        .put(CfFile.encodedName(source.name())).put((byte) 0);
                offset += source.size();
            }
        }
        files.flip();
        long position = coffFiles + files.remaining();
        ByteBuffer folderRecords = ByteBuffer.allocate(CfFolder.FIXED_SIZE * used.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (List<Source> folder : used) {
            long start = position;
            int[] blocks = {0};
            position = writeFolder(channel, folder, position, blocks);
            folderRecords.putInt((int) start).putShort((short) blocks[0]).putShort((short) compression.code());
        }
        if (position > 0xFFFFFFFFL) {
            throw new IOException("the cabinet would have " + position + " bytes; a cabinet holds at most 4 GiB");
        }
        ByteBuffer header = ByteBuffer.allocate(CfHeader.FIXED_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(CfHeader.SIGNATURE).putInt(0).putInt((int) position).putInt(0).putInt((int) coffFiles).putInt(0)
                .put((byte) CfHeader.VERSION_MINOR).put((byte) CfHeader.VERSION_MAJOR).putShort((short) used.size())
                .putShort((short) fileCount).putShort((short) 0).putShort((short) setID).putShort((short) 0);
        header.flip();
        folderRecords.flip();
        writeFully(channel, header, 0);
        writeFully(channel, folderRecords, CfHeader.FIXED_SIZE);
        writeFully(channel, files, coffFiles);
    }

    /** Writes the CFDATA blocks of one folder at {@code position}; returns the position after them. */
    private long writeFolder(FileChannel channel, List<Source> folder, long position, int[] blocks) throws IOException {
        byte[] frame = new byte[BlockDecoder.MAX_BLOCK];
        int filled = 0;
        long next = position;
        try (MszipBlockEncoder encoder = compression == CompressionType.MSZIP ? new MszipBlockEncoder() : null) {
            for (Source source : folder) {
                long remaining = source.size();
                try (InputStream in = source.open()) {
                    while (remaining > 0) {
                        int read = in.read(frame, filled, (int) Math.min(frame.length - filled, remaining));
                        if (read < 0) {
                            throw new IOException("'" + source.path() + "' became shorter while the cabinet was written");
                        }
                        filled += read;
                        remaining -= read;
                        if (filled == frame.length) {
                            next = writeBlock(channel, next, frame, filled, encoder);
                            blocks[0]++;
                            filled = 0;
                        }
                    }
                    if (in.read() >= 0) {
                        throw new IOException("'" + source.path() + "' became longer while the cabinet was written");
                    }
                }
            }
            if (filled > 0) {
                next = writeBlock(channel, next, frame, filled, encoder);
                blocks[0]++;
            }
        }
        return next;
    }

    private static long writeBlock(FileChannel channel, long position, byte[] frame, int length,
            MszipBlockEncoder encoder) throws IOException {
        byte[] data = encoder == null ? Arrays.copyOf(frame, length) : encoder.encode(frame, length);
        if (data.length > 0xFFFF) {
            throw new IllegalStateException("a compressed block grew to " + data.length + " bytes");
        }
        ByteBuffer block = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        block.putInt(CfChecksum.ofBlock(data.length, length, new byte[0], data, 0, data.length))
                .putShort((short) data.length).putShort((short) length).put(data);
        block.flip();
        writeFully(channel, block, position);
        return position + 8 + data.length;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
