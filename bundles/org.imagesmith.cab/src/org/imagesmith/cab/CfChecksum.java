package org.imagesmith.cab;

/** The CFDATA checksum of MS-CAB (CSUMCompute): a XOR of little-endian 32-bit words with a special tail rule. */
final class CfChecksum {
    private CfChecksum() {
    }

    /** Folds {@code length} bytes of {@code data} from {@code offset} into {@code seed}. */
    static int compute(byte[] data, int offset, int length, int seed) {
        int checksum = seed;
        int position = offset;
        for (int words = length >>> 2; words > 0; words--) {
            checksum ^= (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8
                    | (data[position + 2] & 0xFF) << 16 | (data[position + 3] & 0xFF) << 24;
            position += 4;
        }
        // the last 1 to 3 bytes make one value with the first of them most significant
        int tail = 0;
        for (int end = offset + length; position < end; position++) {
            tail = tail << 8 | data[position] & 0xFF;
        }
        return checksum ^ tail;
    }

    /**
     * The checksum of one CFDATA block: the data bytes, then the cbData and cbUncomp fields (and, when
     * {@code reserve} is not empty, the reserved area between them and the data).
     */
    static int ofBlock(int cbData, int cbUncomp, byte[] reserve, byte[] data, int offset, int length) {
        int checksum = compute(data, offset, length, 0);
        byte[] fields = new byte[4 + reserve.length];
        fields[0] = (byte) cbData;
        fields[1] = (byte) (cbData >>> 8);
        fields[2] = (byte) cbUncomp;
        fields[3] = (byte) (cbUncomp >>> 8);
        System.arraycopy(reserve, 0, fields, 4, reserve.length);
        return compute(fields, 0, fields.length, checksum);
    }
}
