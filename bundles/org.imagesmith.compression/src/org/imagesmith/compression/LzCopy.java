package org.imagesmith.compression;

/** Copies an LZ77 match within an output buffer, after checking that it stays inside the data. */
final class LzCopy {
    private LzCopy() {
    }

    /**
     * Copies {@code length} bytes from {@code offset} bytes back to {@code pos}.
     *
     * @throws CompressionException when the match reaches before {@code start} or past {@code end}
     */
    static void copyMatch(byte[] buf, int start, int pos, int end, int offset, int length, String format)
            throws CompressionException {
        if (offset > pos - start || offset <= 0) {
            throw new CompressionException("the " + format + " data holds a match " + offset
                    + " bytes back at output position " + (pos - start) + ", before the start of the data;"
                    + " the data is damaged");
        }
        if (length > end - pos) {
            throw new CompressionException("the " + format + " data holds a match of " + length
                    + " bytes at output position " + (pos - start) + ", past the end of the "
                    + (end - start) + " bytes it decompresses to; the data is damaged");
        }
        int src = pos - offset;
        if (offset >= length) {
            System.arraycopy(buf, src, buf, pos, length);
        } else {
            for (int i = 0; i < length; i++) {
                buf[pos + i] = buf[src + i];
            }
        }
    }
}
