package org.imagesmith.ui;

import java.util.List;

/** What the Images view shows: the workspace's WIM files and the mounts of the user's mount store. */
public record ImagesContent(List<WimFileNode> wimFiles, List<MountEntry> mounts) {
    public static final ImagesContent EMPTY = new ImagesContent(List.of(), List.of());

    public ImagesContent {
        wimFiles = List.copyOf(wimFiles);
        mounts = List.copyOf(mounts);
    }

    public ImagesContent withWimFiles(List<WimFileNode> files) {
        return new ImagesContent(files, mounts);
    }

    public ImagesContent withMounts(List<MountEntry> entries) {
        return new ImagesContent(wimFiles, entries);
    }
}
