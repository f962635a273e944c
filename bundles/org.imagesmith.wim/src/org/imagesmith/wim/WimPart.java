package org.imagesmith.wim;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file of a WIM, open for reading: a standalone WIM file (part 1 of 1) or one part of a split WIM (.swm), with
 * its header. The streams of a lookup table entry lie in the part whose number the entry gives.
 */
record WimPart(Path path, FileChannel channel, long size, WimHeader header) {

    /**
     * Opens a file and reads its header.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws WimFormatException when the file is not a WIM file, or its header claims what the file cannot hold
     */
    static WimPart open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            WimHeader header = WimHeader.parse(WimFile.readFully(channel, 0, (int) Math.min(size, WimHeader.SIZE)));
            header.checkAgainst(size);
            return new WimPart(path, channel, size, header);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    int number() {
        return header.partNumber();
    }
}
