package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.imagesmith.servicing.unattend.ApplyScope;
import org.imagesmith.unattend.io.UnattendFormatException;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.model.Source;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.validation.IssueCodes;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.Severity;
import org.imagesmith.unattend.validation.UnattendValidator;
import org.imagesmith.unattend.validation.ValidationOptions;

/**
 * Reads and validates an answer file for an image before it is applied, as /Apply-Unattend does: what the
 * validator finds, or why the file cannot be read.
 */
final class AnswerFileCheck {
    private static final String CONFIG_SET_ROOT = "%configsetroot%";

    private AnswerFileCheck() {
    }

    /**
     * The problems of the answer file for an image of this architecture (amd64, x86; empty to skip the
     * architecture checks).
     */
    static List<AnswerFileProblem> check(Path answerFile, String architecture) {
        try {
            return check(UnattendReader.read(answerFile), answerFile.toAbsolutePath().getParent(), architecture);
        } catch (UnattendFormatException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ", e.file().length());
            return List.of(new AnswerFileProblem(Severity.ERROR, e.line(), e.column(),
                    colon >= 0 ? message.substring(colon + 2) : message));
        } catch (IOException e) {
            return List.of(new AnswerFileProblem(Severity.ERROR, 0, 0, "The answer file " + answerFile
                    + " cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The problems of an answer file's model, whose elements carry their positions, for an image of this
     * architecture (empty to skip the architecture checks); relative sources are looked for in folder.
     */
    static List<AnswerFileProblem> check(Unattend unattend, Path folder, String architecture) {
        ValidationOptions options = new ValidationOptions(architecture.isEmpty() ? null : architecture, folder);
        return UnattendValidator.standard(options).validate(unattend).stream().filter(problem -> !isConfigSetSource(problem))
                .map(problem -> of(problem, options.targetArchitecture())).toList();
    }

    /** An error outside what an apply applies (passes left to Windows Setup) is a warning here, as for DISM. */
    private static AnswerFileProblem of(Problem problem, String architecture) {
        AnswerFileProblem checked = AnswerFileProblem.of(problem);
        if (problem.severity() != Severity.ERROR || ApplyScope.applies(problem.element(), architecture)) {
            return checked;
        }
        return new AnswerFileProblem(Severity.WARNING, checked.line(), checked.column(), checked.message() + " (in "
                + ApplyScope.passOf(problem.element()) + ", which Apply to Image leaves to Windows Setup)");
    }

    /**
     * A %configsetroot% source the validator cannot find: the engine resolves it against the answer file's
     * folder and reports it with its position if it does not exist there.
     */
    private static boolean isConfigSetSource(Problem problem) {
        return problem.code().equals(IssueCodes.MISSING_SOURCE) && problem.element() instanceof Source source
                && source.getLocation() != null
                && source.getLocation().strip().toLowerCase(Locale.ROOT).startsWith(CONFIG_SET_ROOT);
    }
}
