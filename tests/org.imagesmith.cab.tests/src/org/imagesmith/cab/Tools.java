package org.imagesmith.cab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagesmith.testsupport.ExternalTool;
import java.util.stream.Stream;

/** Runs the Debian cabinet tools (cabextract, gcab) that the tests use as oracles, and compares directory trees. */
final class Tools {
    record Result(int exitCode, String output) {
    }

    private Tools() {
    }

    /** Runs a command in {@code directory}; a missing tool fails the test with the package to install. */
    static Result exec(Path directory, String... command) {
        ExternalTool tool = new ExternalTool(command[0], command[0].equals("cabextract") ? "cabextract" : "gcab");
        ExternalTool.Result result = tool.runAllowingFailureIn(directory,
                java.util.Arrays.copyOfRange(command, 1, command.length));
        return new Result(result.exitCode(), result.stdout() + result.stderr());
    }

    /** Runs a command that must succeed and returns its output. */
    static String run(Path directory, String... command) {
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
