package org.imagesmith.servicing;

import java.nio.file.Path;

/**
 * What a {@link ServicingRun} services: an image folder ({@code /Image:<folder>}, which may be a mount), an image
 * mounted at a folder (that must be a mount), or an image of a WIM file serviced in place ({@code /WimFile /Index}).
 */
public sealed interface ServicingTarget {

    /** Says what the target is, for messages. */
    String describe();

    /**
     * An applied or mounted image in a folder; when the folder is a mount, the mount's read/write mode applies.
     *
     * @param root the image's root folder
     * @param windowsFolder its Windows folder relative to the root (DISM's /WinDir), usually "Windows"
     */
    record ImageFolder(Path root, String windowsFolder) implements ServicingTarget {
        /** A folder whose Windows folder is called Windows. */
        public ImageFolder(Path root) {
            this(root, DirectoryImage.WINDOWS);
        }

        @Override
        public String describe() {
            return "the image at " + root;
        }
    }

    /** An image mounted at this folder (a mount directory is required; a read-only mount is serviced read-only). */
    record MountedImage(Path mountDir) implements ServicingTarget {
        @Override
        public String describe() {
            return "the image mounted at " + mountDir;
        }
    }

    /** Image {@code index} of a WIM file, serviced in place (only what changed is written back, on commit). */
    record WimFileImage(Path wimFile, int index) implements ServicingTarget {
        @Override
        public String describe() {
            return "image " + index + " of " + wimFile;
        }
    }
}
