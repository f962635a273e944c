package org.imagesmith.compression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Copies an LZ77 match within an output buffer, after checking that it stays inside the data. */
final class LzCopy {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LzCopy() {
    }

    /**
     * Copies a match eight bytes at a time: {@code pos - src} must be at least 8 (so a word never reads what it
     * writes) and the buffer must have room for up to seven bytes written past the match, which the caller's later
     * output overwrites.
     */
    static void copyWords(byte[] buf, int src, int pos, int length) {
        int i = 0;
        do {
            LONG.set(buf, pos + i, (long) LONG.get(buf, src + i));
            i += 8;
        } while (i < length);
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
        copy(buf, pos - offset, pos, length);
    }

    /**
     * Copies {@code length} bytes from {@code src} to {@code pos} (later in the buffer) as LZ77 does, byte after byte,
     * so that a match overlapping its own output repeats the last {@code pos - src} bytes. The caller has checked the
     * bounds.
     */
    static void copy(byte[] buf, int src, int pos, int length) {
        int offset = pos - src;
        if (offset >= length) {
            System.arraycopy(buf, src, buf, pos, length);
        } else if (offset == 1) {
            Arrays.fill(buf, pos, pos + length, buf[src]);
        } else if (length <= 16) {
            for (int i = 0; i < length; i++) {
                buf[pos + i] = buf[src + i];
            }
        } else {
            // what is already repeated is copied at once, so each copy doubles the run
            int done = 0;
            while (done < length) {
                int chunk = Math.min(offset + done, length - done);
                System.arraycopy(buf, src, buf, pos + done, chunk);
                done += chunk;
            }
        }
    }
}
