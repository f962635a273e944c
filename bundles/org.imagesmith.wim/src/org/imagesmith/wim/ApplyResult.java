package org.imagesmith.wim;

import java.util.List;

/**
 * What applying an image made.
 *
 * @param directories the directories created or reused below the target
 * @param files the files written (a hard link group counts once)
 * @param hardLinks the further names of hard-linked files
 * @param bytes the bytes of file data written
 * @param skipped what the target file system cannot hold and was left out, one line each (reparse points,
 *            alternate data streams, encrypted files), naming its path in the image
 */
public record ApplyResult(long directories, long files, long hardLinks, long bytes, List<String> skipped) {
    public ApplyResult {
        skipped = List.copyOf(skipped);
    }
}
