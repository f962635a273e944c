package org.imagesmith.wim;

import java.util.List;

/**
 * What capturing a directory tree stored.
 *
 * @param directories the directories of the image, its root included
 * @param files the entries that are not directories (each name of a hard-linked file counts)
 * @param bytes the bytes of file data read
 * @param warnings what was left out or changed, one line each, naming the path on disk
 * @param excluded the entries the configuration list left out, as paths in the image ("\pagefile.sys"); an excluded
 *        folder is one entry, what it holds is not looked at
 */
public record CaptureResult(long directories, long files, long bytes, List<String> warnings, List<String> excluded) {
    public CaptureResult {
        warnings = List.copyOf(warnings);
        excluded = List.copyOf(excluded);
    }
}
