package org.imagesmith.wim;

/** Receives the progress of applying an image, as bytes of file data written out of the total. */
@FunctionalInterface
public interface ApplyProgress {
    void bytesApplied(long done, long total);
}
