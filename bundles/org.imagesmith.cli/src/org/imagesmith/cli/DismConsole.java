package org.imagesmith.cli;

import java.io.PrintStream;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.imagesmith.servicing.ServicingException;

/** Prints in DISM's layouts: the banner, "Key : value" lines, numbers and dates as DISM writes them. */
public final class DismConsole {
    private static final DateTimeFormatter DISM_DATE =
            DateTimeFormatter.ofPattern("M/d/yyyy - h:mm:ss a", Locale.US);

    private static final DateTimeFormatter DISM_SHORT_DATE =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US);

    private final PrintStream out;
    private final PrintStream err;
    private final ZoneId zone;
    private boolean quiet;
    private boolean terminal;
    private boolean progressOpen;
    private Completion completion;
    private double lastProgress = -1;

    public DismConsole(PrintStream out, PrintStream err, ZoneId zone) {
        this.out = out;
        this.err = err;
        this.zone = zone;
    }

    /** /Quiet: from now on only errors are printed. */
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    /** On a terminal the progress bar is redrawn in place; elsewhere each step is a plain line. */
    public void setTerminal(boolean terminal) {
        this.terminal = terminal;
    }

    public void banner() {
        blank();
        line("Deployment Image Servicing and Management tool");
        line("Version: " + Version.TOOL);
        blank();
    }

    public void line(String text) {
        if (!quiet) {
            endProgress();
            lastProgress = -1;
            out.println(text);
        }
    }

    private void endProgress() {
        if (progressOpen) {
            out.println();
            progressOpen = false;
        }
    }

    public void blank() {
        line("");
    }

    /** A "Key : value" line. */
    public void field(String key, Object value) {
        line(key + " : " + value);
    }

    /** Work that must finish before an operation is reported successful (saving an image serviced in its WIM file). */
    @FunctionalInterface
    interface Completion {
        void complete() throws ServicingException;
    }

    /** Raised by {@link #success} when the completion registered before it failed; the operation did not succeed. */
    static final class CompletionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CompletionFailedException(ServicingException cause) {
            super(cause.getMessage(), cause);
        }

        ServicingException failure() {
            return (ServicingException) getCause();
        }
    }

    /** Runs {@code completion} when the operation is next reported successful, before saying so. */
    void beforeSuccess(Completion completion) {
        this.completion = completion;
    }

    /**
     * "The operation completed successfully.", after the registered completion has finished.
     *
     * @throws CompletionFailedException when the completion failed
     */
    public void success() {
        Completion pending = completion;
        completion = null;
        if (pending != null) {
            try {
                pending.complete();
            } catch (ServicingException e) {
                throw new CompletionFailedException(e);
            }
        }
        line("The operation completed successfully.");
    }

    /** A warning, as DISM prints them after the operation. */
    public void warning(String message) {
        if (!quiet) {
            err.println("Warning: " + message);
        }
    }

    /**
     * DISM's progress bar at a percentage, such as [==========================100.0%==========================].
     * On a terminal it is redrawn in place; in a log or a pipe only the finished bar is printed, once.
     */
    public void progress(double percent) {
        // the bar shows tenths of a percent, rounded down so that only a finished operation shows 100.0%
        double shown = Math.floor(Math.min(100, Math.max(0, percent)) * 10) / 10;
        if (quiet || shown == lastProgress) {
            return;
        }
        lastProgress = shown;
        if (!terminal) {
            if (shown >= 100) {
                out.println(bar(shown));
            }
            return;
        }
        out.print("\r" + bar(shown));
        out.flush();
        progressOpen = shown < 100;
        if (!progressOpen) {
            out.println();
        }
    }

    private static String bar(double percent) {
        int filled = (int) Math.round(percent / 100 * 58);
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < 58; i++) {
            bar.append(i < filled ? '=' : ' ');
        }
        String label = String.format(Locale.US, "%.1f%%", percent);
        int at = (bar.length() - label.length()) / 2;
        bar.replace(at, at + label.length(), label);
        return "[" + bar + "]";
    }

    /** Prints a servicing failure as DISM does and returns the exit code a shell sees for it. */
    public int failure(ServicingException e, java.nio.file.Path logFile) {
        DismError error = DismError.ofServicing(e);
        int code = error.code();
        err.println();
        err.println("Error: " + ExitCode.text(code));
        err.println();
        err.println(printable(error.message()));
        err.println();
        err.println("The DISM log file can be found at " + logFile);
        // A shell sees the low byte of an exit status, as it would of DISM's HRESULT exit codes.
        return ExitCode.status(code);
    }

    /** DISM's error block: "Error: N", the message, and where to look for help. */
    public void error(int code, String message) {
        err.println();
        err.println("Error: " + ExitCode.text(code));
        err.println();
        err.println(printable(message));
        if (code == ExitCode.INVALID_PARAMETER) {
            err.println("For more information, refer to the help by running imagesmith /?.");
        }
        err.println();
    }

    /** A message with the control characters of hostile names (NUL, escape sequences) shown as '?'. */
    private static String printable(String message) {
        return message == null ? "" : message.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "?");
    }

    /** A byte count with thousands separators, as in "Size : 11,158,883,866 bytes". */
    public static String bytes(long count) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count) + " bytes";
    }

    /** A time as DISM prints it, such as "7/14/2009 - 5:22:40 AM", in this console's time zone. */
    public String date(Instant instant) {
        return DISM_DATE.format(instant.atZone(zone));
    }

    /** A time as DISM's listings print it, such as "11/21/2010 3:40 AM". */
    public String shortDate(Instant instant) {
        return DISM_SHORT_DATE.format(instant.atZone(zone));
    }

    /** Prints rows as DISM's /Format:Table does: a dashed rule, the header, a rule, then the rows. */
    public void table(java.util.List<String> header, java.util.List<java.util.List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (java.util.List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        String rule = row(java.util.Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths);
        line(rule);
        line(row(header, widths));
        line(rule);
        rows.forEach(r -> line(row(r, widths)));
        blank();
    }

    private static String row(java.util.List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(" | ");
            }
            text.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        return text.toString();
    }
}
