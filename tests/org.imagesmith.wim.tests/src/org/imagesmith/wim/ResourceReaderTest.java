package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lookup table, chunk tables and {@link ResourceReader} on WIM files wimlib-imagex captures with each
 * compression type, chunk size and solid layout: every stream reads back with the SHA-1 its lookup table entry
 * gives, and every file wimlib-imagex applies is found byte for byte among the streams.
 */
class ResourceReaderTest {
    @TempDir
    Path dir;

    /** A tree with repeated content, a large compressible file, random bytes, x86-like E8 bytes and an empty file. */
    static Path writeTree(Path root) throws IOException {
        Path sub = Files.createDirectories(root.resolve("Windows/System32"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 150_000; i++) {
            text.append("Line ").append(i).append(": the quick brown fox jumps over the lazy dog ")
                    .append(i % 7 == 0 ? "[section]" : "key=value").append("\r\n");
        }
        Files.writeString(sub.resolve("big.txt"), text, StandardCharsets.UTF_8);
        Random random = new Random(42);
        byte[] noise = new byte[90_000];
        random.nextBytes(noise);
        Files.write(sub.resolve("random.bin"), noise);
        byte[] code = new byte[70_000];
        for (int i = 0; i < code.length; i++) {
            code[i] = (byte) (i % 13 == 0 ? 0xE8 : random.nextInt(4) == 0 ? random.nextInt(256) : i % 64);
        }
        Files.write(sub.resolve("calls.dll"), code);
        byte[] exact = Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), 32768);
        Files.write(sub.resolve("exact-chunk.txt"), exact);
        Files.write(sub.resolve("chunk-plus-one.txt"), Arrays.copyOf(noise, 32769));
        Files.writeString(root.resolve("Windows/a.ini"), "[boot]\r\nshell=explorer.exe\r\n");
        Files.writeString(root.resolve("Windows/copy-of-a.ini"), "[boot]\r\nshell=explorer.exe\r\n");
        Files.writeString(root.resolve("Windows/tiny.txt"), "x");
        Files.write(root.resolve("Windows/empty.dat"), new byte[0]);
        Files.write(sub.resolve("code.exe"), x86Code(120_000, random));
        Files.write(sub.resolve("ramp.wav"), ramp(100_000, random));
        return root;
    }

    static final int TREE_FILES = 11;

    /** Bytes shaped like x86 code: calls, RIP-relative LEA/MOV, indirect calls and jumps to a few targets. */
    static byte[] x86Code(int size, Random random) {
        byte[] code = new byte[size];
        int[] targets = new int[24];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = random.nextInt(size);
        }
        int p = 0;
        while (p < size - 16) {
            int kind = random.nextInt(8);
            byte[] opcode = switch (kind) {
                case 0, 1 -> new byte[] {(byte) 0xE8};
                case 2 -> new byte[] {0x48, (byte) 0x8D, 0x05};
                case 3 -> new byte[] {(byte) 0xFF, 0x15};
                case 4 -> new byte[] {(byte) 0xF0, (byte) 0x83, 0x05};
                case 5 -> new byte[] {(byte) 0xE9};
                default -> new byte[] {(byte) 0x8B, (byte) (0x40 + random.nextInt(8)), (byte) random.nextInt(16)};
            };
            System.arraycopy(opcode, 0, code, p, opcode.length);
            p += opcode.length;
            if (kind <= 5) {
                int relative = targets[random.nextInt(targets.length)] - (p + 4);
                for (int b = 0; b < 4; b++) {
                    code[p++] = (byte) (relative >>> (8 * b));
                }
            }
        }
        return code;
    }

    /** 16-bit samples of a slowly changing ramp (what LZMS delta matches are for). */
    static byte[] ramp(int size, Random random) {
        byte[] data = new byte[size];
        int value = 0;
        int step = 3;
        for (int i = 0; i + 1 < size; i += 2) {
            if (random.nextInt(500) == 0) {
                step = random.nextInt(9) - 4;
            }
            value += step;
            data[i] = (byte) value;
            data[i + 1] = (byte) (value >>> 8);
        }
        return data;
    }

    private Path capture(String... options) throws IOException {
        Path wim = dir.resolve("test.wim");
        Files.deleteIfExists(wim);
        Wimlib.capture(writeTree(dir.resolve("src")), wim, "Test", "Test image", options);
        return wim;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "--compress=none",
            "--compress=xpress",
            "--compress=xpress --chunk-size=4096",
            "--compress=xpress --chunk-size=65536",
            "--compress=lzx",
            "--compress=lzx --chunk-size=65536",
            "--compress=lzx --chunk-size=2097152",
            "--solid --solid-compress=xpress --compress=xpress",
            "--solid --solid-compress=lzx --compress=lzx",
            "--solid --solid-compress=lzx --solid-chunk-size=1048576 --compress=xpress",
            "--solid --solid-compress=xpress --solid-chunk-size=4096 --compress=none",
            "--compress=lzms",
            "--compress=lzms --chunk-size=32768",
            "--compress=lzms --chunk-size=1048576",
            "--solid",
            "--solid --solid-chunk-size=65536",
            "--solid --solid-compress=lzms --compress=xpress"})
    void readsEveryStreamOfWhatWimlibCaptures(String options) throws Exception {
        Path wim = capture(options.split(" "));
        Path applied = dir.resolve("applied");
        Wimlib.run("apply", wim.toString(), "1", applied.toString());

        Map<Sha1Digest, byte[]> streams = new HashMap<>();
        try (WimFile file = WimFile.open(wim)) {
            LookupTable table = file.lookupTable();
            assertFalse(table.streams().isEmpty());
            ResourceReader reader = file.resourceReader();
            for (LookupEntry entry : table.streams()) {
                byte[] data = reader.readStream(entry);
                assertEquals(entry.size(), data.length);
                assertEquals(entry.hash(), Sha1Digest.of(sha1(data)), "stream of entry " + entry.index());
                streams.put(entry.hash(), data);
            }
            assertEquals(1, table.metadataResources().size());
            byte[] metadata = file.readMetadataResource(1);
            assertEquals(table.metadataResources().get(0).hash(), Sha1Digest.of(sha1(metadata)));
            if (options.contains("--solid")) {
                assertTrue(table.entries().stream().anyMatch(LookupEntry::isSolidResource), "a solid resource");
                assertTrue(table.streams().stream().allMatch(LookupEntry::isInSolidResource), "all in solid");
            } else if (!options.contains("none")) {
                assertTrue(table.streams().stream().anyMatch(e -> e.resource().isCompressed()), "compressed");
            }
        }

        List<Path> files;
        try (Stream<Path> walk = Files.walk(applied)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(TREE_FILES, files.size());
        for (Path f : files) {
            byte[] expected = Files.readAllBytes(f);
            if (expected.length == 0) {
                continue;
            }
            byte[] ours = streams.get(Sha1Digest.of(sha1(expected)));
            assertNotNull(ours, "no stream holds the content of " + f);
            assertArrayEquals(expected, ours, f.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--compress=lzx", "--solid --solid-compress=xpress --compress=xpress"})
    void readsRangesAndTransfersWholeStreams(String options) throws Exception {
        Path wim = capture(options.split(" "));
        byte[] big = Files.readAllBytes(dir.resolve("src/Windows/System32/big.txt"));
        try (WimFile file = WimFile.open(wim)) {
            LookupEntry entry = file.lookupTable().find(Sha1Digest.of(sha1(big))).orElseThrow();
            ResourceReader reader = file.resourceReader();
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                int offset = random.nextInt(big.length);
                int length = random.nextInt(70_000);
                byte[] part = new byte[length];
                int n = reader.read(entry, offset, part, 0, length);
                assertEquals(Math.min(length, big.length - offset), n);
                assertArrayEquals(Arrays.copyOfRange(big, offset, offset + n), Arrays.copyOf(part, n));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reader.transferTo(entry, out);
            assertArrayEquals(big, out.toByteArray());
            assertArrayEquals(big, file.readStream(entry.hash()));
        }
    }

    @Test
    void damagedChunksGiveAWimFormatException() throws Exception {
        for (String compression : List.of("xpress", "lzx", "lzms")) {
            Path wim = capture("--compress=" + compression);
            byte[] original = Files.readAllBytes(wim);
            LookupEntry target;
            try (WimFile file = WimFile.open(wim)) {
                byte[] big = Files.readAllBytes(dir.resolve("src/Windows/System32/big.txt"));
                target = file.lookupTable().find(Sha1Digest.of(sha1(big))).orElseThrow();
            }
            Random random = new Random(1);
            int failures = 0;
            for (int trial = 0; trial < 40; trial++) {
                byte[] damaged = original.clone();
                long start = target.resource().offset();
                int at = (int) (start + 20 + random.nextInt((int) target.resource().storedSize() - 20));
                damaged[at] ^= (byte) (1 + random.nextInt(255));
                Path bad = dir.resolve("bad.wim");
                Files.write(bad, damaged);
                try (WimFile file = WimFile.open(bad)) {
                    file.resourceReader().readStream(file.lookupTable().find(target.hash()).orElseThrow());
                    fail("a damaged " + compression + " chunk at file offset " + at + " read without error");
                } catch (WimFormatException e) {
                    assertTrue(e.getMessage().contains("offset"), e.getMessage());
                    failures++;
                }
            }
            assertEquals(40, failures);
        }
    }

    @Test
    void truncatedFileGivesAWimFormatException() throws Exception {
        Path wim = capture("--compress=lzx");
        byte[] original = Files.readAllBytes(wim);
        Sha1Digest hash;
        long end;
        try (WimFile file = WimFile.open(wim)) {
            LookupEntry entry = file.lookupTable().streams().stream()
                    .max((a, b) -> Long.compare(a.resource().offset(), b.resource().offset())).orElseThrow();
            hash = entry.hash();
            end = entry.resource().offset() + entry.resource().storedSize();
        }
        Path cut = dir.resolve("cut.wim");
        Files.write(cut, Arrays.copyOf(original, (int) end - 100));
        // the header and XML data still lie before the cut only when wimlib put them first; read what we can
        try (WimFile file = WimFile.open(cut)) {
            LookupEntry entry = file.lookupTable().find(hash).orElseThrow();
            WimFormatException e = assertThrows(WimFormatException.class, () -> file.resourceReader().readStream(entry));
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        } catch (WimFormatException e) {
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged"), e.getMessage());
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
