package org.imagesmith.cli;

import java.nio.file.Path;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;

/** What the mount commands share: the user's mount store (or the one the imagesmith.mountStore property names). */
final class MountCommands {
    private MountCommands() {
    }

    static MountedImages mountedImages() {
        String override = System.getProperty("imagesmith.mountStore");
        return new MountedImages(override != null ? new MountStore(Path.of(override)) : MountStore.forUser());
    }
}
