package org.imagesmith.compression;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Sample inputs for the codec tests: text, random bytes, runs, x86-like code with E8 bytes. */
final class TestData {
    private TestData() {
    }

    static byte[] text(int size, int seed) {
        Random random = new Random(seed);
        String[] words = {"Windows", "deployment", "image", "servicing", "offline", "driver", "package", "the", "of",
            "registry", "hive", "\r\n", "System32", "KB5034441", "amd64", "=", "[", "]", "feature"};
        StringBuilder text = new StringBuilder();
        while (text.length() < size) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(bytes, size);
    }

    static byte[] random(int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static byte[] x86(int size, int seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 11 == 0 ? 0xE8 : random.nextInt(3) == 0 ? random.nextInt(256) : (i * 7) % 40);
        }
        return data;
    }

    /** Runs of one byte mixed with short random stretches (long matches, offset 1). */
    static byte[] runs(int size, int seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        int i = 0;
        while (i < size) {
            int run = random.nextInt(2) == 0 ? random.nextInt(20) : random.nextInt(5000);
            byte value = (byte) random.nextInt(256);
            for (int j = 0; j < run && i < size; j++) {
                data[i++] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : value;
            }
        }
        return data;
    }
}
