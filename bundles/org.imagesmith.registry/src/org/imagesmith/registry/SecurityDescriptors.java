package org.imagesmith.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Self-relative security descriptors (SECURITY_DESCRIPTOR_RELATIVE) for keys of new hives. */
final class SecurityDescriptors {
    private static final int SE_DACL_PRESENT = 0x0004;
    private static final int SE_SELF_RELATIVE = 0x8000;
    private static final int KEY_ALL_ACCESS = 0xF003F;
    private static final int KEY_READ = 0x20019;
    private static final int CONTAINER_INHERIT_ACE = 0x02;

    private SecurityDescriptors() {
    }

    /**
     * Owner BUILTIN\Administrators, group SYSTEM; full control for SYSTEM and Administrators and read access for
     * Everyone, inherited by subkeys.
     */
    static byte[] defaultForNewHive() {
        byte[] system = sid(5, 18);
        byte[] administrators = sid(5, 32, 544);
        byte[] everyone = sid(1, 0);
        byte[] dacl = acl(ace(KEY_ALL_ACCESS, system), ace(KEY_ALL_ACCESS, administrators), ace(KEY_READ, everyone));
        int ownerOffset = 20;
        int groupOffset = ownerOffset + administrators.length;
        int daclOffset = groupOffset + system.length;
        ByteBuffer b = ByteBuffer.allocate(daclOffset + dacl.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 0).putShort((short) (SE_SELF_RELATIVE | SE_DACL_PRESENT));
        b.putInt(ownerOffset).putInt(groupOffset).putInt(0).putInt(daclOffset);
        b.put(administrators).put(system).put(dacl);
        return b.array();
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

    private static byte[] ace(int mask, byte[] sid) {
        ByteBuffer b = ByteBuffer.allocate(8 + sid.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) CONTAINER_INHERIT_ACE).putShort((short) (8 + sid.length)).putInt(mask).put(sid);
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
