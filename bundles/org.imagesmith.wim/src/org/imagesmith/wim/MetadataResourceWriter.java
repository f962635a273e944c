package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serializes an image's metadata resource (uncompressed): the security data (SECURITYBLOCK_DISK) padded to 8 bytes,
 * the root directory entry and its end-of-directory marker, then each directory's list of entries (each entry
 * followed by its stream entries, the list ended by an 8-byte zero), lists laid out depth first as Windows and
 * wimlib do. A directory without children gets a subdirectory offset that points at a lone end marker; other
 * entries get 0. Entry and stream entry lengths count their padding to 8 bytes. Children are written in the order
 * of {@link Dentry#children()}; {@link #compareNames} gives the order Windows uses. The offset, path and
 * subdirectory offset of the given entries are ignored and recomputed.
 */
public final class MetadataResourceWriter {
    private static final long FILETIME_UNIX_EPOCH_SECONDS = 11_644_473_600L;

    private MetadataResourceWriter() {
    }

    /** Serializes a parsed image back to its metadata resource. */
    public static byte[] write(ImageMetadata metadata) {
        SecurityData security = metadata.securityData();
        List<byte[]> descriptors = new ArrayList<>(security.count());
        for (int i = 0; i < security.count(); i++) {
            descriptors.add(security.descriptor(i));
        }
        return write(descriptors, metadata.root());
    }

    /**
     * Serializes security descriptors (indexed by the entries' security ids) and a directory tree.
     *
     * @throws IllegalArgumentException when a name is longer than a directory entry can hold, or an entry's
     *             security id names no descriptor
     */
    public static byte[] write(List<byte[]> securityDescriptors, Dentry root) {
        long descriptorBytes = 0;
        for (byte[] d : securityDescriptors) {
            descriptorBytes += d.length;
        }
        long securityLength = SecurityData.align8(SecurityData.HEADER_SIZE + 8L * securityDescriptors.size()
                + descriptorBytes);
        Map<Dentry, Long> subdirOffsets = new IdentityHashMap<>();
        long end = securityLength + entryLength(root) + Dentry.END_OF_DIRECTORY;
        end = layout(root, end, subdirOffsets, securityDescriptors.size());
        if (end > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the image's directory tree needs " + end
                    + " bytes of metadata, more than one resource holds here");
        }
        ByteBuffer out = ByteBuffer.allocate((int) end).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) securityLength);
        out.putInt(securityDescriptors.size());
        for (byte[] d : securityDescriptors) {
            out.putLong(d.length);
        }
        for (byte[] d : securityDescriptors) {
            out.put(d);
        }
        out.position((int) securityLength);
        writeEntry(out, root, subdirOffsets);
        out.position(out.position() + Dentry.END_OF_DIRECTORY);
        writeLists(out, root, subdirOffsets);
        if (out.position() != end) {
            throw new IllegalStateException("metadata layout mismatch: wrote " + out.position() + " of " + end);
        }
        return out.array();
    }

    /** Assigns the subdirectory offsets of this directory's subtree, list by list, and returns the end. */
    private static long layout(Dentry directory, long next, Map<Dentry, Long> offsets, int descriptors) {
        checkSecurityId(directory, descriptors);
        if (!directory.isDirectory()) {
            return next;
        }
        offsets.put(directory, next);
        for (Dentry child : directory.children()) {
            next += entryLength(child);
        }
        next += Dentry.END_OF_DIRECTORY;
        for (Dentry child : directory.children()) {
            next = layout(child, next, offsets, descriptors);
        }
        return next;
    }

    private static void checkSecurityId(Dentry dentry, int descriptors) {
        if (dentry.securityId() < -1 || dentry.securityId() >= descriptors) {
            throw new IllegalArgumentException("the entry " + dentry.name() + " has security id " + dentry.securityId()
                    + ", but the image has " + descriptors + " security descriptors");
        }
    }

    private static void writeLists(ByteBuffer out, Dentry directory, Map<Dentry, Long> offsets) {
        if (!directory.isDirectory()) {
            return;
        }
        for (Dentry child : directory.children()) {
            writeEntry(out, child, offsets);
        }
        out.position(out.position() + Dentry.END_OF_DIRECTORY);
        for (Dentry child : directory.children()) {
            writeLists(out, child, offsets);
        }
    }

    /** The length of an entry with its stream entries, each padded to 8 bytes. */
    static long entryLength(Dentry dentry) {
        long length = fixedLength(dentry);
        for (StreamEntry stream : dentry.streams()) {
            length += streamLength(stream);
        }
        return length;
    }

    private static long fixedLength(Dentry dentry) {
        int name = nameBytes(dentry.name(), dentry);
        int shortName = nameBytes(dentry.shortName(), dentry);
        return SecurityData.align8(Dentry.FIXED_SIZE + (name == 0 ? 0 : name + 2L) + (shortName == 0 ? 0 : shortName + 2L));
    }

    private static long streamLength(StreamEntry stream) {
        int name = stream.name().length() * 2;
        return SecurityData.align8(StreamEntry.FIXED_SIZE + (name == 0 ? 0 : name + 2L));
    }

    private static int nameBytes(String name, Dentry dentry) {
        int bytes = name.length() * 2;
        if (bytes > 0xFFFF - 2) {
            throw new IllegalArgumentException("the name " + name.substring(0, 40) + "... of a directory entry has "
                    + name.length() + " characters; a WIM directory entry holds at most 32766");
        }
        return bytes;
    }

    private static void writeEntry(ByteBuffer out, Dentry dentry, Map<Dentry, Long> offsets) {
        int start = out.position();
        long length = fixedLength(dentry);
        out.putLong(length);
        out.putInt(dentry.attributes());
        out.putInt(dentry.securityId());
        out.putLong(offsets.getOrDefault(dentry, 0L));
        out.putLong(0); // unused
        out.putLong(0); // unused
        out.putLong(fileTime(dentry.creationTime()));
        out.putLong(fileTime(dentry.lastAccessTime()));
        out.putLong(fileTime(dentry.lastWriteTime()));
        out.put(dentry.defaultHash().toByteArray());
        out.putInt(0); // reserved ("unknown 0x54")
        if (dentry.isReparsePoint()) {
            out.putInt(dentry.reparseTag());
            out.putShort((short) 0); // reparse reserved
            out.putShort((short) dentry.reparseFlags());
        } else {
            out.putLong(dentry.hardLinkGroupId());
        }
        out.putShort((short) dentry.streams().size());
        byte[] shortName = dentry.shortName().getBytes(StandardCharsets.UTF_16LE);
        byte[] name = dentry.name().getBytes(StandardCharsets.UTF_16LE);
        out.putShort((short) shortName.length);
        out.putShort((short) name.length);
        if (name.length > 0) {
            out.put(name).putShort((short) 0);
        }
        if (shortName.length > 0) {
            out.put(shortName).putShort((short) 0);
        }
        out.position((int) (start + length));
        for (StreamEntry stream : dentry.streams()) {
            int streamStart = out.position();
            long streamLength = streamLength(stream);
            byte[] streamName = stream.name().getBytes(StandardCharsets.UTF_16LE);
            out.putLong(streamLength);
            out.putLong(0); // reserved
            out.put(stream.hash().toByteArray());
            out.putShort((short) streamName.length);
            if (streamName.length > 0) {
                out.put(streamName).putShort((short) 0);
            }
            out.position((int) (streamStart + streamLength));
        }
    }

    /** An instant as a FILETIME (100-nanosecond intervals since 1601-01-01 UTC), truncated to 100 ns. */
    public static long fileTime(Instant instant) {
        return (instant.getEpochSecond() + FILETIME_UNIX_EPOCH_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    /**
     * Orders names as Windows lists a directory's entries: by their UTF-16 code units after folding to upper case,
     * then (for names that differ only in case) by the code units themselves.
     */
    public static int compareNames(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = Character.toUpperCase(a.charAt(i));
            char cb = Character.toUpperCase(b.charAt(i));
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
