package org.imagesmith.cab;

import java.io.IOException;
import java.io.InputStream;

/** The {@code cbFile} bytes of one file from its folder's stream; a folder that ends too early is an error. */
final class EntryInputStream extends InputStream {
    private final FolderInputStream folder;
    private final CabinetEntry entry;
    private final boolean ownsFolder;
    private long remaining;

    EntryInputStream(FolderInputStream folder, CabinetEntry entry, boolean ownsFolder) {
        this.folder = folder;
        this.entry = entry;
        this.ownsFolder = ownsFolder;
        this.remaining = entry.size();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        int count = folder.read(buffer, offset, (int) Math.min(length, remaining));
        if (count < 0) {
            throw new CabinetFormatException("cabinet '" + entry.cabinet() + "' is damaged: '" + entry.name()
                    + "' needs bytes up to " + (entry.file().uoffFolderStart() + entry.size())
                    + " of its folder, but the folder's data ends at byte " + folder.position());
        }
        remaining -= count;
        return count;
    }

    @Override
    public void close() {
        if (ownsFolder) {
            folder.close();
        }
    }
}
