package org.imagesmith.registry.sam;

/**
 * A SAM hive in a form Imagesmith does not write, such as the AES-encrypted password keys (revision 2) of Windows 10
 * version 1607 and later.
 */
public final class UnsupportedSamException extends SamFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSamException(String message) {
        super(message);
    }
}
