package org.imagesmith.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Comparisons of applied trees. */
final class TreeAssertions {
    private TreeAssertions() {
    }

    /** Same names, kinds, contents and modification times (to the second) below both roots. */
    static void assertSameTree(Path expected, Path actual) throws IOException {
        List<Path> want = relativeEntries(expected);
        assertEquals(want, relativeEntries(actual));
        for (Path relative : want) {
            Path a = expected.resolve(relative);
            Path b = actual.resolve(relative);
            assertEquals(Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS), Files.isDirectory(b, LinkOption.NOFOLLOW_LINKS),
                    relative.toString());
            if (Files.isRegularFile(a, LinkOption.NOFOLLOW_LINKS)) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), relative.toString());
            }
            if (!relative.toString().isEmpty()) {
                assertEquals(Files.getLastModifiedTime(a).toInstant().getEpochSecond(),
                        Files.getLastModifiedTime(b).toInstant().getEpochSecond(), relative.toString());
            }
        }
    }

    static List<Path> relativeEntries(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(root::relativize).sorted().toList();
        }
    }
}
