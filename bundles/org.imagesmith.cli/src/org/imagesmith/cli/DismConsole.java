package org.imagesmith.cli;

import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Prints in DISM's layouts: the banner, "Key : value" lines, numbers and dates as DISM writes them. */
public final class DismConsole {
    private static final DateTimeFormatter DISM_DATE =
            DateTimeFormatter.ofPattern("M/d/yyyy - h:mm:ss a", Locale.US);

    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;

    public DismConsole(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
    }

    public void banner() {
        out.println();
        out.println("Deployment Image Servicing and Management tool");
        out.println("Version: " + Version.TOOL);
        out.println();
    }

    public void line(String text) {
        out.println(text);
    }

    public void blank() {
        out.println();
    }

    /** A "Key : value" line. */
    public void field(String key, Object value) {
        out.println(key + " : " + value);
    }

    public void success() {
        out.println("The operation completed successfully.");
    }

    /** DISM's error block: "Error: N", the message, and where to look for help. */
    public void error(int code, String message) {
        err.println();
        err.println("Error: " + code);
        err.println();
        err.println(message);
        if (code == ExitCode.INVALID_PARAMETER) {
            err.println("For more information, refer to the help by running imagesmith /?.");
        }
        err.println();
    }

    /** A byte count with thousands separators, as in "Size : 11,158,883,866 bytes". */
    public static String bytes(long count) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count) + " bytes";
    }

    /** A time as DISM prints it, such as "7/14/2009 - 5:22:40 AM", in this console's time zone. */
    public String date(Instant instant) {
        return DISM_DATE.format(instant.atZone(zone));
    }

    public PrintStream out() {
        return out;
    }
}
