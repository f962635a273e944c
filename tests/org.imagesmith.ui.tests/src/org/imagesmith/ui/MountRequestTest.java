package org.imagesmith.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.wim.ImageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The checks of the Mount dialog, and the mount directory it proposes under the scratch directory. */
@ExtendWith(NoLoggedErrors.class)
class MountRequestTest {
    @TempDir
    Path dir;

    private ImageNode image() {
        ImageInfo info = new ImageInfo(3, "Windows 10 Pro", "", "", "", "", 1, 1, 10, 0, Optional.empty(),
                Optional.empty(), false, Optional.empty());
        WimFileNode file = new WimFileNode("/p/install.wim", dir.resolve("install.wim"), List.of(info), Optional.empty());
        return file.imageNodes().get(0);
    }

    @Test
    void acceptsAnEmptyOrMissingDirectory() throws Exception {
        assertEquals(Optional.empty(), new MountRequest(image(), dir.resolve("new").toString(), false).problem());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(Optional.empty(), new MountRequest(image(), " " + empty + " ", true).problem());
    }

    @Test
    void saysWhatIsWrongWithTheDirectory() throws Exception {
        assertEquals(Optional.of("Give the mount directory: an empty directory, or one to create."),
                new MountRequest(image(), "  ", false).problem());
        assertEquals(Optional.of("The mount directory relative/dir is not an absolute path."),
                new MountRequest(image(), "relative/dir", false).problem());
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals(Optional.of(file + " is not a directory. Choose an empty directory."),
                new MountRequest(image(), file.toString(), false).problem());
        assertEquals(Optional.of("The mount directory " + dir + " is not empty. Choose an empty directory."),
                new MountRequest(image(), dir.toString(), false).problem());
    }

    @Test
    void proposesAFreshDirectoryUnderTheScratchDirectory() throws Exception {
        assertEquals(dir.resolve("mount/install-3").toString(), MountRequest.proposedDirectory(image(), dir));
        Files.createDirectories(dir.resolve("mount/install-3"));
        assertEquals(dir.resolve("mount/install-3").toString(), MountRequest.proposedDirectory(image(), dir),
                "an empty directory is fine");
        Files.writeString(dir.resolve("mount/install-3/used"), "x");
        assertEquals(dir.resolve("mount/install-3-2").toString(), MountRequest.proposedDirectory(image(), dir));
    }
}
