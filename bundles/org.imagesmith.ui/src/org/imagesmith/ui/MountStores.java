package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagesmith.wim.mount.MountRecord;
import org.imagesmith.wim.mount.MountStore;
import org.imagesmith.wim.mount.MountedImages;

/** The mount store the IDE uses: the user's, or the one the imagesmith.mountStore property names (as the CLI). */
final class MountStores {
    static final String PROPERTY = "imagesmith.mountStore";

    private MountStores() {
    }

    static MountedImages mountedImages() {
        String override = System.getProperty(PROPERTY);
        return new MountedImages(override != null && !override.isBlank() ? new MountStore(Path.of(override))
                : MountStore.forUser());
    }

    /** Every mount of the store with its status now. */
    static List<MountEntry> entries(MountedImages images) throws IOException {
        List<MountEntry> entries = new ArrayList<>();
        for (MountRecord record : images.store().records()) {
            entries.add(new MountEntry(record, images.status(record)));
        }
        return entries;
    }
}
