package org.imagesmith.registry.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.DESKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password encryption of the SAM before Windows 10 version 1607 (key revision 1): the password encryption key
 * of the account domain, kept in its F record encrypted with RC4 under MD5(salt, boot key), and the per-account
 * hashes, DES-encrypted with keys derived from the RID and then RC4-encrypted under MD5(domain key, RID, constant).
 */
public final class SamCrypto {
    static final byte[] QWERTY = "!@#$%^&*()qwertyUIOPAzxcvbnmQQQQQQQQQQQQ)(*@&%\0".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DIGITS = "0123456789012345678901234567890123456789\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NT_PASSWORD = "NTPASSWORD\0".getBytes(StandardCharsets.US_ASCII);

    private SamCrypto() {
    }

    /** The NT hash of a password: MD4 of its UTF-16LE form. */
    public static byte[] ntHash(String password) {
        return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * The password encryption key of the account domain from the SAM_KEY_DATA (revision 1) of its F record.
     *
     * @throws SamFormatException when the checksum does not match (another boot key, or a syskey password in use)
     */
    static byte[] domainKey(byte[] keyData, byte[] bootKey) throws SamFormatException {
        byte[] salt = Arrays.copyOfRange(keyData, 8, 24);
        byte[] decrypted = rc4(md5(salt, QWERTY, bootKey, DIGITS), Arrays.copyOfRange(keyData, 24, 56));
        byte[] key = Arrays.copyOf(decrypted, 16);
        if (!Arrays.equals(md5(key, DIGITS, key, QWERTY), Arrays.copyOfRange(decrypted, 16, 32))) {
            throw new SamFormatException("The SAM's password encryption key does not match the boot key of the SYSTEM"
                    + " hive (the hives are from different installations, or a syskey startup password is in use).");
        }
        return key;
    }

    /** A SAM_KEY_DATA (revision 1, 0x40 bytes) holding domainKey encrypted with the boot key and salt. */
    static byte[] keyData(byte[] domainKey, byte[] bootKey, byte[] salt) {
        byte[] plain = ByteBuffer.allocate(32).put(domainKey).put(md5(domainKey, DIGITS, domainKey, QWERTY)).array();
        byte[] encrypted = rc4(md5(salt, QWERTY, bootKey, DIGITS), plain);
        return ByteBuffer.allocate(0x40).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(0x30).put(salt).put(encrypted)
                .array();
    }

    /** The 16-byte hash (NT or LM) of an account as the V record keeps it, encrypted for the RID. */
    static byte[] encryptHash(byte[] domainKey, int rid, byte[] hash) {
        byte[] obfuscated = new byte[16];
        System.arraycopy(des(ridKey(rid, 0), hash, 0, Cipher.ENCRYPT_MODE), 0, obfuscated, 0, 8);
        System.arraycopy(des(ridKey(rid, 1), hash, 8, Cipher.ENCRYPT_MODE), 0, obfuscated, 8, 8);
        return rc4(md5(domainKey, le(rid), NT_PASSWORD), obfuscated);
    }

    /** The inverse of {@link #encryptHash}. */
    static byte[] decryptHash(byte[] domainKey, int rid, byte[] encrypted) {
        byte[] obfuscated = rc4(md5(domainKey, le(rid), NT_PASSWORD), encrypted);
        byte[] hash = new byte[16];
        System.arraycopy(des(ridKey(rid, 0), obfuscated, 0, Cipher.DECRYPT_MODE), 0, hash, 0, 8);
        System.arraycopy(des(ridKey(rid, 1), obfuscated, 8, Cipher.DECRYPT_MODE), 0, hash, 8, 8);
        return hash;
    }

    /** The DES key (first: k = 0, second: k = 1) derived from a RID (MS-SAMR 2.2.11.1.3). */
    private static byte[] ridKey(int rid, int k) {
        byte[] r = le(rid);
        byte[] seven = k == 0 ? new byte[] {r[0], r[1], r[2], r[3], r[0], r[1], r[2]}
                : new byte[] {r[3], r[0], r[1], r[2], r[3], r[0], r[1]};
        byte[] key = new byte[8];
        key[0] = (byte) ((seven[0] & 0xFF) >> 1);
        for (int i = 1; i < 7; i++) {
            key[i] = (byte) (((seven[i - 1] & ((1 << i) - 1)) << (7 - i)) | ((seven[i] & 0xFF) >> (i + 1)));
        }
        key[7] = (byte) (seven[6] & 0x7F);
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (key[i] << 1);
        }
        return key;
    }

    private static byte[] des(byte[] key, byte[] data, int offset, int mode) {
        try {
            Cipher cipher = Cipher.getInstance("DES/ECB/NoPadding");
            cipher.init(mode, SecretKeyFactory.getInstance("DES").generateSecret(new DESKeySpec(key)));
            return cipher.doFinal(data, offset, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is not available in this Java runtime", e);
        }
    }

    static byte[] rc4(byte[] key, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("ARCFOUR");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RC4 is not available in this Java runtime", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available in this Java runtime", e);
        }
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
