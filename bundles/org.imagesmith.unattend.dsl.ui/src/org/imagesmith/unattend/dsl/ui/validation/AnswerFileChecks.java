package org.imagesmith.unattend.dsl.ui.validation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.imagesmith.unattend.dsl.ui.AnswerFileTarget;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.io.UnattendFormatException;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.Severity;
import org.imagesmith.unattend.validation.UnattendValidator;
import org.imagesmith.unattend.validation.ValidationOptions;

/** The problems of an answer file's text: language text or Unattend.xml, checked with the same rules. */
public final class AnswerFileChecks {
    private AnswerFileChecks() {
    }

    /** How a kind of answer file is checked. */
    @FunctionalInterface
    public interface Checker {
        /**
         * The problems of text; file (null for none) is where relative package sources are looked for, and
         * target (null for none) the architecture and Windows version of the image the answer file is for.
         */
        List<EditorProblem> check(String text, Path file, AnswerFileTarget target, CancelIndicator cancel);
    }

    /** Parses and validates answer-file language text: syntax errors and the answer-file model's rules. */
    public static List<EditorProblem> checkText(String text, Path file, AnswerFileTarget target, CancelIndicator cancel) {
        XtextResource resource = AnswerFileLanguage.parse(text, file, target);
        IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
        List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel);
        List<EditorProblem> problems = new ArrayList<>(issues.size());
        for (Issue issue : issues) {
            int offset = issue.getOffset() == null ? 0 : issue.getOffset();
            int length = issue.getLength() == null ? 0 : issue.getLength();
            int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
            problems.add(new EditorProblem(severity(issue.getSeverity()), issue.getMessage(),
                    issue.getCode() == null || issue.isSyntaxError() ? "" : issue.getCode(), line, offset,
                    Math.max(length, offset < text.length() ? 1 : 0)));
        }
        return problems;
    }

    /** Reads and validates Unattend.xml with the answer-file model's rules, or gives the reason it cannot be read. */
    public static List<EditorProblem> checkXml(String text, Path file, AnswerFileTarget target, CancelIndicator cancel) {
        IDocument document = new Document(text);
        String name = file == null ? "Unattend.xml" : file.getFileName().toString();
        try {
            ValidationOptions options = new ValidationOptions(AnswerFileTarget.orNone(target).architecture(),
                    file == null ? null : file.toAbsolutePath().getParent(), AnswerFileTarget.orNone(target).version());
            List<EditorProblem> problems = new ArrayList<>();
            for (Problem problem : UnattendValidator.standard(options)
                    .validate(UnattendReader.read(text.getBytes(StandardCharsets.UTF_8), name))) {
                problems.add(at(document, problem.severity(), problem.message(), problem.code(), problem.line(),
                        problem.column()));
            }
            return problems;
        } catch (UnattendFormatException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ", e.file().length());
            return List.of(at(document, Severity.ERROR, colon >= 0 ? message.substring(colon + 2) : message, "",
                    e.line(), e.column()));
        }
    }

    /** A problem at a 1-based line and column, marking from the column to the end of the line. */
    static EditorProblem at(IDocument document, Severity severity, String message, String code, int line, int column) {
        int lines = document.getNumberOfLines();
        int safeLine = Math.max(1, Math.min(line, lines));
        try {
            IRegion region = document.getLineInformation(safeLine - 1);
            int start = region.getOffset() + Math.max(0, Math.min(column - 1, region.getLength()));
            String rest = document.get(start, region.getOffset() + region.getLength() - start);
            int length = rest.stripTrailing().length();
            return new EditorProblem(severity, message, code, safeLine, start, Math.max(length, 1));
        } catch (BadLocationException e) {
            return new EditorProblem(severity, message, code, safeLine, 0, 0);
        }
    }

    private static Severity severity(org.eclipse.xtext.diagnostics.Severity severity) {
        return switch (severity) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFO, IGNORE -> Severity.INFO;
        };
    }
}
