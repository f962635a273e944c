package org.imagesmith.servicing.international;

import java.util.Locale;

/** A keyboard layout as SYSTEM\...\Control\Keyboard Layouts lists it: its identifier (KLID), text and file. */
public record KeyboardLayout(int id, String text, String file) {

    /** The KLID as the registry writes it: eight hex digits, "00000409". */
    public String idText() {
        return String.format(Locale.ROOT, "%08x", id);
    }
}
