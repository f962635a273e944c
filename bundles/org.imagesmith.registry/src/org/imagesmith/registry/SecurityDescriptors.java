package org.imagesmith.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Self-relative security descriptors (SECURITY_DESCRIPTOR_RELATIVE), of keys of new hives and of SAM objects. */
public final class SecurityDescriptors {
    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SELF_RELATIVE = 0x8000;
    private static final int KEY_ALL_ACCESS = 0xF003F;
    private static final int KEY_READ = 0x20019;
    private static final int CONTAINER_INHERIT_ACE = 0x02;

    /**
     * An access-allowed ACE of a DACL.
     *
     * @param flags the ACE flags (such as CONTAINER_INHERIT_ACE, 0x02)
     * @param mask the access mask
     * @param sid the trustee's binary SID
     */
    public record Ace(int flags, int mask, byte[] sid) {
        public Ace {
            sid = sid.clone();
        }
    }

    private SecurityDescriptors() {
    }

    /** A self-relative descriptor with an owner, a group and a DACL of access-allowed ACEs. */
    public static byte[] selfRelative(byte[] owner, byte[] group, List<Ace> aces) {
        byte[] dacl = acl(aces.stream().map(a -> ace(a.flags(), a.mask(), a.sid())).toArray(byte[][]::new));
        int ownerOffset = 20;
        int groupOffset = ownerOffset + owner.length;
        int daclOffset = groupOffset + group.length;
        ByteBuffer b = ByteBuffer.allocate(daclOffset + dacl.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 0).putShort((short) (SE_SELF_RELATIVE | SE_DACL_PRESENT));
        b.putInt(ownerOffset).putInt(groupOffset).putInt(0).putInt(daclOffset);
        b.put(owner).put(group).put(dacl);
        return b.array();
    }

    /**
     * Owner BUILTIN\Administrators, group SYSTEM; full control for SYSTEM and Administrators and read access for
     * Everyone, inherited by subkeys.
     */
    static byte[] defaultForNewHive() {
        byte[] system = sid(5, 18);
        byte[] administrators = sid(5, 32, 544);
        byte[] everyone = sid(1, 0);
        return selfRelative(administrators, system, List.of(new Ace(CONTAINER_INHERIT_ACE, KEY_ALL_ACCESS, system),
                new Ace(CONTAINER_INHERIT_ACE, KEY_ALL_ACCESS, administrators),
                new Ace(CONTAINER_INHERIT_ACE, KEY_READ, everyone)));
    }

    private static byte[] sid(int authority, int... subAuthorities) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * subAuthorities.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) subAuthorities.length);
        b.put(new byte[] {0, 0, 0, 0, 0, (byte) authority});
        for (int s : subAuthorities) {
            b.putInt(s);
        }
        return b.array();
    }

    private static byte[] ace(int flags, int mask, byte[] sid) {
        ByteBuffer b = ByteBuffer.allocate(8 + sid.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) flags).putShort((short) (8 + sid.length)).putInt(mask).put(sid);
        return b.array();
    }

    private static byte[] acl(byte[]... aces) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] ace : aces) {
            body.writeBytes(ace);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 2).put((byte) 0).putShort((short) (8 + body.size())).putShort((short) aces.length)
                .putShort((short) 0).put(body.toByteArray());
        return b.array();
    }
}
