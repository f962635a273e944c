package org.imagesmith.wim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The reparse data of a symbolic link or junction ([MS-FSCC] 2.1.2.4 symbolic link and 2.1.2.5 mount point reparse
 * data buffers) as WIM files store it: without the buffer's 8-byte tag and length header. Gives the POSIX target a
 * link gets when it is applied, as wimlib gives it.
 *
 * @param substituteName the target as Windows resolves it: "\??\C:\Windows\System32", or a relative path
 * @param relative whether the target is relative to the link's directory (SYMLINK_FLAG_RELATIVE)
 */
record ReparseData(String substituteName, boolean relative) {
    private static final int SYMLINK_FLAG_RELATIVE = 1;

    /**
     * Parses the reparse data of a reparse point with this tag.
     *
     * @throws WimFormatException when the data is too short for its names
     */
    static ReparseData parse(int tag, byte[] data, String path) throws WimFormatException {
        boolean symlink = tag == Dentry.IO_REPARSE_TAG_SYMLINK;
        int pathBuffer = symlink ? 12 : 8;
        if (data.length < pathBuffer) {
            throw new WimFormatException("the reparse data of " + path + " has " + data.length + " bytes, too few for"
                    + " a " + (symlink ? "symbolic link" : "junction") + "; the WIM file is damaged");
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int offset = Short.toUnsignedInt(in.getShort(0));
        int length = Short.toUnsignedInt(in.getShort(2));
        if (pathBuffer + offset + length > data.length || (length & 1) != 0) {
            throw new WimFormatException("the reparse data of " + path + " names its target at " + offset + " with "
                    + length + " bytes, outside its " + data.length + " bytes; the WIM file is damaged");
        }
        boolean relative = symlink && (in.getInt(8) & SYMLINK_FLAG_RELATIVE) != 0;
        return new ReparseData(new String(data, pathBuffer + offset, length, StandardCharsets.UTF_16LE), relative);
    }

    /**
     * The target a POSIX symbolic link gets: a relative target with '/' separators; an absolute one ("\??\C:\x")
     * as "/x", below {@code root} when capture fixed it to the captured directory ({@code fixed}); empty for
     * targets a POSIX system cannot name (other volumes by GUID, network paths, NUL characters).
     */
    Optional<String> posixTarget(String root, boolean fixed) {
        String name = substituteName;
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.indexOf('/') >= 0) {
            return Optional.empty();
        }
        if (relative) {
            return name.startsWith("\\") ? Optional.empty() : Optional.of(name.replace('\\', '/'));
        }
        if (name.startsWith("\\??\\")) {
            name = name.substring(4);
        }
        if (name.length() < 2 || name.charAt(1) != ':' || !Character.isLetter(name.charAt(0))) {
            return Optional.empty(); // "\??\Volume{GUID}\...", "\??\UNC\server\share", ...
        }
        String path = name.substring(2).replace('\\', '/');
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!fixed) {
            return Optional.of(path);
        }
        String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        return Optional.of(path.equals("/") ? base : base + path);
    }
}
