package org.imagesmith.servicing.pkgmgr;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imagesmith.servicing.ServicingException;

/**
 * A Package Manager (pkgmgr.exe, Windows Vista and Server 2008) command line on an offline image:
 * {@code /o:<system drive>;<Windows folder>} with one operation, {@code /ip /m:<package>} (install),
 * {@code /up:<package identity>} or {@code /up /m:<package>} (uninstall), {@code /iu:<feature>;...} and
 * {@code /uu:<feature>;...} (enable and disable features, of the foundation package or of {@code /p:<package
 * identity>}) or {@code /n:<answer file>} (its offlineServicing pass); and {@code /s:<sandbox>} (scratch folder),
 * {@code /l:<log file>}, {@code /quiet}, {@code /norestart}. Switches ignore case.
 *
 * @param systemDrive the folder of the image's system drive (the first part of /o)
 * @param windowsFolder the image's Windows folder (the second part of /o)
 * @param operation what to do
 * @param packagePath /m: the package folder, cabinet or .msu
 * @param packageName /up: or /p: the package identity
 * @param features /iu: or /uu: the features
 * @param answerFile /n: the answer file
 * @param sandbox /s: the scratch folder
 * @param log /l: the log file
 * @param quiet /quiet
 * @param noRestart /norestart
 */
