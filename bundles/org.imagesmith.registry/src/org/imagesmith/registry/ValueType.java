package org.imagesmith.registry;

import java.util.Optional;

/** The registry value types (winnt.h REG_*); values of other type codes keep their raw code and bytes. */
public enum ValueType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11);

    private final int code;

    ValueType(int code) {
        this.code = code;
    }

    /** The type code stored in the value cell. */
    public int code() {
        return code;
    }

    /** The named type of a type code, empty for codes without a name. */
    public static Optional<ValueType> of(int code) {
        for (ValueType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
