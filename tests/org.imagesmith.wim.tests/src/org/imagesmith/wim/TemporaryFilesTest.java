package org.imagesmith.wim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TemporaryFiles}: names that say whose they are, and removal of those of dead processes only, never of a live
 * one nor a user's file that looks alike.
 */
class TemporaryFilesTest {
    @TempDir
    Path dir;

    /** The id of a process that has ended. */
    private static long deadProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return process.pid();
    }

    private static void note(Path notes, long pid, Path folder, String prefix, String name) throws IOException {
        Properties note = new Properties();
        note.setProperty("pid", Long.toString(pid));
        note.setProperty("started", "");
        note.setProperty("folder", folder.toString());
        note.setProperty("prefix", prefix);
        try (OutputStream out = Files.newOutputStream(Files.createDirectories(notes).resolve(name + ".note"))) {
            note.store(out, null);
        }
    }

    @Test
    void theFilesOfAKilledProcessAreRemovedAndNothingElse() throws Exception {
        Path notes = dir.resolve("notes");
        Path work = Files.createDirectories(dir.resolve("work"));
        long dead = deadProcess();
        long alive = ProcessHandle.current().pid();
        Path orphan = Files.write(work.resolve(".install.wim.imagesmith-" + dead + "-123.tmp"), new byte[1000]);
        Path staging = Files.createDirectories(work.resolve("imagesmith-" + dead + "-staged-456"));
        Files.writeString(Files.createDirectories(staging.resolve("Windows")).resolve("a.txt"), "staged");
        Path users = Files.write(work.resolve(".install.wim.imagesmith-" + dead + "-mine.tmp"), new byte[1]);
        Path live = Files.write(work.resolve(".install.wim.imagesmith-" + alive + "-789.tmp"), new byte[1]);
        note(notes, dead, work, ".install.wim.imagesmith-" + dead + "-", "a");
        note(notes, dead, work, "imagesmith-" + dead + "-staged-", "b");
        note(notes, alive, work, ".install.wim.imagesmith-" + alive + "-", "c");

        List<Path> removed = TemporaryFiles.removeOrphans(notes);

        assertEquals(Set.of(orphan, staging), Set.copyOf(removed));
        assertFalse(Files.exists(orphan) || Files.exists(staging));
        assertTrue(Files.exists(users), "a file whose name is not of our form stays");
        assertTrue(Files.exists(live), "the temporary file of a live process stays");
        try (Stream<Path> left = Files.list(notes)) {
            assertEquals(List.of(notes.resolve("c.note")), left.toList());
        }
    }

    @Test
    void aTemporaryFileIsNamedForItsProcessAndNotedUntilDone() throws IOException {
        Path target = dir.resolve("install.wim");
        Path temp = TemporaryFiles.beside(target);
        assertTrue(temp.getFileName().toString().startsWith(".install.wim.imagesmith-"
                + ProcessHandle.current().pid() + "-"), temp.toString());
        Path folder = TemporaryFiles.folder(Optional.of(dir), "staged");
        assertTrue(folder.getFileName().toString().matches("imagesmith-\\d+-staged-\\d+"), folder.toString());
        List<Path> removed = TemporaryFiles.removeOrphans();
        assertFalse(removed.contains(temp) || removed.contains(folder), "a live process's files are never removed");
        assertTrue(Files.exists(temp) && Files.isDirectory(folder));
        Files.delete(temp);
        Files.delete(folder);
        TemporaryFiles.done(temp);
        TemporaryFiles.done(folder);
    }
}
