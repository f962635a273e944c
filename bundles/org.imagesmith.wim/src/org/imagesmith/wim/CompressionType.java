package org.imagesmith.wim;

/** How a WIM file's resources are compressed, as the header flags say. */
public enum CompressionType {
    NONE("None"), XPRESS("XPRESS"), LZX("LZX"), LZMS("LZMS");

    private final String displayName;

    CompressionType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
