package org.imagesmith.servicing.unattend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Setting;

/**
 * The component settings of an offlineServicing pass, sorted into what Imagesmith applies (driver paths, the
 * computer name) and what it cannot apply to an offline image, each of which is named in a warning.
 */
final class OfflineSettings {
    static final String PNP = "Microsoft-Windows-PnpCustomizationsNonWinPE";
    static final String SHELL_SETUP = "Microsoft-Windows-Shell-Setup";

    /** A driver folder of DriverPaths, searched with its subfolders. */
    record DriverPath(Path folder, Setting element) {
    }

    private final SourcePaths paths;
    private final List<DriverPath> driverPaths = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String computerName;

    OfflineSettings(SourcePaths paths) {
        this.paths = paths;
    }

    /** Sorts the settings of one component; fails on a value that cannot be applied as written. */
    void add(Component component) throws ServicingException {
        String name = component.getName() == null ? "" : component.getName();
        switch (name) {
            case PNP -> driverPaths(component);
            case SHELL_SETUP -> shellSetup(component);
            default -> {
                for (Setting setting : component.getSettings()) {
                    notApplied(name, setting, reason(name, setting));
                }
                if (component.getSettings().isEmpty()) {
                    warnings.add("The component " + name + " (" + Positions.of(component) + ") has no settings; nothing to apply.");
                }
            }
        }
    }

    List<DriverPath> driverPaths() {
        return List.copyOf(driverPaths);
    }

    /** The computer name to set, or null. */
    String computerName() {
        return computerName;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void driverPaths(Component component) throws ServicingException {
        for (Setting setting : component.getSettings()) {
            if (!"DriverPaths".equals(setting.getName())) {
                notApplied(PNP, setting, "it is not a setting Imagesmith knows for this component");
                continue;
            }
            for (Setting item : setting.getSettings()) {
                String itemName = PNP + " | DriverPaths | PathAndCredentials[" + item.getKeyValue() + "]";
                if ("remove".equals(item.getAction())) {
                    warnings.add(itemName + " (" + Positions.of(item) + ") has wcm:action=\"remove\"; there is no earlier"
                            + " answer file to remove it from, so it is skipped.");
                    continue;
                }
                Setting path = item.getSetting("Path");
                if (path == null || path.getValue() == null || path.getValue().isBlank()) {
                    throw new ServicingException(UnattendServicing.INVALID_ANSWER_FILE, paths.answerFile() + ":"
                            + Positions.of(item) + ": " + itemName + " has no Path; give the folder of the driver packages.");
                }
                if (item.getSetting("Credentials") != null) {
                    warnings.add(itemName + " | Credentials (" + Positions.of(item.getSetting("Credentials")) + ") is not"
                            + " used: Imagesmith reads " + path.getValue().trim() + " with the rights of the user running it.");
                }
                driverPaths.add(new DriverPath(paths.resolve(path.getValue(), path, "the driver path"), path));
            }
        }
    }

    private void shellSetup(Component component) throws ServicingException {
        for (Setting setting : component.getSettings()) {
            if ("ComputerName".equals(setting.getName()) && setting.getValue() != null) {
                String value = setting.getValue().trim();
                if (value.equals("*")) {
                    warnings.add(SHELL_SETUP + " | ComputerName (" + Positions.of(setting) + ") is \"*\": Windows Setup"
                            + " makes up a random name in the specialize pass, so the offline image is left as it is.");
                    continue;
                }
                String problem = ComputerName.problem(value);
                if (problem != null) {
                    throw new ServicingException(UnattendServicing.INVALID_ANSWER_FILE, paths.answerFile() + ":"
                            + Positions.of(setting) + ": " + SHELL_SETUP + " | ComputerName \"" + value
                            + "\" cannot be a computer name: " + problem + ".");
                }
                if (value.length() > ComputerName.NETBIOS_LENGTH) {
                    warnings.add(SHELL_SETUP + " | ComputerName (" + Positions.of(setting) + ") is longer than "
                            + ComputerName.NETBIOS_LENGTH + " characters: the NetBIOS name is cut to its first "
                            + ComputerName.NETBIOS_LENGTH + ", the DNS host name keeps it whole.");
                }
                computerName = value;
            } else {
                notApplied(SHELL_SETUP, setting, reason(SHELL_SETUP, setting));
            }
        }
    }

    private static String reason(String component, Setting setting) {
        String name = setting.getName();
        if (component.equals(SHELL_SETUP) && "OfflineUserAccounts".equals(name)) {
            return "local accounts and passwords live in the SAM hive, which Imagesmith does not write; create the"
                    + " accounts in the oobeSystem pass (UserAccounts) instead";
        }
        if (component.equals("Microsoft-Windows-UnattendedJoin") && "OfflineIdentification".equals(name)) {
            return "an offline domain join needs the provisioning blob applied by djoin.exe /RequestODJ on Windows;"
                    + " join in the specialize pass (Identification) instead";
        }
        if (component.equals("Microsoft-Windows-International-Core")) {
            return "international settings of an offline image are set with /Set-UILang, /Set-SysLocale,"
                    + " /Set-UserLocale, /Set-InputLocale and /Set-TimeZone";
        }
        return "Imagesmith does not know where Windows keeps it in an offline image";
    }

    private void notApplied(String component, Setting setting, String why) {
        warnings.add(component + " | " + setting.getName() + " (" + Positions.of(setting) + ") is not applied: " + why + ".");
    }
}
