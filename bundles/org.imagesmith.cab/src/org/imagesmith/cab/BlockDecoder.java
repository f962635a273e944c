package org.imagesmith.cab;

/** Turns the CFDATA blocks of one folder, in order, back into the folder's bytes. */
interface BlockDecoder extends AutoCloseable {
    /** The largest number of uncompressed bytes in one CFDATA block. */
    int MAX_BLOCK = 32768;

    /**
     * Decodes one block.
     *
     * @param input the block's compressed bytes (the data of one CFDATA, or of the pieces of a block split across
     *        cabinets)
     * @param uncompressedSize cbUncomp, at most {@link #MAX_BLOCK}
     * @param output receives exactly {@code uncompressedSize} bytes
     * @param where the block, for messages
     */
    void decode(byte[] input, int length, byte[] output, int uncompressedSize, String where)
            throws CabinetFormatException;

    @Override
    void close();

    /** The decoder for a folder's typeCompress. */
    static BlockDecoder forFolder(int typeCompress, String folder) throws CabinetFormatException {
        CompressionType type = CompressionType.of(typeCompress);
        if (type == null) {
            throw new CabinetFormatException(folder + " has an unknown compression type (typeCompress 0x"
                    + Integer.toHexString(typeCompress) + ")");
        }
        switch (type) {
            case NONE:
                return new StoredBlockDecoder();
            case MSZIP:
                return new MszipBlockDecoder();
            case LZX:
                return LzxBlockDecoder.forWindowBits((typeCompress >>> 8) & 0x1F, folder);
            default:
                throw new CabinetFormatException(folder + " is Quantum-compressed, which is not supported");
        }
    }
}
