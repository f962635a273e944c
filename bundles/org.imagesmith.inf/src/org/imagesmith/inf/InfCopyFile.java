package org.imagesmith.inf;

/**
 * A file a CopyFiles directive copies: the destination name, the source name (the same when not given) and the
 * flags; {@code section} is the copy-files section it is listed in, or empty for {@code CopyFiles=@file}.
 */
public record InfCopyFile(String destination, String source, int flags, String section) {
}
