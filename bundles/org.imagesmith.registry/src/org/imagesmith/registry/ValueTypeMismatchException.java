package org.imagesmith.registry;

/** A value was read as a type (string, DWORD...) that its stored type or data does not have. */
public class ValueTypeMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ValueTypeMismatchException(String message) {
        super(message);
    }
}
