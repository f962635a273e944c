package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cabinets made by gcab read like cabextract reads them; cabinets we write pass cabextract and gcab. */
class CabinetOracleTest {
    @TempDir
    Path temp;

    /** Files covering the cases of the issue: several files, an empty one, ones spanning many blocks, subdirectories, UTF-8. */
    private static Map<String, byte[]> sampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Random random = new Random(42);
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append("line ").append(i).append(": HKLM\\SYSTEM\\CurrentControlSet\\Services\\storahci ")
                    .append(random.nextInt(1000)).append("\r\n");
        }
        files.put("readme.txt", "hello, cabinet\r\n".getBytes(StandardCharsets.US_ASCII));
        files.put("empty.dat", new byte[0]);
        files.put("drivers/storage/noise.bin", noise);
        files.put("drivers/storage/deep/er/log.txt", text.toString().getBytes(StandardCharsets.US_ASCII));
        files.put("exact/32k.bin", java.util.Arrays.copyOf(noise, 32768));
        files.put("unicode/héllo wörld ✓.txt", "ünïcode\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private Path writeTree(Map<String, byte[]> files, Path root) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return root;
    }

    private void readsLikeCabextract(boolean mszip) throws Exception {
        Map<String, byte[]> files = sampleFiles();
        Path source = writeTree(files, Files.createDirectories(temp.resolve("source")));
        List<String> command = new ArrayList<>(List.of("gcab", "-c"));
        if (mszip) {
            command.add("-z");
        }
        command.add(temp.resolve("gcab.cab").toString());
        command.addAll(files.keySet());
        Tools.run(source, command.toArray(String[]::new));

        Path theirs = Files.createDirectories(temp.resolve("cabextract"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), temp.resolve("gcab.cab").toString());
        Path ours = temp.resolve("ours");
        try (Cabinet cabinet = Cabinet.open(temp.resolve("gcab.cab"))) {
            assertEquals(files.size(), cabinet.entries().size());
            assertEquals(mszip ? CompressionType.MSZIP : CompressionType.NONE, cabinet.compression(0));
            List<Path> written = cabinet.extractAll(ours);
            assertEquals(files.size(), written.size());
            CabinetEntry big = cabinet.find("drivers\\storage\\deep\\er\\log.txt").orElseThrow();
            assertArrayEquals(files.get("drivers/storage/deep/er/log.txt"), cabinet.read(big));
            assertEquals(LocalDateTime.now().getYear(), big.lastModified().getYear());
            CabinetEntry unicode = cabinet.find("unicode/héllo wörld ✓.txt").orElseThrow();
            assertTrue((unicode.attributes() & CfFile.A_NAME_IS_UTF) != 0, "gcab marks non-ASCII names as UTF-8");
        }
        Tools.assertSameTree(Tools.tree(theirs), Tools.tree(ours));
        Tools.assertSameTree(files, Tools.tree(ours));
    }

    @Test
    void readsUncompressedGcabCabinetLikeCabextract() throws Exception {
        readsLikeCabextract(false);
    }

    @Test
    void readsMszipGcabCabinetLikeCabextract() throws Exception {
        readsLikeCabextract(true);
    }

    private void writtenCabinetPassesTools(CompressionType compression, boolean folders) throws Exception {
        Map<String, byte[]> files = sampleFiles();
        CabinetBuilder builder = new CabinetBuilder(compression);
        LocalDateTime time = LocalDateTime.of(2024, 2, 29, 13, 37, 42);
        int count = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (folders && count++ == 3) {
                builder.newFolder();
            }
            builder.addFile(file.getKey(), file.getValue(), time, CfFile.A_ARCH);
        }
        Path cab = temp.resolve("ours.cab");
        builder.write(cab);

        String test = Tools.run(temp, "cabextract", "-t", cab.toString());
        assertTrue(test.contains("All done, no errors"), test);
        Path theirs = Files.createDirectories(temp.resolve("cabextract"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), cab.toString());
        Tools.assertSameTree(files, Tools.tree(theirs));
        assertEquals(time, LocalDateTime.ofInstant(Files.getLastModifiedTime(theirs.resolve("readme.txt")).toInstant(),
                java.time.ZoneId.systemDefault()));

        Set<String> listed = new TreeSet<>(List.of(Tools.run(temp, "gcab", "-t", cab.toString()).split("\n")));
        Set<String> expected = new TreeSet<>();
        files.keySet().forEach(name -> expected.add(name.replace('/', '\\')));
        assertEquals(expected, listed);
        Path gcab = Files.createDirectories(temp.resolve("gcab"));
        Tools.run(temp, "gcab", "-x", "-C", gcab.toString(), cab.toString());
        Tools.assertSameTree(files, Tools.tree(gcab));

        try (Cabinet cabinet = Cabinet.open(cab)) {
            assertEquals(folders ? 2 : 1, cabinet.folderCount());
            Path ours = temp.resolve("ours");
            cabinet.extractAll(ours);
            Tools.assertSameTree(files, Tools.tree(ours));
            try (InputStream in = cabinet.openStream(cabinet.find("exact/32k.bin").orElseThrow())) {
                assertArrayEquals(files.get("exact/32k.bin"), in.readAllBytes());
            }
        }
    }

    @Test
    void writtenUncompressedCabinetPassesCabextractAndGcab() throws Exception {
        writtenCabinetPassesTools(CompressionType.NONE, false);
    }

    @Test
    void writtenMszipCabinetPassesCabextractAndGcab() throws Exception {
        writtenCabinetPassesTools(CompressionType.MSZIP, false);
    }

    @Test
    void writtenMultiFolderMszipCabinetPassesCabextractAndGcab() throws Exception {
        writtenCabinetPassesTools(CompressionType.MSZIP, true);
    }

    @Test
    void writesFilesFromDiskAtomically() throws Exception {
        Map<String, byte[]> files = sampleFiles();
        Path source = writeTree(files, Files.createDirectories(temp.resolve("source")));
        CabinetBuilder builder = new CabinetBuilder(CompressionType.MSZIP);
        for (String name : files.keySet()) {
            builder.addFile(name, source.resolve(name));
        }
        Path cab = temp.resolve("out/disk.cab");
        Files.createDirectories(cab.getParent());
        Files.write(cab, new byte[] {1, 2, 3});
        builder.write(cab);
        try (var listing = Files.list(cab.getParent())) {
            assertEquals(List.of(cab), listing.toList(), "no temporary file is left behind");
        }
        Path theirs = Files.createDirectories(temp.resolve("cabextract"));
        Tools.run(temp, "cabextract", "-q", "-d", theirs.toString(), cab.toString());
        Tools.assertSameTree(files, Tools.tree(theirs));
    }

    @Test
    void cabinetWithOnlyEmptyFilesIsValid() throws Exception {
        Path cab = temp.resolve("empty.cab");
        new CabinetBuilder(CompressionType.MSZIP).addFile("a\\empty.txt", new byte[0], LocalDateTime.of(2020, 1, 1, 0, 0), 0)
                .write(cab);
        Tools.run(temp, "cabextract", "-t", cab.toString());
        try (Cabinet cabinet = Cabinet.open(cab)) {
            assertEquals(0, cabinet.read(cabinet.entries().get(0)).length);
        }
    }
}
