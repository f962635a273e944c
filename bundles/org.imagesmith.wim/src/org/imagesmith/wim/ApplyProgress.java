package org.imagesmith.wim;

/**
 * Receives the progress of applying an image, as bytes of file data written out of the total. Calls come from the
 * threads that write files, one call at a time, with {@code done} never decreasing.
 */
@FunctionalInterface
public interface ApplyProgress {
    void bytesApplied(long done, long total);
}
