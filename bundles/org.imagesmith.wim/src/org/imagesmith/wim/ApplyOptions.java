package org.imagesmith.wim;

/**
 * How {@link ImageApplier} applies an image.
 *
 * @param overwrite apply into a directory that is not empty, replacing files of the same names (never following
 *            a symbolic link found there)
 * @param progress told how many bytes of file data are written so far
 * @param symbolicLinks create the image's symbolic links and junctions as symbolic links (as wimlib does);
 *            without, they are left out and listed (a mount keeps them aside for its commit)
 */
public record ApplyOptions(boolean overwrite, ApplyProgress progress, boolean symbolicLinks) {
    /** Into an empty or new directory, links created, without progress reports. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, (done, total) -> { });

    public ApplyOptions {
        java.util.Objects.requireNonNull(progress, "progress");
    }

    /** Options that create symbolic links. */
    public ApplyOptions(boolean overwrite, ApplyProgress progress) {
        this(overwrite, progress, true);
    }
}
