package org.imagesmith.cab;

/** The compression of a CFFOLDER (the low four bits of typeCompress). */
public enum CompressionType {
    /** tcompTYPE_NONE: the CFDATA blocks hold the bytes as they are. */
    NONE(0),
    /** tcompTYPE_MSZIP: each CFDATA block is "CK" and a deflate stream whose history carries over between blocks. */
    MSZIP(1),
    /** tcompTYPE_QUANTUM. */
    QUANTUM(2),
    /** tcompTYPE_LZX, with the window size in bits 8 to 12 of typeCompress. */
    LZX(3);

    /** The mask of the compression type in typeCompress (tcompMASK_TYPE). */
    static final int MASK_TYPE = 0x000F;

    private final int code;

    CompressionType(int code) {
        this.code = code;
    }

    /** The value of the type in typeCompress. */
    public int code() {
        return code;
    }

    /** The type of a typeCompress value, or {@code null} when the low bits hold no known type. */
    static CompressionType of(int typeCompress) {
        int type = typeCompress & MASK_TYPE;
        for (CompressionType value : values()) {
            if (value.code == type) {
                return value;
            }
        }
        return null;
    }
}
