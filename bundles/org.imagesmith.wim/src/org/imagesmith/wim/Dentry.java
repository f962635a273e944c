package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A directory entry (DIRENTRY) of an image's directory tree: a file or directory with its attributes, security
 * id, times, the SHA-1 digest of its unnamed stream, reparse tag or hard link group id, short and long names and
 * its alternate data stream entries; a directory also holds its children. Immutable.
 *
 * @param offset where the entry lies in the metadata resource
 * @param path the entry's path in the image, as Windows writes it ("\" for the root, "\Windows\System32")
 * @param securityId the index of the entry's security descriptor, or -1 for none
 * @param subdirOffset where the entry's children lie in the metadata resource (0 for none)
 * @param defaultHash the digest in the entry itself (all zero for none)
 * @param reparseTag the reparse tag of a reparse point, 0 otherwise
 * @param reparseFlags a reparse point's flags (wimlib's rp_flags: {@link #RP_FLAG_NOT_FIXED}), 0 otherwise
 * @param hardLinkGroupId the hard link group of a file that is not a reparse point (entries sharing a nonzero id
 *            are one file), 0 otherwise
 * @param streams the entry's stream entries, in file order
 * @param children the entries of a directory, in file order
 */
public record Dentry(
        long offset,
        String path,
        String name,
        String shortName,
        int attributes,
        int securityId,
        long subdirOffset,
        Instant creationTime,
        Instant lastAccessTime,
        Instant lastWriteTime,
        Sha1Digest defaultHash,
        int reparseTag,
        int reparseFlags,
        long hardLinkGroupId,
        List<StreamEntry> streams,
        List<Dentry> children) {

    /** The fixed part of a directory entry, before its names. */
    static final int FIXED_SIZE = 102;
    /** An entry of at most this length (after padding to 8 bytes) ends a directory's list of entries. */
    static final int END_OF_DIRECTORY = 8;

    public static final int FILE_ATTRIBUTE_READONLY = 0x1;
    public static final int FILE_ATTRIBUTE_HIDDEN = 0x2;
    public static final int FILE_ATTRIBUTE_SYSTEM = 0x4;
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    public static final int FILE_ATTRIBUTE_ARCHIVE = 0x20;
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
    public static final int FILE_ATTRIBUTE_ENCRYPTED = 0x4000;
    public static final int IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003;
    public static final int IO_REPARSE_TAG_SYMLINK = 0xA000000C;
    /**
     * WIM_RP_FLAG_NOT_FIXED: a reparse point whose absolute target capture did not rewrite relative to the captured
     * directory ("rpfix"); what entries made without reparse flags get.
     */
    public static final int RP_FLAG_NOT_FIXED = 0x0001;

    /** An entry whose reparse flags, if it is a reparse point, are {@link #RP_FLAG_NOT_FIXED}. */
    public Dentry(long offset, String path, String name, String shortName, int attributes, int securityId,
            long subdirOffset, Instant creationTime, Instant lastAccessTime, Instant lastWriteTime,
            Sha1Digest defaultHash, int reparseTag, long hardLinkGroupId, List<StreamEntry> streams,
            List<Dentry> children) {
        this(offset, path, name, shortName, attributes, securityId, subdirOffset, creationTime, lastAccessTime,
                lastWriteTime, defaultHash, reparseTag,
                (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0 ? RP_FLAG_NOT_FIXED : 0, hardLinkGroupId, streams,
                children);
    }

    /** 100-nanosecond intervals between 1601-01-01 (the FILETIME epoch) and 1970-01-01. */
    private static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;

    public Dentry {
        streams = List.copyOf(streams);
        children = List.copyOf(children);
    }

    /**
     * Reads the directory entry at {@code offset} (without its children) and where the next entry of its directory
     * starts, or returns empty for the 8-byte entry that ends a directory.
     *
     * @param parentPath the path of the directory that lists the entry, for messages and the entry's path
     * @throws WimFormatException when the entry does not fit the resource or its lengths are inconsistent
     */
    static Optional<Read> read(byte[] metadata, long offset, String parentPath) throws WimFormatException {
        String where = "the directory entry at offset " + offset + " of the metadata resource (in " + parentPath + ")";
        if (offset < 0 || offset > metadata.length - (long) END_OF_DIRECTORY) {
            throw new WimFormatException(where + " lies outside the resource's " + metadata.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position((int) offset);
        long storedLength = buffer.getLong();
        if (storedLength >= 0 && storedLength <= END_OF_DIRECTORY) {
            return Optional.empty();
        }
        if (storedLength < FIXED_SIZE || storedLength > metadata.length - offset) {
            throw new WimFormatException(where + " claims " + Long.toUnsignedString(storedLength) + " bytes; a directory"
                    + " entry has from " + FIXED_SIZE + " bytes up to the " + (metadata.length - offset)
                    + " left in the resource");
        }
        int attributes = buffer.getInt();
        int securityId = buffer.getInt();
        long subdirOffset = buffer.getLong();
        buffer.position(buffer.position() + 16); // two unused 64-bit fields
        Instant creation = fileTime(buffer.getLong());
        Instant lastAccess = fileTime(buffer.getLong());
        Instant lastWrite = fileTime(buffer.getLong());
        byte[] hash = new byte[Sha1Digest.SIZE];
        buffer.get(hash);
        buffer.getInt(); // reserved ("unknown 0x54")
        int reparseTag = 0;
        int reparseFlags = 0;
        long hardLinkGroupId = 0;
        if ((attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0) {
            reparseTag = buffer.getInt();
            buffer.getShort(); // reserved ("rp_unknown_2")
            reparseFlags = Short.toUnsignedInt(buffer.getShort());
        } else {
            hardLinkGroupId = buffer.getLong();
        }
        int streamCount = Short.toUnsignedInt(buffer.getShort());
        int shortNameBytes = Short.toUnsignedInt(buffer.getShort());
        int nameBytes = Short.toUnsignedInt(buffer.getShort());
        long namesEnd = FIXED_SIZE + (nameBytes == 0 ? 0 : nameBytes + 2L) + (shortNameBytes == 0 ? 0 : shortNameBytes + 2L);
        if (namesEnd > storedLength) {
            throw new WimFormatException(where + " claims " + storedLength + " bytes, too few for its names of "
                    + nameBytes + " and " + shortNameBytes + " bytes");
        }
        if (nameBytes % 2 != 0 || shortNameBytes % 2 != 0) {
            throw new WimFormatException(where + " has a name of an odd number of bytes (" + nameBytes + " and "
                    + shortNameBytes + "); names are UTF-16");
        }
        String name = utf16(metadata, (int) offset + FIXED_SIZE, nameBytes);
        String shortName = utf16(metadata, (int) offset + FIXED_SIZE + (nameBytes == 0 ? 0 : nameBytes + 2), shortNameBytes);
        String path = parentPath.endsWith("\\") ? parentPath + name : parentPath + "\\" + name;
        long streamOffset = offset + SecurityData.align8(storedLength);
        List<StreamEntry> streams = new ArrayList<>(Math.min(streamCount, 64));
        for (int i = 0; i < streamCount; i++) {
            streamOffset = readStreamEntry(metadata, streamOffset, path, i, streams);
        }
        return Optional.of(new Read(new Dentry(offset, path, name, shortName, attributes, securityId, subdirOffset,
                creation, lastAccess, lastWrite, Sha1Digest.of(hash), reparseTag, reparseFlags, hardLinkGroupId, streams,
                List.of()),
                streamOffset));
    }

    /** An entry read from the metadata resource and the offset of the entry after it (past its stream entries). */
    record Read(Dentry dentry, long nextOffset) {
    }

    /** Reads one stream entry into {@code streams} and returns the offset of the next. */
    private static long readStreamEntry(byte[] metadata, long offset, String path, int index, List<StreamEntry> streams)
            throws WimFormatException {
        String where = "stream entry " + index + " of " + path + " (at offset " + offset + " of the metadata resource)";
        if (offset > metadata.length - (long) StreamEntry.FIXED_SIZE) {
            throw new WimFormatException(where + " lies past the end of the resource's " + metadata.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position((int) offset);
        long length = buffer.getLong();
        if (length < StreamEntry.FIXED_SIZE || length > metadata.length - offset) {
            throw new WimFormatException(where + " claims " + Long.toUnsignedString(length) + " bytes; a stream entry"
                    + " has from " + StreamEntry.FIXED_SIZE + " bytes up to the " + (metadata.length - offset)
                    + " left in the resource");
        }
        buffer.getLong(); // reserved
        byte[] hash = new byte[Sha1Digest.SIZE];
        buffer.get(hash);
        int nameBytes = Short.toUnsignedInt(buffer.getShort());
        if (nameBytes % 2 != 0 || StreamEntry.FIXED_SIZE + (long) nameBytes > length) {
            throw new WimFormatException(where + " has a name of " + nameBytes + " bytes, which does not fit its "
                    + length + " bytes");
        }
        String name = utf16(metadata, (int) offset + StreamEntry.FIXED_SIZE, nameBytes);
        if (name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('/') >= 0 || name.indexOf(':') >= 0) {
            throw new WimFormatException(where + " has the stream name \"" + printable(name)
                    + "\", which holds a character stream names cannot hold (NUL, / \\ or :)");
        }
        streams.add(new StreamEntry(name, Sha1Digest.of(hash)));
        return offset + SecurityData.align8(length);
    }

    private static String utf16(byte[] data, int offset, int length) {
        return new String(data, offset, length, StandardCharsets.UTF_16LE);
    }

    /** A name with control characters escaped, for messages. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** A FILETIME (100-nanosecond intervals since 1601-01-01 UTC, unsigned) as an instant. */
    public static Instant fileTime(long value) {
        long sinceUnix = value - FILETIME_UNIX_EPOCH;
        if (value < 0) { // above 2^63: far future; keep it exact
            return Instant.ofEpochSecond(Long.divideUnsigned(value, 10_000_000L) - FILETIME_UNIX_EPOCH / 10_000_000L,
                    Long.remainderUnsigned(value, 10_000_000L) * 100);
        }
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L), Math.floorMod(sinceUnix, 10_000_000L) * 100);
    }

    /** A short description: the path, attributes and digest, and how many children (not the whole subtree). */
    @Override
    public String toString() {
        return "Dentry[" + path + ", attributes 0x" + Integer.toHexString(attributes) + ", offset " + offset
                + ", data " + unnamedData() + (hardLinkGroupId == 0 ? "" : ", hard link group " + hardLinkGroupId)
                + (streams.isEmpty() ? "" : ", " + streams.size() + " stream entries")
                + (children.isEmpty() ? "" : ", " + children.size() + " children") + "]";
    }

    /** This entry with its children. */
    Dentry withChildren(List<Dentry> newChildren) {
        return new Dentry(offset, path, name, shortName, attributes, securityId, subdirOffset, creationTime,
                lastAccessTime, lastWriteTime, defaultHash, reparseTag, reparseFlags, hardLinkGroupId, streams,
                newChildren);
    }

    /** A directory whose children the tree holds (a directory that is also a reparse point, a junction, has none). */
    public boolean isDirectory() {
        return (attributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT)) == FILE_ATTRIBUTE_DIRECTORY;
    }

    public boolean isReparsePoint() {
        return (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    }

    public boolean isEncrypted() {
        return (attributes & FILE_ATTRIBUTE_ENCRYPTED) != 0;
    }

    /**
     * The digest of the unnamed data stream (all zero when it is empty). A reparse point's reparse data and its
     * unnamed data share the entry's digest and its unnamed stream entries: the reparse data comes first.
     */
    public Sha1Digest unnamedData() {
        return unnamedStreams()[1];
    }

    /** The digest of a reparse point's reparse data. */
    public Optional<Sha1Digest> reparseData() {
        return isReparsePoint() ? Optional.of(unnamedStreams()[0]) : Optional.empty();
    }

    /** The named (alternate) data streams. */
    public List<StreamEntry> namedStreams() {
        return streams.stream().filter(StreamEntry::isNamed).toList();
    }

    /** {reparse data, unnamed data}, following where Windows and wimlib place them. */
    private Sha1Digest[] unnamedStreams() {
        Sha1Digest reparse = null;
        Sha1Digest data = null;
        for (StreamEntry stream : streams) {
            if (stream.isNamed()) {
                continue;
            }
            if (isReparsePoint() && reparse == null) {
                reparse = stream.hash();
            } else if (data == null) {
                data = stream.hash();
            }
        }
        if (isReparsePoint() && reparse == null) {
            reparse = defaultHash;
        } else if (data == null) {
            data = defaultHash;
        }
        return new Sha1Digest[] {reparse == null ? Sha1Digest.ZERO : reparse, data == null ? Sha1Digest.ZERO : data};
    }
}
