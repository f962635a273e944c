package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stream entries (WIM_STREAM_ENTRY) after a directory entry: alternate data streams, and the unnamed data stream or
 * reparse data listed there rather than in the entry itself, as Windows writes them.
 */
class StreamEntryTest {
    @TempDir
    Path dir;

    /** A stream entry: length, reserved, SHA-1, name length, name with its terminator, padded to 8 bytes. */
    private static byte[] streamEntry(String name, Sha1Digest hash) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        int length = StreamEntry.FIXED_SIZE + (utf16.length == 0 ? 0 : utf16.length + 2);
        ByteBuffer buffer = ByteBuffer.allocate((int) SecurityData.align8(length)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(length).putLong(0).put(hash.toByteArray()).putShort((short) utf16.length).put(utf16);
        return buffer.array();
    }

    @Test
    void namedStreamsAreSkippedAndAnUnnamedStreamEntryHoldsTheData() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/d"));
        Files.writeString(source.getParent().resolve("victim.txt"), "victim data");
        Files.writeString(source.getParent().resolve("other.txt"), "zone data");
        Files.writeString(source.resolve("inner.txt"), "inner");
        PatchableWim wim = PatchableWim.capture(source.getParent(), dir.resolve("ads.wim"));
        ImageMetadata parsed = wim.parsed;
        Sha1Digest victimData = parsed.find("victim.txt").orElseThrow().unnamedData();
        Sha1Digest zoneData = parsed.find("other.txt").orElseThrow().unnamedData();

        // a new list of the root's entries at the end of the resource, with the victim as Windows writes a file
        // with an alternate data stream: no digest in the entry, an unnamed and a named stream entry after it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(wim.metadata);
        out.writeBytes(new byte[(int) (SecurityData.align8(out.size()) - out.size())]);
        long list = out.size();
        for (Dentry child : parsed.root().children()) {
            byte[] raw = Arrays.copyOfRange(wim.metadata, (int) child.offset(),
                    (int) Dentry.read(wim.metadata, child.offset(), "\\").orElseThrow().nextOffset());
            if (child.name().equals("victim.txt")) {
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                b.putShort(96, (short) 2);
                b.put(64, new byte[Sha1Digest.SIZE]);
                out.writeBytes(raw);
                out.writeBytes(streamEntry("", victimData));
                out.writeBytes(streamEntry("Zone.Identifier", zoneData));
            } else {
                out.writeBytes(raw);
            }
        }
        out.writeBytes(new byte[8]);
        byte[] changed = out.toByteArray();
        ByteBuffer.wrap(changed).order(ByteOrder.LITTLE_ENDIAN).putLong((int) parsed.root().offset() + 16, list);
        wim.replace(changed);

        try (WimFile file = WimFile.open(wim.path)) {
            Dentry victim = ImageMetadata.parse(file.readMetadataResource(1)).find("VICTIM.TXT").orElseThrow();
            assertEquals(Sha1Digest.ZERO, victim.defaultHash());
            assertEquals(victimData, victim.unnamedData());
            assertEquals(List.of(new StreamEntry("Zone.Identifier", zoneData)), victim.namedStreams());
            ApplyResult result = ImageApplier.apply(file, 1, dir.resolve("ours"), ApplyOptions.DEFAULT);
            assertEquals(List.of("\\victim.txt:Zone.Identifier: alternate data stream, which this file system cannot"
                    + " hold; not written"), result.skipped());
        }
        Wimlib.apply(wim.path, 1, dir.resolve("theirs"));
        assertEquals(ImageApplierTest.snapshot(dir.resolve("theirs")), ImageApplierTest.snapshot(dir.resolve("ours")));
        assertEquals("victim data", Files.readString(dir.resolve("ours/victim.txt")));
        assertEquals("inner", Files.readString(dir.resolve("ours/d/inner.txt")));
    }

    private static Dentry dentry(int attributes, Sha1Digest defaultHash, List<StreamEntry> streams) {
        Instant t = Instant.EPOCH;
        return new Dentry(0, "\\x", "x", "", attributes, -1, 0, t, t, t, defaultHash,
                Dentry.IO_REPARSE_TAG_SYMLINK, 0, streams, List.of());
    }

    @Test
    void reparseDataComesBeforeUnnamedData() {
        Sha1Digest a = Sha1Digest.fromHex("11".repeat(20));
        Sha1Digest b = Sha1Digest.fromHex("22".repeat(20));
        Sha1Digest c = Sha1Digest.fromHex("33".repeat(20));
        int reparse = Dentry.FILE_ATTRIBUTE_REPARSE_POINT;
        Dentry inEntry = dentry(reparse, a, List.of());
        assertEquals(a, inEntry.reparseData().orElseThrow());
        assertEquals(Sha1Digest.ZERO, inEntry.unnamedData());
        Dentry listed = dentry(reparse, Sha1Digest.ZERO, List.of(new StreamEntry("", b), new StreamEntry("", c)));
        assertEquals(b, listed.reparseData().orElseThrow());
        assertEquals(c, listed.unnamedData());
        Dentry plain = dentry(Dentry.FILE_ATTRIBUTE_ARCHIVE, a, List.of(new StreamEntry("ads", c)));
        assertTrue(plain.reparseData().isEmpty());
        assertEquals(a, plain.unnamedData());
        assertEquals(List.of(new StreamEntry("ads", c)), plain.namedStreams());
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), Dentry.fileTime(0));
        assertEquals(Instant.parse("2009-07-14T05:22:40.1234567Z"), Dentry.fileTime(128_920_225_601_234_567L));
    }
}
