package org.imagesmith.servicing.international;

import java.util.Optional;

/**
 * The keyboard layered drivers of /Set-LayeredDriver (1 to 6), for Japanese and Korean keyboards: the i8042prt
 * parameters (SYSTEM\...\Services\i8042prt\Parameters) that select them.
 */
public enum LayeredDriver {
    PC_AT_ENHANCED(1, "PC/AT Enhanced Keyboard (101/102-Key)", "LayerDriver JPN", "kbd101.dll", "PCAT_101KEY", 4, 0),
    KOREAN_TYPE_1(2, "Korean PC/AT 101-Key Compatible Keyboard/MS Natural Keyboard (Type 1)", "LayerDriver KOR",
            "kbd101a.dll", "PCAT_101AKEY", 8, 3),
    KOREAN_TYPE_2(3, "Korean PC/AT 101-Key Compatible Keyboard/MS Natural Keyboard (Type 2)", "LayerDriver KOR",
            "kbd101b.dll", "PCAT_101BKEY", 8, 4),
    KOREAN_TYPE_3(4, "Korean PC/AT 101-Key Compatible Keyboard/MS Natural Keyboard (Type 3)", "LayerDriver KOR",
            "kbd101c.dll", "PCAT_101CKEY", 8, 5),
    KOREAN_103_106(5, "Korean Keyboard (103/106 Key)", "LayerDriver KOR", "kbd103.dll", "PCAT_103KEY", 8, 6),
    JAPANESE_106_109(6, "Japanese Keyboard (106/109 Key)", "LayerDriver JPN", "kbd106.dll", "PCAT_106KEY", 7, 2);

    private final int number;
    private final String displayName;
    private final String valueName;
    private final String file;
    private final String identifier;
    private final int keyboardType;
    private final int keyboardSubtype;

    LayeredDriver(int number, String displayName, String valueName, String file, String identifier, int keyboardType,
            int keyboardSubtype) {
        this.number = number;
        this.displayName = displayName;
        this.valueName = valueName;
        this.file = file;
        this.identifier = identifier;
        this.keyboardType = keyboardType;
        this.keyboardSubtype = keyboardSubtype;
    }

    public int number() {
        return number;
    }

    public String displayName() {
        return displayName;
    }

    /** "LayerDriver JPN" or "LayerDriver KOR". */
    public String valueName() {
        return valueName;
    }

    public String file() {
        return file;
    }

    /** The OverrideKeyboardIdentifier value, such as "PCAT_106KEY". */
    public String identifier() {
        return identifier;
    }

    public int keyboardType() {
        return keyboardType;
    }

    public int keyboardSubtype() {
        return keyboardSubtype;
    }

    public static Optional<LayeredDriver> ofNumber(int number) {
        for (LayeredDriver d : values()) {
            if (d.number == number) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<LayeredDriver> ofIdentifier(String identifier) {
        for (LayeredDriver d : values()) {
            if (d.identifier.equalsIgnoreCase(identifier)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
