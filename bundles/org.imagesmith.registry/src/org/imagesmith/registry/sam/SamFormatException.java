package org.imagesmith.registry.sam;

/** A SAM or SYSTEM hive that does not hold what Windows keeps there, or holds it in a form Imagesmith cannot write. */
public class SamFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SamFormatException(String message) {
        super(message);
    }
}
