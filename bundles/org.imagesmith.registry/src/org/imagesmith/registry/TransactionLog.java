package org.imagesmith.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transaction log file of a hive (.LOG, .LOG1, .LOG2): a partial copy of the base block in its first sector, then
 * either a dirty vector ("DIRT", one bit a 512-byte page of the hive bins data) and the dirty pages (the old format,
 * Windows XP to 8), or log entries ("HvLE", each with its sequence number, hive bins data size, Marvin32 hashes and
 * dirty page references; the new format of Windows 8.1 and later).
 *
 * @param name the file's name, for messages
 * @param format the log's format
 * @param primarySequenceNumber the base block copy's primary sequence number: in the new format, that of the first
 *        log entry
 * @param secondarySequenceNumber the base block copy's secondary sequence number
 * @param lastWritten the base block copy's time stamp (an old-format log applies to a primary file written then)
 * @param minorVersion the hive format's minor version at the time of the log
 * @param rootCellOffset the root cell at the time of the log
 * @param hiveBinsDataSize the hive bins data size at the time of the log (old format)
 * @param entries the old format's dirty pages as one entry, or the new format's valid log entries in order
 */
record TransactionLog(String name, Format format, int primarySequenceNumber, int secondarySequenceNumber,
        long lastWritten, int minorVersion, int rootCellOffset, int hiveBinsDataSize, List<Entry> entries) {

    /** The two layouts of transaction logs. */
    enum Format {
        /** A dirty vector and dirty pages (file type 1 or 2). */
        OLD,
        /** "HvLE" log entries (file type 6). */
        NEW
    }

    /**
     * A set of pages written together: the whole old-format log, or one new-format log entry.
     *
     * @param sequenceNumber the entry's sequence number (the log's own for the old format)
     * @param hiveBinsDataSize the hive bins data size once the entry is applied
     * @param pages the pages to write into the hive bins data
     */
    record Entry(int sequenceNumber, int hiveBinsDataSize, List<Page> pages) {
    }

    /** Bytes to write at {@code offset} of the hive bins data. */
    record Page(int offset, byte[] bytes) {
    }

    private static final int SECTOR = 512;
    private static final int DIRT = 0x54524944; // "DIRT"
    private static final int HVLE = 0x454C7648; // "HvLE"
    private static final int ENTRY_HEADER = 40;

    /**
     * Reads a transaction log; empty when the file is not one (empty, zeroed, a wrong signature or checksum, a
     * primary file), as Windows skips such a log.
     */
    static Optional<TransactionLog> parse(String name, byte[] file) {
        if (file.length < SECTOR) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != BaseBlock.SIGNATURE || b.getInt(BaseBlock.CHECKSUM_OFFSET) != BaseBlock.checksum(file)) {
            return Optional.empty();
        }
        int fileType = b.getInt(28);
        int primary = b.getInt(4);
        int secondary = b.getInt(8);
        long lastWritten = b.getLong(12);
        int minor = b.getInt(24);
        int root = b.getInt(36);
        int binsSize = b.getInt(40);
        if (fileType == 6) {
            return Optional.of(new TransactionLog(name, Format.NEW, primary, secondary, lastWritten, minor,
                    root, binsSize, newEntries(file, primary)));
        }
        if ((fileType == 1 || fileType == 2) && primary == secondary && binsSize > 0 && binsSize % BaseBlock.SIZE == 0) {
            int clustering = Math.max(1, b.getInt(44));
            List<Entry> entries = dirtyPages(file, binsSize, (long) clustering * SECTOR);
            return entries == null ? Optional.empty() : Optional.of(new TransactionLog(name,
                    Format.OLD, primary, secondary, lastWritten, minor, root, binsSize, entries));
        }
        return Optional.empty();
    }

    /** The old format's pages, or null when the dirty vector or its pages are not all there. */
    private static List<Entry> dirtyPages(byte[] file, int binsSize, long sector) {
        if (sector + 4 > file.length) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int vector = (int) sector;
        if (b.getInt(vector) != DIRT) {
            return null;
        }
        int bits = binsSize / SECTOR;
        int bitmapBytes = (bits + 7) / 8;
        if ((long) vector + 4 + bitmapBytes > file.length) {
            return null;
        }
        long pageAt = vector + sector * ((4 + bitmapBytes + sector - 1) / sector);
        List<Page> pages = new ArrayList<>();
        for (int bit = 0; bit < bits; bit++) {
            if ((file[vector + 4 + bit / 8] & (1 << (bit % 8))) == 0) {
                continue;
            }
            if (pageAt + SECTOR > file.length) {
                return null;
            }
            byte[] page = new byte[SECTOR];
            System.arraycopy(file, (int) pageAt, page, 0, SECTOR);
            pages.add(new Page(bit * SECTOR, page));
            pageAt += SECTOR;
        }
        return List.of(new Entry(b.getInt(4), binsSize, pages));
    }

    /**
     * The new format's log entries from the second sector on, in order, as long as each is whole, has the next
     * sequence number and the right hashes: the rest is a log's older content.
     */
    private static List<Entry> newEntries(byte[] file, int firstSequenceNumber) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> entries = new ArrayList<>();
        int expected = firstSequenceNumber;
        int at = SECTOR;
        while (at + ENTRY_HEADER <= file.length && b.getInt(at) == HVLE) {
            int size = b.getInt(at + 4);
            int sequence = b.getInt(at + 12);
            int binsSize = b.getInt(at + 16);
            int count = b.getInt(at + 20);
            if (size < ENTRY_HEADER || size % SECTOR != 0 || size > file.length - at || sequence != expected
                    || binsSize <= 0 || binsSize % BaseBlock.SIZE != 0 || count < 0
                    || count > (size - ENTRY_HEADER) / 8) {
                break;
            }
            if (b.getLong(at + 24) != Marvin32.hash(file, at + ENTRY_HEADER, size - ENTRY_HEADER,
                    Marvin32.REGISTRY_SEED) || b.getLong(at + 32) != Marvin32.hash(file, at, 32,
                            Marvin32.REGISTRY_SEED)) {
                break;
            }
            List<Page> pages = new ArrayList<>();
            long data = at + ENTRY_HEADER + 8L * count;
            boolean whole = true;
            for (int i = 0; i < count && whole; i++) {
                int offset = b.getInt(at + ENTRY_HEADER + 8 * i);
                int length = b.getInt(at + ENTRY_HEADER + 8 * i + 4);
                whole = offset >= 0 && length >= 0 && (long) offset + length <= binsSize
                        && data + length <= at + (long) size;
                if (whole) {
                    byte[] page = new byte[length];
                    System.arraycopy(file, (int) data, page, 0, length);
                    pages.add(new Page(offset, page));
                    data += length;
                }
            }
            if (!whole) {
                break;
            }
            entries.add(new Entry(sequence, binsSize, pages));
            expected++;
            at += size;
        }
        return entries;
    }

    /** The sequence number after the last entry of this log, or its own when it has none. */
    int nextSequenceNumber() {
        return entries.isEmpty() ? primarySequenceNumber : entries.get(entries.size() - 1).sequenceNumber() + 1;
    }
}
