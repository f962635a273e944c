package org.imagesmith.registry.sam;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The C record of a local group (an alias under SAM\Domains\Builtin\Aliases or Account\Aliases): its RID, then four
 * attributes (security descriptor, name, description, member SIDs, the last entry's qualifier being the number of
 * members).
 */
final class AliasRecord {
    private static final int MEMBERS = 3;
    private static final Comparator<Sid> ORDER = Comparator.comparingInt((Sid s) -> s.subAuthorities().length)
            .thenComparing((a, b) -> {
                int[] x = a.subAuthorities();
                int[] y = b.subAuthorities();
                for (int i = 0; i < x.length; i++) {
                    int c = Integer.compareUnsigned(x[i], y[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return Long.compare(a.authority(), b.authority());
            });

    private AliasRecord() {
    }

    /** The members of an alias. */
    static List<Sid> members(byte[] c) throws SamFormatException {
        Attributes attributes = Attributes.read(c, 4, 4, "alias's C record");
        byte[] data = attributes.item(MEMBERS);
        List<Sid> members = new ArrayList<>();
        try {
            for (int offset = 0; offset < data.length;) {
                Sid sid = Sid.read(data, offset);
                members.add(sid);
                offset += sid.length();
            }
        } catch (IllegalArgumentException e) {
            throw new SamFormatException("An alias's member list is damaged: " + e.getMessage());
        }
        return members;
    }

    /** The C record with member added (kept in SID order, as Windows keeps it), or as it is when already a member. */
    static byte[] withMember(byte[] c, Sid member) throws SamFormatException {
        List<Sid> members = new ArrayList<>(members(c));
        if (members.contains(member)) {
            return c.clone();
        }
        members.add(member);
        members.sort(ORDER);
        Attributes attributes = Attributes.read(c, 4, 4, "alias's C record").with(MEMBERS, sids(members));
        int[] qualifiers = attributes.qualifiers();
        qualifiers[MEMBERS] = members.size();
        return new Attributes(attributes.prefix(), attributes.items(), qualifiers).toBytes();
    }

    /** A C record of a new alias. */
    static byte[] create(int rid, byte[] securityDescriptor, String name, String description, List<Sid> members) {
        List<Sid> sorted = new ArrayList<>(members);
        sorted.sort(ORDER);
        byte[] prefix = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(rid).array();
        return new Attributes(prefix, List.of(securityDescriptor, Attributes.utf16(name), Attributes.utf16(description),
                sids(sorted)), new int[] {0x00010002, 0, 0, sorted.size()}).toBytes();
    }

    private static byte[] sids(List<Sid> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        members.forEach(m -> out.writeBytes(m.toBytes()));
        return out.toByteArray();
    }
}
