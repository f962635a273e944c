package org.imagesmith.unattend.dsl.io;

/**
 * A syntax error in answer-file language text.
 *
 * @param line the 1-based line
 * @param column the 1-based column
 * @param message what the parser expected or found
 */
public record SyntaxError(int line, int column, String message) {

    @Override
    public String toString() {
        return line + ":" + column + ": " + message;
    }
}
