package org.imagesmith.wim;

/** Receives the progress of writing an image, as bytes of file data stored (or found stored) out of the total. */
@FunctionalInterface
public interface WriteProgress {
    void bytesWritten(long done, long total);
}
