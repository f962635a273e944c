package org.imagesmith.servicing.drivers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The Authenticode digest of a PE image (Windows Authenticode Portable Executable Signature Format): the file
 * hashed without the optional header's CheckSum, without the Certificate Table data directory entry and without
 * the attribute certificate table it points to. Catalogs list .sys and .dll files by this digest.
 */
final class PeImageHash {
    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;

    private PeImageHash() {
    }

    /** The digest with this algorithm ("SHA-1", "SHA-256"), or empty when the bytes are not a PE image. */
    static Optional<byte[]> digest(byte[] file, String algorithm) {
        ByteBuffer data = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 0x40 || data.getShort(0) != 0x5A4D) { // "MZ"
            return Optional.empty();
        }
        long peOffset = data.getInt(0x3C) & 0xFFFF_FFFFL;
        if (peOffset + 24 + 2 > file.length || data.getInt((int) peOffset) != 0x00004550) { // "PE\0\0"
            return Optional.empty();
        }
        int optional = (int) peOffset + 24;
        int magic = data.getShort(optional) & 0xFFFF;
        int directories;
        if (magic == PE32) {
            directories = optional + 96;
        } else if (magic == PE32_PLUS) {
            directories = optional + 112;
        } else {
            return Optional.empty();
        }
        int checksum = optional + 64;
        int certificateEntry = directories + 4 * 8;
        if (certificateEntry + 8 > file.length || directories - 4 + 4 > file.length) {
            return Optional.empty();
        }
        int directoryCount = data.getInt(directories - 4);
        long certificateOffset = file.length;
        long certificateSize = 0;
        if (directoryCount > 4) {
            certificateOffset = data.getInt(certificateEntry) & 0xFFFF_FFFFL;
            certificateSize = data.getInt(certificateEntry + 4) & 0xFFFF_FFFFL;
            if (certificateSize == 0 || certificateOffset == 0 || certificateOffset + certificateSize > file.length
                    || certificateOffset < certificateEntry + 8) {
                certificateOffset = file.length;
                certificateSize = 0;
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(file, 0, checksum);
            digest.update(file, checksum + 4, certificateEntry - (checksum + 4));
            digest.update(file, certificateEntry + 8, (int) certificateOffset - (certificateEntry + 8));
            long after = certificateOffset + certificateSize;
            digest.update(file, (int) after, (int) (file.length - after));
            return Optional.of(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
