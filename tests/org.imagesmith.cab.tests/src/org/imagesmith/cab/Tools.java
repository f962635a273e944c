package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the Debian cabinet tools (cabextract, gcab) that the tests use as oracles, and compares directory trees. */
final class Tools {
    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    /** Runs a command in {@code directory}; a missing tool fails the test. */
    static Result exec(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("'" + command[0] + "' is needed by this test but could not be run (install the Debian package "
                    + command[0] + "): " + e.getMessage());
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within a minute");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed and returns its output. */
    static String run(Path directory, String... command) throws IOException, InterruptedException {
        Result result = exec(directory, command);
        assertEquals(0, result.exitCode(), () -> String.join(" ", command) + " failed:\n" + result.output());
        return result.output();
    }

    /** Every regular file under {@code root}, by its path relative to root with '/' separators, to its bytes. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path)) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "file names");
        List<String> different = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!java.util.Arrays.equals(expected.get(name), actual.get(name))) {
                different.add(name);
            }
        }
        assertEquals(List.of(), different, "files whose contents differ");
    }
}
