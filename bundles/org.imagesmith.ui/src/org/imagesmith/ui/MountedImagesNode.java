package org.imagesmith.ui;

/** The "Mounted images" node of the Images view; its children are the {@link MountEntry mounts} of the store. */
public enum MountedImagesNode {
    INSTANCE;

    @Override
    public String toString() {
        return "Mounted images";
    }
}
