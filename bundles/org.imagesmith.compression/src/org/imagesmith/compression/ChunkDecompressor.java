package org.imagesmith.compression;

/** A decompressor for independent chunks, as WIM resources store them. Objects are reusable, not thread-safe. */
public interface ChunkDecompressor {
    /**
     * Decompresses {@code inLen} bytes into exactly {@code outLen} bytes.
     *
     * @throws CompressionException when the data is damaged or does not decompress to {@code outLen} bytes
     */
    void decompress(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) throws CompressionException;
}
