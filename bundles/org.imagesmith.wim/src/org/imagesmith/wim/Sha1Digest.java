package org.imagesmith.wim;

import java.util.Arrays;
import java.util.HexFormat;

/** A SHA-1 message digest (20 bytes), as lookup table entries name streams by. Immutable. */
public final class Sha1Digest {
    public static final int SIZE = 20;
    /** The all-zero digest, which WIM files use for empty streams. */
    public static final Sha1Digest ZERO = new Sha1Digest(new byte[SIZE]);

    private final byte[] bytes;

    private Sha1Digest(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Sha1Digest of(byte[] digest) {
        if (digest.length != SIZE) {
            throw new IllegalArgumentException("a SHA-1 digest has 20 bytes, not " + digest.length);
        }
        return new Sha1Digest(digest.clone());
    }

    static Sha1Digest of(byte[] data, int offset) {
        return new Sha1Digest(Arrays.copyOfRange(data, offset, offset + SIZE));
    }

    /** Parses 40 hexadecimal digits. */
    public static Sha1Digest fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha1Digest other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The 40 lowercase hexadecimal digits. */
    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
