package org.imagesmith.cab;

/** The blocks of a folder without compression (tcompTYPE_NONE). */
final class StoredBlockDecoder implements BlockDecoder {
    @Override
    public void decode(byte[] input, int length, byte[] output, int uncompressedSize, String where)
            throws CabinetFormatException {
        if (length != uncompressedSize) {
            throw new CabinetFormatException(where + " is damaged: an uncompressed block holds " + length
                    + " bytes but cbUncomp says " + uncompressedSize);
        }
        System.arraycopy(input, 0, output, 0, length);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
