package org.imagesmith.servicing;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A log in dism.log's line format: {@code 2026-11-25 13:02:02, Info                  DISM   <component>: <message>}.
 * Lines above the chosen level are dropped; the log is appended to, as DISM appends to dism.log.
 */
public final class ServicingLog implements Closeable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final LogLevel level;
    private final Clock clock;
    private final BufferedWriter writer;
    private final List<String> warnings = new ArrayList<>();

    private ServicingLog(LogLevel level, Clock clock, BufferedWriter writer) {
        this.level = level;
        this.clock = clock;
        this.writer = writer;
    }

    /**
     * Opens (creating or appending to) the log file.
     *
     * @throws ServicingException when the file cannot be written
     */
    public static ServicingLog open(Path file, LogLevel level) throws ServicingException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new ServicingLog(level, Clock.systemDefaultZone(), Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new ServicingException(ServicingException.ACCESS_DENIED, "The log file " + file
                    + " cannot be written (" + e.getMessage() + "). Give another with /LogPath.", e);
        }
    }

    /** A log that keeps nothing (for library use without a log file). */
    public static ServicingLog none() {
        return new ServicingLog(LogLevel.ERROR, Clock.systemDefaultZone(), null);
    }

    /**
     * The default log file: $XDG_STATE_HOME/imagesmith/dism.log (~/.local/state/imagesmith/dism.log), the
     * platform's place for logs that outlive a run, as DISM keeps %WINDIR%\Logs\DISM\dism.log.
     */
    public static Path defaultLogFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("imagesmith").resolve("dism.log");
    }

    public LogLevel level() {
        return level;
    }

    public void error(String component, String message) {
        write(LogLevel.ERROR, component, message);
    }

    public void warning(String component, String message) {
        warnings.add(message);
        write(LogLevel.WARNING, component, message);
    }

    public void info(String component, String message) {
        write(LogLevel.INFO, component, message);
    }

    public void debug(String component, String message) {
        write(LogLevel.DEBUG, component, message);
    }

    /** The warnings logged so far (whatever the level), for the command line to show. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private synchronized void write(LogLevel lineLevel, String component, String message) {
        if (writer == null || lineLevel.number() > level.number()) {
            return;
        }
        try {
            writer.write(TIME.format(LocalDateTime.now(clock)) + ", " + String.format(Locale.ROOT, "%-21s", lineLevel.label())
                    + " DISM   " + component + ": " + message.replace('\n', ' '));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // A log that cannot be written must not fail the servicing operation itself.
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
