package org.imagesmith.servicing.unattend;

import java.util.Locale;
import java.util.Optional;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.Hive;
import org.imagesmith.registry.RegistryKey;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.unattend.model.Setting;

/**
 * Microsoft-Windows-Shell-Setup | ComputerName as Windows keeps it in the SYSTEM hive: the NetBIOS name (upper case,
 * at most 15 characters) under Control\ComputerName\ComputerName, the DNS host name under Services\Tcpip\Parameters
 * (Hostname and NV Hostname). "*" (a name Windows Setup makes up in specialize) leaves the image as it is.
 */
final class ComputerName implements OfflineSettingHandler {
    /** The longest NetBIOS computer name. */
    static final int NETBIOS_LENGTH = 15;
    private static final String NOT_ALLOWED = "\\/:*?\"<>|,~!@#$%^&'.(){}_ ";

    @Override
    public String component() {
        return OfflineSettings.SHELL_SETUP;
    }

    @Override
    public String setting() {
        return "ComputerName";
    }

    @Override
    public Optional<RegistryChange> plan(Setting setting, PlanContext context) throws ServicingException {
        String name = component() + " | " + setting();
        String value = PlanContext.text(setting);
        if (value.equals("*")) {
            context.warnings().add(name + " (" + Positions.of(setting) + ") is \"*\": Windows Setup makes up a random"
                    + " name in the specialize pass, so the offline image is left as it is.");
            return Optional.empty();
        }
        String problem = problem(value);
        if (problem != null) {
            throw context.invalid(setting, name + " \"" + value + "\" cannot be a computer name: " + problem + ".");
        }
        if (value.length() > NETBIOS_LENGTH) {
            context.warnings().add(name + " (" + Positions.of(setting) + ") is longer than " + NETBIOS_LENGTH
                    + " characters: the NetBIOS name is cut to its first " + NETBIOS_LENGTH + ", the DNS host name keeps it whole.");
        }
        String controlSet = ControlSets.current(context.system());
        String netbios = value.substring(0, Math.min(value.length(), NETBIOS_LENGTH)).toUpperCase(Locale.ROOT);
        return Optional.of(new RegistryChange(name, ServicingSession.SYSTEM_HIVE, "HKLM\\SYSTEM\\" + controlSet
                + "\\Control\\ComputerName\\ComputerName: ComputerName = " + netbios + " (REG_SZ); HKLM\\SYSTEM\\"
                + controlSet + "\\Services\\Tcpip\\Parameters: Hostname, NV Hostname = " + value + " (REG_SZ)",
                system -> write(system, controlSet, netbios, value)));
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

    private static void write(Hive system, String controlSet, String netbios, String name) {
        system.root().createKey(controlSet + "\\Control\\ComputerName\\ComputerName").setString("ComputerName", netbios);
        RegistryKey tcpip = system.root().createKey(controlSet + "\\Services\\Tcpip\\Parameters");
        tcpip.setString("Hostname", name);
        tcpip.setString("NV Hostname", name);
    }
}
