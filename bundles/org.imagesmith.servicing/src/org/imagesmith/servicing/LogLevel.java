package org.imagesmith.servicing;

/** DISM's /LogLevel: 1 errors, 2 errors and warnings, 3 also information (the default), 4 also debug. */
public enum LogLevel {
    ERROR(1, "Error"), WARNING(2, "Warning"), INFO(3, "Info"), DEBUG(4, "Debug");

    private final int number;
    private final String label;

    LogLevel(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** The level of a /LogLevel value from 1 to 4. */
    public static LogLevel ofNumber(int number) {
        for (LogLevel level : values()) {
            if (level.number == number) {
                return level;
            }
        }
        throw new IllegalArgumentException("The log level " + number + " is not valid; give 1 (errors), 2 (errors and"
                + " warnings), 3 (also information, the default) or 4 (also debug).");
    }
}
