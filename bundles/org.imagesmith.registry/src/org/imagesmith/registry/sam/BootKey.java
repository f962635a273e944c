package org.imagesmith.registry.sam;

import java.util.HexFormat;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;

/**
 * The boot key (syskey) of a Windows installation: 16 bytes kept, scrambled, as the class names of the keys JD, Skew1,
 * GBG and Data under Control\Lsa of the SYSTEM hive's current control set.
 */
public final class BootKey {
    private static final String[] PARTS = {"JD", "Skew1", "GBG", "Data"};
    private static final int[] PERMUTATION = {8, 5, 4, 2, 11, 9, 13, 3, 0, 6, 1, 12, 14, 10, 15, 7};

    private BootKey() {
    }

    /** The Lsa key of the control set Windows boots with (Select\Current), such as ControlSet001\Control\Lsa. */
    public static String lsaKey(Hive system) {
        return ControlSets.current(system) + "\\Control\\Lsa";
    }

    /**
     * Reads the boot key from a SYSTEM hive.
     *
     * @throws SamFormatException when a class name is missing or not eight hexadecimal digits
     */
    public static byte[] read(Hive system) throws SamFormatException {
        String lsa = lsaKey(system);
        StringBuilder hex = new StringBuilder();
        for (String part : PARTS) {
            String className = system.findKey(lsa + "\\" + part).flatMap(RegistryKey::className).orElseThrow(
                    () -> new SamFormatException("The SYSTEM hive has no boot key: " + lsa + "\\" + part
                            + " is missing or has no class name."));
            if (!className.matches("[0-9A-Fa-f]{8}")) {
                throw new SamFormatException("The SYSTEM hive's boot key part " + lsa + "\\" + part + " has the class name \""
                        + className + "\", not eight hexadecimal digits.");
            }
            hex.append(className);
        }
        byte[] scrambled = HexFormat.of().parseHex(hex);
        byte[] key = new byte[16];
        for (int i = 0; i < 16; i++) {
            key[i] = scrambled[PERMUTATION[i]];
        }
        return key;
    }

    /** Writes a boot key into a SYSTEM hive whose Lsa key has none yet (as Windows Setup does when it makes the hive). */
    public static void write(Hive system, byte[] bootKey) {
        byte[] scrambled = new byte[16];
        for (int i = 0; i < 16; i++) {
            scrambled[PERMUTATION[i]] = bootKey[i];
        }
        String hex = HexFormat.of().formatHex(scrambled);
        String lsa = lsaKey(system);
        for (int i = 0; i < PARTS.length; i++) {
            system.root().createKey(lsa + "\\" + PARTS[i], hex.substring(8 * i, 8 * i + 8));
        }
    }
}
