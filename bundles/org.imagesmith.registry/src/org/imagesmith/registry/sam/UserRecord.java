package org.imagesmith.registry.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A local account's records under SAM\Domains\Account\Users\&lt;RID&gt;: the fixed-length F (0x50 bytes: times, RID,
 * primary group, account control flags) and the variable-length V (17 attributes: security descriptor, name, full
 * name, comment, ..., the LM and NT hashes and their histories).
 */
final class UserRecord {
    static final int SECURITY_DESCRIPTOR = 0;
    static final int NAME = 1;
    static final int FULL_NAME = 2;
    static final int COMMENT = 3;
    static final int LM_HASH = 13;
    static final int NT_HASH = 14;
    static final int LM_HISTORY = 15;
    static final int NT_HISTORY = 16;
    private static final int ATTRIBUTES = 17;
    /** PEK ID 2, revision 1: a hash entry of key revision 1 (RC4), followed by the 16 encrypted bytes, if any. */
    private static final byte[] HASH_HEADER = {2, 0, 1, 0};

    static final int F_LENGTH = 0x50;
    static final int F_PASSWORD_LAST_SET = 0x18;
    static final int F_ACCOUNT_EXPIRES = 0x20;
    static final int F_RID = 0x30;
    static final int F_PRIMARY_GROUP = 0x34;
    static final int F_CONTROL = 0x38;
    /** USER_ACCOUNT_DISABLED. */
    static final int DISABLED = 0x0001;
    /** USER_NORMAL_ACCOUNT. */
    static final int NORMAL_ACCOUNT = 0x0010;
    /** DOMAIN_GROUP_RID_USERS ("None" on a workstation), every local account's primary group. */
    static final int PRIMARY_GROUP = 0x201;

    private UserRecord() {
    }

    static Attributes readV(byte[] v) throws SamFormatException {
        return Attributes.read(v, 0, ATTRIBUTES, "user's V record");
    }

    /** A V record of a new account; hashes empty when the encrypted NT hash is null. */
    static byte[] newV(byte[] securityDescriptor, String name, String fullName, String comment, byte[] encryptedNt) {
        List<byte[]> items = new ArrayList<>();
        int[] qualifiers = new int[ATTRIBUTES];
        for (int i = 0; i < ATTRIBUTES; i++) {
            items.add(new byte[0]);
        }
        items.set(SECURITY_DESCRIPTOR, securityDescriptor);
        qualifiers[SECURITY_DESCRIPTOR] = 0x00010002;
        items.set(NAME, Attributes.utf16(name));
        items.set(FULL_NAME, Attributes.utf16(fullName));
        items.set(COMMENT, Attributes.utf16(comment));
        qualifiers[12] = 1;
        items.set(LM_HASH, HASH_HEADER.clone());
        items.set(NT_HASH, ntEntry(encryptedNt));
        items.set(LM_HISTORY, HASH_HEADER.clone());
        items.set(NT_HISTORY, HASH_HEADER.clone());
        return new Attributes(new byte[0], items, qualifiers).toBytes();
    }

    /** The NT hash entry: the header, then the 16 encrypted bytes (none for an account without a password). */
    static byte[] ntEntry(byte[] encryptedNt) {
        if (encryptedNt == null) {
            return HASH_HEADER.clone();
        }
        return ByteBuffer.allocate(20).put(HASH_HEADER).put(encryptedNt).array();
    }

    /** The V record with a new NT hash, the LM hash emptied (Windows 7 keeps none) and the histories emptied. */
    static byte[] withPassword(byte[] v, byte[] encryptedNt) throws SamFormatException {
        return readV(v).with(LM_HASH, HASH_HEADER.clone()).with(NT_HASH, ntEntry(encryptedNt))
                .with(LM_HISTORY, HASH_HEADER.clone()).with(NT_HISTORY, HASH_HEADER.clone()).toBytes();
    }

    /** The F record of a new account. */
    static byte[] newF(int rid, int control, long passwordLastSet) {
        ByteBuffer f = ByteBuffer.allocate(F_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        f.putShort(0, (short) 2).putShort(2, (short) 1);
        f.putLong(F_PASSWORD_LAST_SET, passwordLastSet);
        f.putLong(F_ACCOUNT_EXPIRES, Long.MAX_VALUE);
        f.putInt(F_RID, rid).putInt(F_PRIMARY_GROUP, PRIMARY_GROUP).putInt(F_CONTROL, control);
        return f.array();
    }

    /** The F record with the account enabled or not and the password set at the given time. */
    static byte[] withControl(byte[] f, boolean enabled, long passwordLastSet) throws SamFormatException {
        if (f.length < F_LENGTH) {
            throw new SamFormatException("A user's F record is " + f.length + " bytes, not " + F_LENGTH + ".");
        }
        ByteBuffer b = ByteBuffer.wrap(f.clone()).order(ByteOrder.LITTLE_ENDIAN);
        int control = b.getInt(F_CONTROL);
        b.putInt(F_CONTROL, enabled ? control & ~DISABLED : control | DISABLED);
        b.putLong(F_PASSWORD_LAST_SET, passwordLastSet);
        return b.array();
    }
}
