package org.imagesmith.wim;

/**
 * How {@link ImageApplier} applies an image.
 *
 * @param overwrite apply into a directory that is not empty, replacing files of the same names (never following
 *            a symbolic link found there)
 * @param progress told how many bytes of file data are written so far
 */
public record ApplyOptions(boolean overwrite, ApplyProgress progress) {
    /** Into an empty or new directory, without progress reports. */
    public static final ApplyOptions DEFAULT = new ApplyOptions(false, (done, total) -> { });

    public ApplyOptions {
        java.util.Objects.requireNonNull(progress, "progress");
    }
}
