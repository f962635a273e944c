package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.imagesmith.testsupport.Wimlib;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StagedImage}: only what is looked up is extracted; a commit writes changed, new and deleted entries back in
 * place, keeps every other entry and image (checked by applying with wimlib-imagex), compresses only new data, and a
 * failure before the header leaves the old file.
 */
class StagedImageTest {
    @TempDir
    Path dir;
    Path one;
    Path two;
    Path wim;

    @BeforeEach
    void wimOfTwoImages() throws IOException {
        one = ImageApplierTest.writeTree(dir.resolve("one"), 1);
        two = ImageApplierTest.writeTree(dir.resolve("two"), 2);
        wim = dir.resolve("install.wim");
        Wimlib.capture(one, wim, "One", "first", "--compress=lzx");
        Wimlib.append(two, wim, "Two", "second");
    }

    private StagedImage stage(int index) throws IOException {
        Path staging = Files.createDirectories(dir.resolve("staging-" + System.nanoTime()));
        return StagedImage.open(wim, index, staging);
    }

    private static List<String> path(String path) {
        return List.of(path.split("/"));
    }

    private Map<String, ImageApplierTest.Node> applied(int index) throws IOException {
        Path target = dir.resolve("applied-" + System.nanoTime());
        Wimlib.apply(wim, index, target);
        return ImageApplierTest.snapshot(target);
    }

    @Test
    void extractsOnlyWhatIsLookedUpAndListsTheRest() throws IOException {
        try (StagedImage image = stage(1)) {
            Path hosts = image.find(path("WINDOWS/system32/Drivers/etc/deeper/still deeper/HOSTS")).orElseThrow();
            assertEquals("127.0.0.1 localhost\r\n", Files.readString(hosts));
            assertEquals(Files.getLastModifiedTime(one.resolve("Windows/System32/drivers/etc/deeper/still deeper/hosts")),
                    Files.getLastModifiedTime(hosts));
            List<String> windows = image.list(path("Windows"));
            assertEquals(List.of("empty.log", "kernel-link.dll", "shared.ini", "System32", "variant-1.txt"), windows);
            try (Stream<Path> staged = Files.walk(hosts.getParent().getParent().getParent().getParent().getParent()
                    .getParent())) {
                long files = staged.filter(Files::isRegularFile).count();
                assertEquals(1, files, "only the file looked up is extracted");
            }
            assertTrue(image.find(path("Windows/no such file")).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> image.find(path("Windows/../..")));
            assertFalse(image.hasChanges());
        }
    }

