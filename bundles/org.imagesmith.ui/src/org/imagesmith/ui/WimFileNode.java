package org.imagesmith.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imagesmith.wim.ImageInfo;

/**
 * A WIM file of the workspace with its images, or with the reason it cannot be read.
 *
 * @param workspacePath the file's full path in the workspace (/project/folder/install.wim)
 * @param location the file in the file system
 * @param problem why the file cannot be read, if it cannot
 */
public record WimFileNode(String workspacePath, Path location, List<ImageInfo> images, Optional<String> problem) {
    public WimFileNode {
        images = List.copyOf(images);
    }

    /** The tree nodes of this file's images. */
    public List<ImageNode> imageNodes() {
        return images.stream().map(image -> new ImageNode(this, image)).toList();
    }
}
