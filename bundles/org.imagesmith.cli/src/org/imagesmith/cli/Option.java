package org.imagesmith.cli;

import java.util.Optional;

/**
 * One option of a DISM command line: {@code /Name:value}, {@code /Name} or, since a bare {@code /path} is
 * ambiguous on Linux, {@code -Name:value}. Names compare without regard to case.
 */
public record Option(String name, Optional<String> value, String text) {

    /** Parses one argument; returns empty when it does not start with '/' or '-'. */
    static Optional<Option> parse(String argument) {
        if (argument.length() < 2 || (argument.charAt(0) != '/' && argument.charAt(0) != '-')) {
            return Optional.empty();
        }
        String body = argument.substring(1);
        int colon = body.indexOf(':');
        if (colon < 0) {
            return Optional.of(new Option(body, Optional.empty(), argument));
        }
        return Optional.of(new Option(body.substring(0, colon), Optional.of(body.substring(colon + 1)), argument));
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