    @Test
    void commitWritesChangesInPlaceAndKeepsTheRest() throws IOException {
        Map<String, ImageApplierTest.Node> imageTwo = applied(2);
        long before = Files.size(wim);
        CommitResult result;
        try (StagedImage image = stage(1)) {
            Files.writeString(image.find(path("Windows/System32/drivers/etc/deeper/still deeper/hosts")).orElseThrow(),
                    "10.0.0.1 server\r\n");
            Files.writeString(image.pathForWrite(path("Windows/System32/New Folder/new.txt")), "new file");
            Files.delete(image.find(path("windows/VARIANT-1.TXT")).orElseThrow());
            Files.writeString(image.find(path("Windows/System32/kernel32.dll")).orElseThrow(), "patched kernel");
            assertTrue(image.hasChanges());
            result = image.commit(false, (done, total) -> { });
        }
        assertEquals(3, result.streamsCompressed(), "hosts, new.txt and kernel32.dll; nothing else is compressed");
        assertTrue(Files.size(wim) - before < 64 * 1024, "only new data and metadata are appended: "
                + (Files.size(wim) - before) + " bytes");
        Wimlib.verify(wim);

        Path expected = one;
        Files.writeString(expected.resolve("Windows/System32/drivers/etc/deeper/still deeper/hosts"), "10.0.0.1 server\r\n");
        Files.createDirectories(expected.resolve("Windows/System32/New Folder"));
        Files.writeString(expected.resolve("Windows/System32/New Folder/new.txt"), "new file");
        Files.delete(expected.resolve("Windows/variant-1.txt"));
        Map<String, ImageApplierTest.Node> after = applied(1);
        Map<String, ImageApplierTest.Node> wanted = ImageApplierTest.snapshot(expected);
        assertEquals(wanted.keySet(), after.keySet());
        for (String name : wanted.keySet()) {
            if (name.equals("Windows/System32/kernel32.dll")) {
                assertEquals("patched kernel".length(), after.get(name).size());
            } else if (wanted.get(name).type().equals("file")) {
                assertEquals(wanted.get(name).sha1(), after.get(name).sha1(), name);
            }
        }
        assertEquals(ImageApplierTest.sha1(one.resolve("Windows/kernel-link.dll")),
                after.get("Windows/kernel-link.dll").sha1(), "the other names of a changed hard-linked file keep its data");
        assertNotEquals(after.get("Windows/kernel-link.dll").sha1(), after.get("Windows/System32/kernel32.dll").sha1());
        assertEquals(imageTwo, applied(2), "the other image is unchanged");
        try (WimFile file = WimFile.open(wim)) {
            assertEquals(2, file.imageCount());
            assertEquals("One", file.image(1).name());
            assertEquals("first", file.image(1).description());
        }
    }

    @Test
    void hardLinksOfUntouchedFilesSurviveACommit() throws IOException {
        try (StagedImage image = stage(1)) {
            Files.writeString(image.pathForWrite(path("added.txt")), "added");
            image.commit(false, (done, total) -> { });
        }
        Path target = dir.resolve("applied");
        Wimlib.apply(wim, 1, target);
        Set<Set<String>> groups = ImageApplierTest.hardLinkGroups(target);
        assertEquals(ImageApplierTest.hardLinkGroups(one), groups);
    }

    @Test
    void nothingChangedWritesNothing() throws IOException {
        String sha1 = ImageApplierTest.sha1(wim);
        try (StagedImage image = stage(2)) {
            image.find(path("Windows/System32/big.bin")).orElseThrow();
            image.list(path("Windows/System32"));
            CommitResult result = image.commit(true, (done, total) -> { });
            assertEquals(0, result.streamsCompressed());
        }
        assertEquals(sha1, ImageApplierTest.sha1(wim));
    }

    @Test
    void aFailureBeforeTheHeaderLeavesTheOldFile() throws IOException {
        Map<String, ImageApplierTest.Node> original = applied(1);
        for (String stage : List.of("data", "tables")) {
            long size = Files.size(wim);
            try (StagedImage image = stage(1)) {
                Files.writeString(image.pathForWrite(path("Windows/added.txt")), "added at " + stage);
                IOException failure = assertThrows(IOException.class, () -> image.commit(false, (done, total) -> { },
                        reached -> {
                            if (reached.equals(stage)) {
                                throw new IOException("injected failure at " + stage);
                            }
                        }));
                assertEquals("injected failure at " + stage, failure.getMessage());
            }
            assertEquals(size, Files.size(wim), "what the failed commit appended is cut off");
            Wimlib.verify(wim);
            assertEquals(original, applied(1));
        }
    }

    @Test
    void aSecondStagedImageOfTheSameFileIsRefused() throws IOException {
        try (StagedImage image = stage(1)) {
            WriterLock.TargetLockedException refused = assertThrows(WriterLock.TargetLockedException.class,
                    () -> stage(2));
            assertTrue(refused.holder().contains("servicing image 1 in place"), refused.getMessage());
            assertThrows(WriterLock.TargetLockedException.class, () -> WimWriter.append(image.wimFile(), false),
                    "an append waits for the in-place change too");
        }
        try (StagedImage image = stage(2)) {
            assertTrue(image.find(path("Windows")).isPresent());
        }
    }
}
