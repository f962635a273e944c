package org.imagesmith.cli;

/**
 * Keeps the libraries on the class path from printing: Apache POI (for .msp and .msi files) logs through the Log4j
 * API, which, finding no logging implementation, prints "Log4j API could not find a logging provider" on standard
 * output. The command line gives it the API's own simple logger with every level off; a user who configures Log4j
 * with system properties keeps that configuration.
 */
final class QuietLibraries {
    private QuietLibraries() {
    }

    /** Sets the properties before any library reads them (Main's static initializer). */
    static void install() {
        setIfAbsent("log4j2.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
        setIfAbsent("org.apache.logging.log4j.simplelog.level", "OFF");
        setIfAbsent("log4j2.simplelogLevel", "OFF");
        setIfAbsent("log4j2.statusLoggerLevel", "OFF");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
