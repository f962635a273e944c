package org.imagesmith.registry;

import java.util.NoSuchElementException;

/** A key or value named by the caller does not exist. */
public class RegistryEntryNotFoundException extends NoSuchElementException {
    private static final long serialVersionUID = 1L;

    public RegistryEntryNotFoundException(String message) {
        super(message);
    }
}
