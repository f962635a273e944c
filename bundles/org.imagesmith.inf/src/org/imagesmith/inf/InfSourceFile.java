package org.imagesmith.inf;

/**
 * A [SourceDisksFiles] entry: a file, the disk it is on ([SourceDisksNames] ID), the subdirectory on that disk
 * ("" for none) and the size (-1 when not given).
 */
public record InfSourceFile(String name, String diskId, String subdirectory, long size, int lineNumber) {
}
