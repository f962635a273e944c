package org.imagesmith.servicing.drivers;

import java.util.Map;
import java.util.Optional;

/** The DIRIDs of INF DestinationDirs (Using Dirids, Windows Driver Kit) as paths inside an offline image. */
final class DirIds {
    private static final Map<Integer, String> FOLDERS = Map.ofEntries(
            Map.entry(10, "Windows"),
            Map.entry(11, "Windows\\System32"),
            Map.entry(12, "Windows\\System32\\drivers"),
            Map.entry(17, "Windows\\inf"),
            Map.entry(18, "Windows\\Help"),
            Map.entry(20, "Windows\\Fonts"),
            Map.entry(23, "Windows\\System32\\spool\\drivers\\color"),
            Map.entry(25, "Windows"),
            Map.entry(50, "Windows\\System"),
            Map.entry(51, "Windows\\System32\\spool"),
            Map.entry(52, "Windows\\System32\\spool\\drivers"),
            Map.entry(55, "Windows\\System32\\spool\\prtprocs"),
            Map.entry(16422, "Program Files"),
            Map.entry(16425, "Windows\\SysWOW64"),
            Map.entry(16427, "Program Files\\Common Files"));

    private DirIds() {
    }

    /** The image folder of a DIRID, or empty for one that has no fixed place in an offline image. */
    static Optional<String> windowsPath(String dirid) {
        try {
            return Optional.ofNullable(FOLDERS.get(Integer.parseInt(dirid.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A ServiceBinary (%12%\e1q62x64.sys) as Windows 7 writes ImagePath for a kernel driver: relative to the
     * system root (system32\DRIVERS\e1q62x64.sys); empty when it is not below the Windows folder.
     */
    static Optional<String> imagePath(String serviceBinary) {
        String binary = serviceBinary.strip();
        if (!binary.startsWith("%")) {
            return Optional.empty();
        }
        int close = binary.indexOf('%', 1);
        if (close < 0) {
            return Optional.empty();
        }
        String rest = binary.substring(close + 1);
        while (rest.startsWith("\\")) {
            rest = rest.substring(1);
        }
        return switch (binary.substring(1, close)) {
            case "10" -> Optional.of(rest);
            case "11" -> Optional.of("system32\\" + rest);
            case "12" -> Optional.of("system32\\DRIVERS\\" + rest);
            default -> Optional.empty();
        };
    }
}
