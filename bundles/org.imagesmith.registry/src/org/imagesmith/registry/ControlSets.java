package org.imagesmith.registry;

import java.util.Locale;

/**
 * The control sets of a SYSTEM hive: an offline hive has no CurrentControlSet link (Windows creates it at boot), so
 * the control set Windows boots with is the one the Select key's Current value names.
 */
public final class ControlSets {
    private ControlSets() {
    }

    /**
     * The name of the control set Windows boots with (Select\Current), such as ControlSet001; ControlSet001 when the
     * hive has no Select\Current.
     *
     * @throws ValueTypeMismatchException when Select\Current is not a DWORD
     */
    public static String current(Hive system) {
        int current = system.findKey("Select").flatMap(k -> k.value("Current")).map(RegistryValue::asDword).orElse(1);
        return String.format(Locale.ROOT, "ControlSet%03d", current);
    }
}
