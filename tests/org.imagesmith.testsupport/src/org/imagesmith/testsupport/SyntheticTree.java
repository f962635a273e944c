package org.imagesmith.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Small directory trees shaped like an offline Windows image, for capturing into test WIM files. */
public final class SyntheticTree {
    private SyntheticTree() {
    }

    /**
     * Writes a tree under dir: Windows\System32 with a compressible text file and random bytes, Windows\inf,
     * an empty file and a duplicate of another file (single-instance storage). The variant changes content.
     */
    public static Path write(Path dir, int variant) throws IOException {
        Path system32 = Files.createDirectories(dir.resolve("Windows/System32"));
        Path config = Files.createDirectories(system32.resolve("config"));
        Path inf = Files.createDirectories(dir.resolve("Windows/inf"));
        Files.createDirectories(dir.resolve("Program Files/Common Files"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4000; i++) {
            text.append("Line ").append(i).append(" of the synthetic image, variant ").append(variant).append('\n');
        }
        Files.writeString(system32.resolve("license.txt"), text, StandardCharsets.UTF_8);
        byte[] random = new byte[70_000 + variant * 1000];
        new Random(variant).nextBytes(random);
        Files.write(system32.resolve("random.dll"), random);
        Files.writeString(inf.resolve("machine.inf"), "[Version]\r\nSignature=\"$Windows NT$\"\r\n");
        Files.writeString(inf.resolve("copy-of-machine.inf"), "[Version]\r\nSignature=\"$Windows NT$\"\r\n");
        Files.write(config.resolve("EMPTY"), new byte[0]);
        Files.writeString(dir.resolve("Windows/variant.txt"), "variant " + variant);
        return dir;
    }
}
