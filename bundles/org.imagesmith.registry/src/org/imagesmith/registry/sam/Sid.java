package org.imagesmith.registry.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A security identifier such as S-1-5-21-1004336348-1177238915-682003330-1000.
 *
 * @param authority the identifier authority (5 for NT AUTHORITY)
 * @param subAuthorities the sub-authorities, the last of an account being its relative identifier (RID)
 */
public record Sid(long authority, int[] subAuthorities) {
    /** BUILTIN\Administrators. */
    public static final Sid ADMINISTRATORS = new Sid(5, new int[] {32, 544});

    public Sid {
        subAuthorities = subAuthorities.clone();
    }

    @Override
    public int[] subAuthorities() {
        return subAuthorities.clone();
    }

    /** Parses S-1-&lt;authority&gt;-&lt;sub&gt;...; throws IllegalArgumentException when text is not a SID. */
    public static Sid parse(String text) {
        String[] parts = text.trim().toUpperCase(Locale.ROOT).split("-");
        if (parts.length < 3 || parts.length > 18 || !parts[0].equals("S") || !parts[1].equals("1")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a security identifier (S-1-5-21-...)");
        }
        try {
            long authority = Long.parseLong(parts[2]);
            int[] subs = new int[parts.length - 3];
            for (int i = 0; i < subs.length; i++) {
                subs[i] = Integer.parseUnsignedInt(parts[3 + i]);
            }
            return new Sid(authority, subs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a security identifier (S-1-5-21-...)", e);
        }
    }

    /** Reads the binary SID at offset; throws IllegalArgumentException when it does not fit. */
    public static Sid read(byte[] data, int offset) {
        if (offset < 0 || offset + 8 > data.length || data[offset] != 1 || offset + 8 + 4 * (data[offset + 1] & 0xFF) > data.length) {
            throw new IllegalArgumentException("no security identifier at offset " + offset);
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int count = data[offset + 1] & 0xFF;
        long authority = 0;
        for (int i = 0; i < 6; i++) {
            authority = (authority << 8) | (data[offset + 2 + i] & 0xFF);
        }
        int[] subs = new int[count];
        for (int i = 0; i < count; i++) {
            subs[i] = b.getInt(offset + 8 + 4 * i);
        }
        return new Sid(authority, subs);
    }

    /** The binary form (revision 1, count, authority big-endian, sub-authorities little-endian). */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subAuthorities.length);
        for (int i = 5; i >= 0; i--) {
            b.put((byte) (authority >>> (8 * i)));
        }
        for (int s : subAuthorities) {
            b.putInt(s);
        }
        return b.array();
    }

    /** The length of the binary form. */
    public int length() {
        return 8 + 4 * subAuthorities.length;
    }

    /** This SID with one more sub-authority, such as the SID of an account of this domain. */
    public Sid withRid(int rid) {
        int[] subs = Arrays.copyOf(subAuthorities, subAuthorities.length + 1);
        subs[subs.length - 1] = rid;
        return new Sid(authority, subs);
    }

    /** The SID without its last sub-authority (the domain of an account). */
    public Sid domain() {
        return new Sid(authority, Arrays.copyOf(subAuthorities, Math.max(0, subAuthorities.length - 1)));
    }

    /** The last sub-authority (the RID of an account). */
    public int rid() {
        return subAuthorities.length == 0 ? 0 : subAuthorities[subAuthorities.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sid s && s.authority == authority && Arrays.equals(s.subAuthorities, subAuthorities);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(authority) * 31 + Arrays.hashCode(subAuthorities);
    }

    @Override
    public String toString() {
        return "S-1-" + authority + Arrays.stream(subAuthorities).mapToObj(s -> "-" + Integer.toUnsignedString(s))
                .collect(Collectors.joining());
    }
}
