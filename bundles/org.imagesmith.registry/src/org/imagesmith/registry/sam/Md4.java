package org.imagesmith.registry.sam;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** MD4 (RFC 1320), the digest of the NT password hash; the JDK's security providers do not offer it. */
final class Md4 {
    private Md4() {
    }

    /** The 16-byte MD4 digest of data. */
    static byte[] digest(byte[] data) {
        int padded = ((data.length + 8) / 64 + 1) * 64;
        ByteBuffer message = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        message.put(data).put((byte) 0x80);
        message.putLong(padded - 8, (long) data.length * 8);
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = message.getInt(block + 4 * i);
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            int[] shifts1 = {3, 7, 11, 19};
            for (int i = 0; i < 16; i++) {
                int f = (b & c) | (~b & d);
                int t = Integer.rotateLeft(a + f + x[i], shifts1[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] shifts2 = {3, 5, 9, 13};
            for (int i = 0; i < 16; i++) {
                int g = (b & c) | (b & d) | (c & d);
                int t = Integer.rotateLeft(a + g + x[(i % 4) * 4 + i / 4] + 0x5a827999, shifts2[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            int[] shifts3 = {3, 9, 11, 15};
            int[] order3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
            for (int i = 0; i < 16; i++) {
                int h = b ^ c ^ d;
                int t = Integer.rotateLeft(a + h + x[order3[i]] + 0x6ed9eba1, shifts3[i % 4]);
                a = d;
                d = c;
                c = b;
                b = t;
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(a).putInt(b).putInt(c).putInt(d).array();
    }
}
