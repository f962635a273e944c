package org.imagesmith.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.imagesmith.wim.LocalTrees;

/**
 * The workload the launcher (releng/bin/imagesmith) records once into the JVM's ahead-of-time cache (JDK 25 and
 * later, -XX:AOTCacheOutput), so that later commands start with the engine's classes loaded and linked and its hot
 * code already profiled: captures of a generated tree with XPRESS and LZX, /Get-WimInfo, and applies of both. The
 * tree and WIM files live in a temporary folder that is deleted at the end.
 */
public final class StartupTraining {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("imagesmith-training-");
        try {
            Path tree = writeTree(work.resolve("tree"));
            for (String compression : List.of("fast", "maximum")) {
                Path wim = work.resolve(compression + ".wim");
                run("/Capture-Image", "/ImageFile:" + wim, "/CaptureDir:" + tree, "/Name:training", "/Compress:" + compression,
                        "/LogPath:" + work.resolve("dism.log"));
                run("/Get-WimInfo", "/WimFile:" + wim, "/Index:1");
                run("/Apply-Image", "/ImageFile:" + wim, "/Index:1", "/ApplyDir:" + work.resolve("applied-" + compression));
            }
        } finally {
            LocalTrees.deleteTree(work);
        }
    }

    private static void run(String... args) {
        int code = Main.run(List.of(args), SILENT, SILENT, ZoneOffset.UTC);
        if (code != 0) {
            throw new IllegalStateException("the training command " + String.join(" ", args) + " exited with " + code);
        }
    }

    /** About 12 MB in 120 files: text, random bytes, and repetitive binary data, as an image holds. */
    private static Path writeTree(Path root) throws IOException {
        Random random = new Random(7601);
        for (int folder = 0; folder < 6; folder++) {
            Path dir = Files.createDirectories(root.resolve("Windows/System32/folder" + folder));
            for (int file = 0; file < 20; file++) {
                byte[] data = new byte[40_000 + random.nextInt(120_000)];
                switch (file % 3) {
                    case 0 -> {
                        StringBuilder text = new StringBuilder();
                        while (text.length() < data.length) {
                            text.append("Line ").append(random.nextInt(5000)).append(" of a text file in the image\r\n");
                        }
                        data = text.substring(0, data.length).getBytes(StandardCharsets.US_ASCII);
                    }
                    case 1 -> random.nextBytes(data);
                    default -> {
                        for (int i = 0; i < data.length; i++) {
                            data[i] = (byte) (i % 251 < 40 ? random.nextInt(256) : (i * 7) % 13);
                        }
                    }
                }
                Files.write(dir.resolve("file" + file + ".bin"), data);
            }
        }
        return root;
    }
}
