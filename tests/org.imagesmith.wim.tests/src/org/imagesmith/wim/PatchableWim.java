package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Consumer;

import org.imagesmith.testsupport.Wimlib;

/**
 * An uncompressed WIM file made by wimlib-imagex whose first image's metadata resource a test changes; the
 * resource's SHA-1 digest and place in the lookup table are fixed to match, so that only the change is wrong.
 */
final class PatchableWim {
    final Path path;
    final byte[] metadata;
    final ImageMetadata parsed;

    private PatchableWim(Path path, byte[] metadata) throws IOException {
        this.path = path;
        this.metadata = metadata;
        this.parsed = ImageMetadata.parse(metadata);
    }

    static PatchableWim capture(Path source, Path wim) throws IOException {
        Wimlib.capture(source, wim, "Test", "patched", "--compress=none");
        try (WimFile file = WimFile.open(wim)) {
            return new PatchableWim(wim, file.readMetadataResource(1));
        }
    }

    long offsetOf(String path) {
        return parsed.find(path).orElseThrow().offset();
    }

    /** A copy of the metadata resource with this change. */
    byte[] changed(Consumer<ByteBuffer> patch) {
        byte[] changed = metadata.clone();
        patch.accept(ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN));
        return changed;
    }

    /** Changes the metadata resource in place (its size stays). */
    void patchInPlace(Consumer<ByteBuffer> patch) throws IOException {
        write(changed(patch), false);
    }

    /** Replaces the metadata resource by one of any size, appended to the end of the file. */
    void replace(byte[] newMetadata) throws IOException {
        write(newMetadata, true);
    }

    private void write(byte[] newMetadata, boolean append) throws IOException {
        LookupEntry entry;
        long lookupTable;
        try (WimFile file = WimFile.open(path)) {
            entry = file.lookupTable().metadataResources().get(0);
            assertFalse(entry.resource().isCompressed(), "the test needs an uncompressed metadata resource");
            assertFalse(file.header().lookupTable().isCompressed(), "the test needs an uncompressed lookup table");
            lookupTable = file.header().lookupTable().offset();
        }
        long entryOffset = lookupTable + (long) entry.index() * LookupEntry.SIZE;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            long offset = append ? channel.size() : entry.resource().offset();
            channel.write(ByteBuffer.wrap(newMetadata), offset);
            ByteBuffer header = ByteBuffer.allocate(ResourceHeader.SIZE).order(ByteOrder.LITTLE_ENDIAN);
            new ResourceHeader(newMetadata.length, entry.resource().flags(), offset, newMetadata.length).write(header);
            channel.write(header.flip(), entryOffset);
            channel.write(ByteBuffer.wrap(sha1(newMetadata)), entryOffset + ResourceHeader.SIZE + 2 + 4);
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
