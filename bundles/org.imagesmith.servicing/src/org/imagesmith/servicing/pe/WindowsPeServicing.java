package org.imagesmith.servicing.pe;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.imagesmith.registry.ControlSets;
import org.imagesmith.registry.RegistryValue;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingProvider;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.ServicingTransaction;

/**
 * The Windows PE settings of a Windows PE 3.0 image (EditionID WindowsPE): the scratch space is the File-Based
 * Write Filter's cache, SYSTEM\ControlSet001\Services\FBWF\WinPECacheThreshold (MB); the target path is
 * SOFTWARE\Microsoft\Windows NT\CurrentVersion\WinPE\InstRoot.
 */
public final class WindowsPeServicing {
    static final String FBWF = "Services\\FBWF";
    static final String CACHE_THRESHOLD = "WinPECacheThreshold";
    static final String WINPE = "Microsoft\\Windows NT\\CurrentVersion\\WinPE";
    static final String INST_ROOT = "InstRoot";
    /** The sizes /Set-ScratchSpace takes, in MB. */
    public static final List<Integer> SCRATCH_SPACES = List.of(32, 64, 128, 256, 512);
    /** What Windows PE 3.0 uses when the image sets nothing. */
    static final int DEFAULT_SCRATCH_SPACE = 32;
    static final String DEFAULT_TARGET_PATH = "X:\\";
    private static final String COMPONENT = "DISM WinPE Provider";
    private static final String INVALID_PATH_CHARACTERS = "<>:\"/|?*";

    private final ServicingSession session;
    private final String controlSet;

    /**
     * @param command the command being run, for the error on an image that is not Windows PE
     * @throws ServicingException 87 when the image is not a Windows PE image: DISM knows the Windows PE
     *         commands only for those
     */
    public WindowsPeServicing(ServicingSession session, String command) throws ServicingException {
        if (!ServicingProvider.WINDOWS_PE.isAvailableFor(session.identity())) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "The /" + command + " option is unknown"
                    + " for this image: " + ServicingProvider.WINDOWS_PE.unavailableReason(session.identity()) + ".");
        }
        this.session = session;
        this.controlSet = ControlSets.current(session.system());
    }

    public WindowsPeSettings settings() {
        int scratch = session.system().findKey(controlSet + "\\" + FBWF).flatMap(k -> k.value(CACHE_THRESHOLD))
                .map(WindowsPeServicing::dword).orElse(DEFAULT_SCRATCH_SPACE);
        String target = session.software().findKey(WINPE).flatMap(k -> k.value(INST_ROOT))
                .map(WindowsPeServicing::string).filter(s -> !s.isBlank()).orElse(DEFAULT_TARGET_PATH);
        return new WindowsPeSettings(scratch, target);
    }

    /** /Set-ScratchSpace: 32, 64, 128, 256 or 512 MB. */
    public void setScratchSpace(String value) throws ServicingException {
        session.requireWritable();
        int size;
        try {
            size = Integer.parseInt(value.trim().toUpperCase(Locale.ROOT).replaceFirst("MB$", ""));
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (!SCRATCH_SPACES.contains(size)) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "\"" + value + "\" is not a scratch space"
                    + " size. /Set-ScratchSpace takes 32, 64, 128, 256 or 512 (MB).");
        }
        try (ServicingTransaction transaction = session.begin()) {
            session.system().root().createKey(controlSet + "\\" + FBWF).setDword(CACHE_THRESHOLD, size);
            session.saveHive(ServicingSession.SYSTEM_HIVE);
            transaction.commit();
        }
        session.log().info(COMPONENT, "Scratch space set to " + size + " MB");
    }

    /** /Set-TargetPath: where the Windows PE image lives on the disk in hard-disk boot scenarios. */
    public void setTargetPath(String value) throws ServicingException {
        session.requireWritable();
        String path = checkTargetPath(value);
        try (ServicingTransaction transaction = session.begin()) {
            session.software().root().createKey(WINPE).setString(INST_ROOT, path);
            session.saveHive(ServicingSession.SOFTWARE_HIVE);
            transaction.commit();
        }
        session.log().info(COMPONENT, "Target path set to " + path);
    }

    /**
     * DISM's rules for a target path: 3 to 32 characters; a drive letter from C to Z followed by ":\"; then plain
     * ASCII with no blank, no character Windows forbids in paths, no "." or ".." element and no "\\".
     */
    static String checkTargetPath(String value) throws ServicingException {
        String path = value;
        String why = null;
        if (path.length() < 3 || path.length() > 32) {
            why = "it has " + path.length() + " characters; a target path has 3 to 32";
        } else if (Character.toUpperCase(path.charAt(0)) < 'C' || Character.toUpperCase(path.charAt(0)) > 'Z'
                || path.charAt(1) != ':' || path.charAt(2) != '\\') {
            why = "it does not start with a drive letter from C to Z followed by :\\";
        } else {
            String rest = path.substring(3);
            Optional<Character> bad = rest.chars().mapToObj(c -> (char) c)
                    .filter(c -> c < 0x21 || c > 0x7e || INVALID_PATH_CHARACTERS.indexOf(c) >= 0).findFirst();
            if (bad.isPresent()) {
                why = bad.get() == ' ' ? "it contains a blank space" : "it contains the character '" + bad.get()
                        + "' (U+" + String.format(Locale.ROOT, "%04X", (int) bad.get().charValue())
                        + "), which a target path may not hold";
            } else if (rest.contains("\\\\") || rest.startsWith("\\")) {
                why = "it contains \"\\\\\"";
            } else {
                for (String element : rest.split("\\\\")) {
                    if (element.equals(".") || element.equals("..")) {
                        why = "it is not absolute: it has a \"" + element + "\" element";
                    }
                }
            }
        }
        if (why != null) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, "\"" + value + "\" is not a valid target"
                    + " path: " + why + ". A target path is 3 to 32 characters, starts with a drive letter from C to Z"
                    + " and :\\, and holds no blank, quote, Unicode character, \".\" or \"..\" element or \"\\\\\","
                    + " such as X:\\ or C:\\WinPE.");
        }
        return path;
    }

    private static int dword(RegistryValue value) {
        try {
            return value.asDword();
        } catch (RuntimeException e) {
            return DEFAULT_SCRATCH_SPACE;
        }
    }

    private static String string(RegistryValue value) {
        try {
            return value.asString().trim();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
