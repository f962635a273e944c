package org.imagesmith.servicing.unattend;

import java.util.Locale;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.registry.RegistryValue;

/**
 * Microsoft-Windows-Shell-Setup's ComputerName as Windows keeps it in the SYSTEM hive: the NetBIOS name (upper case,
 * at most 15 characters) under Control\ComputerName\ComputerName, the DNS host name under Services\Tcpip\Parameters
 * (Hostname and NV Hostname).
 */
final class ComputerName {
    /** The longest NetBIOS computer name. */
    static final int NETBIOS_LENGTH = 15;
    private static final String NOT_ALLOWED = "\\/:*?\"<>|,~!@#$%^&'.(){}_ ";

    private ComputerName() {
    }

    /** Why name cannot be a computer name, or null when it can. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        for (char c : name.toCharArray()) {
            if (NOT_ALLOWED.indexOf(c) >= 0 || c < 0x20) {
                return "it contains '" + c + "' (a computer name has letters, digits and hyphens)";
            }
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return "it has only digits";
        }
        return null;
    }

    /** Writes name into the SYSTEM hive (in memory). */
    static void write(Hive system, String name) {
        int current = system.findKey("Select").flatMap(k -> k.value("Current")).map(RegistryValue::asDword).orElse(1);
        String controlSet = String.format(Locale.ROOT, "ControlSet%03d", current);
        String netbios = name.substring(0, Math.min(name.length(), NETBIOS_LENGTH)).toUpperCase(Locale.ROOT);
        system.root().createKey(controlSet + "\\Control\\ComputerName\\ComputerName").setString("ComputerName", netbios);
        RegistryKey tcpip = system.root().createKey(controlSet + "\\Services\\Tcpip\\Parameters");
        tcpip.setString("Hostname", name);
        tcpip.setString("NV Hostname", name);
    }
}