public record PkgMgrCommandLine(Path systemDrive, Path windowsFolder, Operation operation, Optional<Path> packagePath,
        Optional<String> packageName, List<String> features, Optional<Path> answerFile, Optional<Path> sandbox,
        Optional<Path> log, boolean quiet, boolean noRestart) {

    /** The switches Package Manager takes, without the slash, in lower case. */
    public static final Set<String> SWITCHES = Set.of("ip", "up", "iu", "uu", "m", "p", "n", "o", "s", "l", "quiet",
            "norestart");

    /** The operation of a command line. */
    public enum Operation {
        INSTALL_PACKAGE("/ip"), UNINSTALL_PACKAGE("/up"), ENABLE_FEATURES("/iu"), DISABLE_FEATURES("/uu"),
        APPLY_ANSWER_FILE("/n");

        private final String option;

        Operation(String option) {
            this.option = option;
        }

        /** The switch that asks for it. */
        public String option() {
            return option;
        }
    }

    public PkgMgrCommandLine {
        features = List.copyOf(features);
    }

    /**
     * Parses Package Manager's arguments (each a switch such as {@code /ip} or {@code /m:C:\pkg}).
     *
     * @throws ServicingException (ERROR_INVALID_PARAMETER) naming the switch that is unknown, repeated, missing or
     *         malformed
     */
    public static PkgMgrCommandLine parse(List<String> arguments) throws ServicingException {
        Map<String, Optional<String>> switches = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (argument.length() < 2 || (argument.charAt(0) != '/' && argument.charAt(0) != '-')) {
                throw invalid("\"" + argument + "\" is not a Package Manager switch; switches start with /, as in /ip.");
            }
            String body = argument.substring(1);
            int colon = body.indexOf(':');
            String name = (colon < 0 ? body : body.substring(0, colon)).toLowerCase(Locale.ROOT);
            Optional<String> value = colon < 0 ? Optional.empty() : Optional.of(unquote(body.substring(colon + 1)));
            if (name.equals("?") || name.equals("h") || name.equals("help")) {
                throw invalid("Package Manager's help is not available here; see imagesmith /? for /PkgMgr.");
            }
            if (!SWITCHES.contains(name)) {
                throw invalid("The Package Manager switch /" + name + " is unknown. Imagesmith takes /o, /ip, /up, /iu,"
                        + " /uu, /m, /p, /n, /s, /l, /quiet and /norestart.");
            }
            if (switches.containsKey(name)) {
                throw invalid("The switch /" + name + " is given twice; give it once.");
            }
            switches.put(name, value);
        }
        List<Operation> operations = new ArrayList<>();
        if (switches.containsKey("ip")) {
            operations.add(Operation.INSTALL_PACKAGE);
        }
        if (switches.containsKey("up")) {
            operations.add(Operation.UNINSTALL_PACKAGE);
        }
        if (switches.containsKey("iu")) {
            operations.add(Operation.ENABLE_FEATURES);
        }
        if (switches.containsKey("uu")) {
            operations.add(Operation.DISABLE_FEATURES);
        }
        if (switches.containsKey("n")) {
            operations.add(Operation.APPLY_ANSWER_FILE);
        }
        if (operations.size() != 1) {
            throw invalid(operations.isEmpty() ? "No operation was given; give one of /ip /m:<package>, /up:<package>,"
                    + " /iu:<features>, /uu:<features> or /n:<answer file>."
                    : "Give one operation per command line, not " + String.join(" and ",
                            operations.stream().map(Operation::option).toList()) + ".");
        }
        Operation operation = operations.get(0);
        if (!switches.containsKey("o")) {
            throw invalid("/o is missing: Imagesmith services offline images only; give /o:<system drive>;<Windows folder>,"
                    + " as in /o:/mnt/vista;/mnt/vista/Windows.");
        }
        String[] offline = required(switches, "o", "<system drive>;<Windows folder>").split(";", -1);
        if (offline.length != 2 || offline[0].isBlank() || offline[1].isBlank()) {
            throw invalid("/o takes the system drive and the Windows folder separated by a semicolon, as in"
                    + " /o:/mnt/vista;/mnt/vista/Windows.");
        }
        Path systemDrive = path(offline[0].trim(), "o");
        Path windows = path(offline[1].trim(), "o");
        Optional<Path> packagePath = optionalPath(switches, "m");
        Optional<String> packageName = value(switches, operation == Operation.UNINSTALL_PACKAGE ? "up" : "p");
        if (operation == Operation.UNINSTALL_PACKAGE && switches.containsKey("p")) {
            packageName = value(switches, "p");
        }
        List<String> features = List.of();
        switch (operation) {
            case INSTALL_PACKAGE -> {
                if (packagePath.isEmpty()) {
                    throw invalid("/ip needs the package: give /m:<package folder, .cab or .msu>.");
                }
                noValue(switches, "ip");
            }
            case UNINSTALL_PACKAGE -> {
                if (packagePath.isPresent() == packageName.isPresent()) {
                    throw invalid("/up needs the package: give /up:<package identity> (as /Get-Packages lists it) or"
                            + " /up /m:<package folder, .cab or .msu>, one of them.");
                }
            }
            case ENABLE_FEATURES, DISABLE_FEATURES -> {
                String key = operation == Operation.ENABLE_FEATURES ? "iu" : "uu";
                features = Arrays.stream(required(switches, key, "<feature>;<feature>").split(";"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
                if (features.isEmpty()) {
                    throw invalid("/" + key + " names no feature; give /" + key + ":<feature>;<feature>.");
                }
            }
            case APPLY_ANSWER_FILE -> {
                required(switches, "n", "<answer file>");
            }
        }
        if (packagePath.isPresent() && operation != Operation.INSTALL_PACKAGE && operation != Operation.UNINSTALL_PACKAGE) {
            throw invalid("/m goes with /ip or /up, not with " + operation.option() + ".");
        }
        return new PkgMgrCommandLine(systemDrive, windows, operation, packagePath, packageName, features,
                optionalPath(switches, "n"), optionalPath(switches, "s"), optionalPath(switches, "l"),
                switches.containsKey("quiet"), switches.containsKey("norestart"));
    }

    /** The Windows folder as a path relative to the system drive ("Windows"). */
    public String windowsFolderName() throws ServicingException {
        Path drive = systemDrive.toAbsolutePath().normalize();
        Path windows = windowsFolder.toAbsolutePath().normalize();
        if (!windows.startsWith(drive) || windows.equals(drive)) {
            throw invalid("The Windows folder " + windowsFolder + " of /o is not inside the system drive " + systemDrive
                    + "; give /o:<system drive>;<system drive>/Windows.");
        }
        return drive.relativize(windows).toString().replace('/', '\\');
    }

    private static void noValue(Map<String, Optional<String>> switches, String name) throws ServicingException {
        if (switches.get(name).isPresent()) {
            throw invalid("/" + name + " takes no value; give the package with /m:<package>.");
        }
    }

    private static String required(Map<String, Optional<String>> switches, String name, String example)
            throws ServicingException {
        return value(switches, name).orElseThrow(() -> invalid("/" + name + " needs a value, as in /" + name + ":" + example + "."));
    }

    private static Optional<String> value(Map<String, Optional<String>> switches, String name) {
        return switches.getOrDefault(name, Optional.empty()).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<Path> optionalPath(Map<String, Optional<String>> switches, String name)
            throws ServicingException {
        if (switches.containsKey(name) && value(switches, name).isEmpty()) {
            throw invalid("/" + name + " needs a value, as in /" + name + ":<path>.");
        }
        Optional<String> value = value(switches, name);
        return value.isEmpty() ? Optional.empty() : Optional.of(path(value.get(), name));
    }

    private static Path path(String text, String name) throws ServicingException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid("The path \"" + text + "\" of /" + name + " is not valid: " + e.getReason() + ".");
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1)
                : value;
    }

    private static ServicingException invalid(String message) {
        return new ServicingException(ServicingException.INVALID_PARAMETER, message);
    }
}
