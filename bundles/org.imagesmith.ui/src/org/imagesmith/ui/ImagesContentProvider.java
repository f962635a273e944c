package org.imagesmith.ui;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.viewers.ITreeContentProvider;

/** The tree of the Images view: the workspace's WIM files with their images, then the "Mounted images" node. */
final class ImagesContentProvider implements ITreeContentProvider {
    private ImagesContent content = ImagesContent.EMPTY;

    ImagesContent content() {
        return content;
    }

    void setContent(ImagesContent content) {
        this.content = content;
    }

    @Override
    public Object[] getElements(Object input) {
        List<Object> elements = new ArrayList<>(content.wimFiles());
        elements.add(MountedImagesNode.INSTANCE);
        return elements.toArray();
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof WimFileNode file) {
            return file.imageNodes().toArray();
        }
        if (parent == MountedImagesNode.INSTANCE) {
            return content.mounts().toArray();
        }
        return new Object[0];
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof ImageNode node) {
            return node.file();
        }
        if (element instanceof MountEntry) {
            return MountedImagesNode.INSTANCE;
        }
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return getChildren(element).length > 0;
    }
}
