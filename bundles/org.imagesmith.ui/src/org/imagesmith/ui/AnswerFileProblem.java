package org.imagesmith.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.Severity;

/**
 * A problem of an answer file as a marker shows it: from the validator, from the reader, or from the engine's
 * refusal, whose messages name positions as {@code line:column: severity: message [code]} or
 * {@code <answer file>:line:column: message}.
 *
 * @param line 1-based, 0 when the problem has no position
 * @param column 1-based, 0 when unknown
 */
record AnswerFileProblem(Severity severity, int line, int column, String message) {
    private static final Pattern POSITIONED = Pattern.compile("^(\\d+):(\\d+): (?:(error|warning|info): )?(.+)$");

    /** The problem as compilers write theirs: file:line:column: severity: message. */
    String describe(String file) {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(Locale.ROOT) + ": " + message;
    }

    static AnswerFileProblem of(Problem problem) {
        return new AnswerFileProblem(problem.severity(), problem.line(), problem.column(),
                problem.message() + " [" + problem.code() + "]");
    }

    /**
     * The problems an engine failure message names: one per line that gives a position (after the answer file's
     * path, if the line starts with it), or the whole message without a position when no line gives one.
     */
    static List<AnswerFileProblem> ofFailure(String message, String answerFile) {
        List<AnswerFileProblem> problems = new ArrayList<>();
        for (String text : message.split("\n")) {
            String line = text.strip();
            int at = line.indexOf(answerFile + ":");
            if (at >= 0) {
                line = line.substring(at + answerFile.length() + 1);
            }
            Matcher matcher = POSITIONED.matcher(line);
            if (matcher.matches()) {
                Severity severity = matcher.group(3) == null ? Severity.ERROR
                        : Severity.valueOf(matcher.group(3).toUpperCase(Locale.ROOT));
                problems.add(new AnswerFileProblem(severity, Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)), matcher.group(4)));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new AnswerFileProblem(Severity.ERROR, 0, 0, message.strip()));
        }
        return problems;
    }
}
