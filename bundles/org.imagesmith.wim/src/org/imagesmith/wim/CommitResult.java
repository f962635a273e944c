package org.imagesmith.wim;

import java.util.List;

/**
 * What committing a directory back into its image did.
 *
 * @param directories the directories of the new image, its root included
 * @param files the entries of the new image that are not directories, kept reparse points included
 * @param bytesRead the bytes of file data read from the directory (to hash or to compress)
 * @param streamsCompressed the streams that were new or changed, compressed into the file
 * @param bytesCompressed the uncompressed bytes of those streams
 * @param streamsCopied the streams copied as stored from the old file (every image's, not only this one's)
 * @param warnings what was left out, one line each, naming the path on disk
 */
public record CommitResult(long directories, long files, long bytesRead, long streamsCompressed,
        long bytesCompressed, long streamsCopied, List<String> warnings) {
    public CommitResult {
        warnings = List.copyOf(warnings);
    }
}
