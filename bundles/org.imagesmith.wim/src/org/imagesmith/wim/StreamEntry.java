package org.imagesmith.wim;

/**
 * An alternate data stream entry of a directory entry (WIM_STREAM_ENTRY): the stream's name (empty for an unnamed
 * stream, which some WIM writers list here instead of in the directory entry) and the SHA-1 digest of its data
 * (all zero for an empty stream).
 */
public record StreamEntry(String name, Sha1Digest hash) {
    /** The fixed part: length, reserved, hash and name length. */
    static final int FIXED_SIZE = 38;

    /** True for a named (alternate) data stream. */
    public boolean isNamed() {
        return !name.isEmpty();
    }
}
