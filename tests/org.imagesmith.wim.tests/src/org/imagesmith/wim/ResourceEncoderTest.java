package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link ResourceEncoder} (and so the XPRESS and LZX compressors) writes, wimlib reads: an uncompressed WIM
 * that wimlib-imagex captured is rewritten with every stream and the metadata resource compressed by us, then
 * wimlib-imagex verifies it (all SHA-1 digests) and applies it, and the files must equal the captured ones.
 */
class ResourceEncoderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, chunks of {1}")
    @CsvSource({"XPRESS, 32768", "XPRESS, 4096", "XPRESS, 65536", "LZX, 32768", "LZX, 65536", "LZX, 2097152"})
    void wimlibReadsResourcesWeCompress(CompressionType compression, int chunkSize) throws IOException {
        Path source = ResourceReaderTest.writeTree(dir.resolve("src"));
        Path original = dir.resolve("original.wim");
        Wimlib.capture(source, original, "Test", "Test image", "--compress=none");
        Path rewritten = dir.resolve("rewritten.wim");
        rewrite(original, rewritten, compression, chunkSize);

        try (WimFile ours = WimFile.open(rewritten)) {
            assertEquals(compression, ours.header().compressionType());
            assertTrue(ours.lookupTable().streams().stream().anyMatch(e -> e.resource().isCompressed()));
            for (LookupEntry entry : ours.lookupTable().streams()) {
                ours.resourceReader().readStream(entry);
            }
        }
        // verify reads every stream and checks its SHA-1 digest; it exits non-zero (failing run) on any error
        String verify = Wimlib.run("verify", rewritten.toString());
        assertTrue(verify.contains("was successfully verified"), verify);
        Path applied = dir.resolve("applied");
        Wimlib.run("apply", rewritten.toString(), "1", applied.toString());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(ResourceReaderTest.TREE_FILES, files.size());
        for (Path file : files) {
            Path copy = applied.resolve(source.relativize(file).toString());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(copy), copy.toString());
        }
    }

    /** Copies a WIM file, writing every lookup table resource again with this compression. */
    static void rewrite(Path from, Path to, CompressionType compression, int chunkSize) throws IOException {
        byte[] header = Arrays.copyOf(Files.readAllBytes(from), WimHeader.SIZE);
        try (WimFile in = WimFile.open(from);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ResourceEncoder encoder = new ResourceEncoder(compression, chunkSize, 2);
            ResourceReader reader = in.resourceReader();
            long position = WimHeader.SIZE;
            ByteBuffer table = ByteBuffer.allocate(in.lookupTable().entries().size() * LookupEntry.SIZE)
                    .order(ByteOrder.LITTLE_ENDIAN);
            ResourceHeader bootMetadata = new ResourceHeader(0, 0, 0, 0);
            for (LookupEntry entry : in.lookupTable().entries()) {
                byte[] data = reader.readStream(entry);
                encoder.begin(out, position, data.length);
                encoder.write(data, 0, data.length);
                ResourceHeader resource = encoder.finish(entry.resource().flags()).resource();
                position += resource.storedSize();
                if (entry.isMetadata() && in.header().bootIndex() == 1) {
                    bootMetadata = resource;
                }
                resource.write(table);
                table.putShort((short) entry.partNumber()).putInt((int) entry.referenceCount())
                        .put(entry.hash().toByteArray());
            }
            ResourceHeader lookupTable = new ResourceHeader(table.capacity(), 0, position, table.capacity());
            out.write(table.flip(), position);
            position += table.capacity();
            ResourceHeader xml = in.header().xmlData();
            byte[] xmlBytes;
            try (FileChannel original = FileChannel.open(from)) {
                xmlBytes = WimFile.readFully(original, xml.offset(), (int) xml.storedSize());
            }
            out.write(ByteBuffer.wrap(xmlBytes), position);
            ResourceHeader newXml = new ResourceHeader(xml.storedSize(), 0, position, xml.originalSize());

            ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int flags = in.header().flags() & ~(WimHeader.FLAG_COMPRESS_LZX | WimHeader.FLAG_COMPRESS_XPRESS
                    | WimHeader.FLAG_COMPRESS_LZMS);
            flags |= WimHeader.FLAG_COMPRESSION
                    | (compression == CompressionType.LZX ? WimHeader.FLAG_COMPRESS_LZX : WimHeader.FLAG_COMPRESS_XPRESS);
            h.putInt(16, flags);
            h.putInt(20, chunkSize);
            h.position(48);
            lookupTable.write(h);
            newXml.write(h);
            bootMetadata.write(h);
            h.position(124);
            new ResourceHeader(0, 0, 0, 0).write(h);
            out.write(ByteBuffer.wrap(header), 0);
        }
    }
}
