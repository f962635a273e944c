package org.imagesmith.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.imagesmith.unattend.dsl.io.AnswerFileConverter;
import org.imagesmith.unattend.dsl.io.SyntaxError;
import org.imagesmith.unattend.dsl.io.UnattendDslSyntaxException;
import org.imagesmith.unattend.io.SourceLocation;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.io.UnattendWriter;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.validation.Severity;

/**
 * An answer file as Apply to Image hands it to the engine, which reads Unattend.xml: an Unattend.xml file as it
 * is, or answer-file language text (*.unattend) checked at its own lines and written as Unattend.xml beside it
 * (so that relative sources resolve as they do for the text) while it is applied, the engine's positions in that
 * XML mapped back to the text. Close it to delete what it wrote.
 */
abstract sealed class AnswerFileInput implements AutoCloseable {
    /** The file extension of answer-file language text. */
    static final String LANGUAGE_EXTENSION = "unattend";
    /** The content type of Unattend.xml files, declared in plugin.xml. */
    static final String CONTENT_TYPE = "org.imagesmith.ui.answerFile";

    final Path file;

    private AnswerFileInput(Path file) {
        this.file = file;
    }

    /** Whether Apply to Image takes the file: Unattend.xml (by its content type) or answer-file language text. */
    static boolean accepts(IFile file) {
        if (LANGUAGE_EXTENSION.equalsIgnoreCase(file.getFileExtension())) {
            return true;
        }
        try {
            IContentDescription description = file.getContentDescription();
            return description != null && CONTENT_TYPE.equals(description.getContentType().getId());
        } catch (CoreException e) {
            return false; // not readable now: not offered
        }
    }

    /** The input for the answer file at this local path: language text by its extension, else Unattend.xml. */
    static AnswerFileInput of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith("." + LANGUAGE_EXTENSION) ? new LanguageText(file) : new UnattendXml(file);
    }

    /** The problems of the file for an image of this architecture (empty to skip those checks), at its lines. */
    abstract List<AnswerFileProblem> check(String architecture);

    /** The Unattend.xml the engine applies; call after {@link #check} found no errors. */
    abstract Path engineFile() throws IOException;

    /** The problems a failure message of the engine names, at the lines of this file. */
    abstract List<AnswerFileProblem> failure(String message);

    /** A message of the engine as it is about this file (naming it instead of the XML written for it). */
    String named(String message) {
        return message;
    }

    @Override
    public void close() {
        // nothing written
    }

    /** An Unattend.xml file, applied as it is. */
    static final class UnattendXml extends AnswerFileInput {
        UnattendXml(Path file) {
            super(file);
        }

        @Override
        List<AnswerFileProblem> check(String architecture) {
            return AnswerFileCheck.check(file, architecture);
        }

        @Override
        Path engineFile() {
            return file;
        }

        @Override
        List<AnswerFileProblem> failure(String message) {
            return AnswerFileProblem.ofFailure(message, file.toString());
        }
    }

    /** Answer-file language text, applied as the Unattend.xml it stands for. */
    static final class LanguageText extends AnswerFileInput {
        private Unattend model;
        private Path xml;
        /** The position in the text of the element at each line of the written XML. */
        private final Map<Integer, SourceLocation> textAt = new HashMap<>();
        /** A line:column opening a line of a message, as the engine lists the validator's problems. */
        private static final Pattern LEADING_POSITION = Pattern.compile("(?m)^(\\s*)(\\d+):(\\d+):");

        LanguageText(Path file) {
            super(file);
        }

        @Override
        List<AnswerFileProblem> check(String architecture) {
            String text;
            try {
                if (Files.size(file) > AnswerFileConverter.MAX_TEXT_LENGTH) {
                    return List.of(new AnswerFileProblem(Severity.ERROR, 1, 1, "The file is " + Files.size(file)
                            + " bytes; an answer file has at most " + AnswerFileConverter.MAX_TEXT_LENGTH + "."));
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of(new AnswerFileProblem(Severity.ERROR, 0, 0, "The answer file " + file
                        + " cannot be read: " + e.getMessage()));
            }
            try {
                model = AnswerFileConverter.parse(text, file.toString());
            } catch (UnattendDslSyntaxException e) {
                List<AnswerFileProblem> problems = new ArrayList<>();
                for (SyntaxError error : e.errors()) {
                    problems.add(new AnswerFileProblem(Severity.ERROR, error.line(), error.column(), error.message()));
                }
                return problems;
            }
            recordPositions(model, text);
            return AnswerFileCheck.check(model, file.toAbsolutePath().getParent(), architecture);
        }

        /** Gives every element of the parsed text its line and column, as the reader does for XML. */
        private static void recordPositions(Unattend unattend, String text) {
            List<EObject> elements = new ArrayList<>();
            elements.add(unattend);
            unattend.eAllContents().forEachRemaining(elements::add);
            for (EObject element : elements) {
                ICompositeNode node = NodeModelUtils.getNode(element);
                if (node != null) {
                    int offset = node.getOffset();
                    int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
                    SourceLocation.set(element, node.getStartLine(), offset - lineStart + 1);
                }
            }
        }

        @Override
        Path engineFile() throws IOException {
            if (model == null) {
                throw new IllegalStateException("check the answer file before applying it");
            }
            if (xml == null) {
                String name = file.getFileName().toString();
                xml = Files.createTempFile(file.toAbsolutePath().getParent(), "." + name + ".", ".xml");
                UnattendWriter.write(model, xml);
                mapLines(UnattendReader.read(xml));
            }
            return xml;
        }

        /**
         * Pairs the elements read back from the written XML with those of the text, in document order, as far as
         * both have the same kinds of elements.
         */
        private void mapLines(Unattend written) {
            Iterator<EObject> read = written.eAllContents();
            Iterator<EObject> parsed = model.eAllContents();
            pair(written, model);
            while (read.hasNext() && parsed.hasNext()) {
                EObject fromXml = read.next();
                EObject fromText = parsed.next();
                if (fromXml.eClass() != fromText.eClass()) {
                    return;
                }
                pair(fromXml, fromText);
            }
        }

        private void pair(EObject fromXml, EObject fromText) {
            SourceLocation.of(fromXml).ifPresent(at -> SourceLocation.of(fromText)
                    .ifPresent(position -> textAt.putIfAbsent(at.line(), position)));
        }

        @Override
        List<AnswerFileProblem> failure(String message) {
            if (xml == null) {
                return AnswerFileProblem.ofFailure(message, file.toString());
            }
            List<AnswerFileProblem> problems = new ArrayList<>();
            for (AnswerFileProblem problem : AnswerFileProblem.ofFailure(message, xml.toString())) {
                SourceLocation position = problem.line() == 0 ? null : textAt.get(problem.line());
                String text = problem.message().replace(xml.toString(), file.toString());
                problems.add(position == null ? new AnswerFileProblem(problem.severity(), 0, 0, text)
                        : new AnswerFileProblem(problem.severity(), position.line(), position.column(), text));
            }
            return problems;
        }

        /** The message with the XML's path and positions (path:line:column, or line:column opening a line) mapped to the text. */
        @Override
        String named(String message) {
            if (xml == null) {
                return message;
            }
            Matcher at = Pattern.compile(Pattern.quote(xml.toString()) + ":(\\d+):(\\d+)").matcher(message);
            String paths = at.replaceAll(match -> Matcher.quoteReplacement(file + ":" + textPosition(match.group(1), match.group(2))));
            Matcher leading = LEADING_POSITION.matcher(paths);
            String positions = leading.replaceAll(match -> Matcher.quoteReplacement(match.group(1)
                    + textPosition(match.group(2), match.group(3)) + ":"));
            return positions.replace(xml.toString(), file.toString());
        }

        /** line:column in the text of a position in the XML, ?:? when the XML's line has no element of the text. */
        private String textPosition(String line, String column) {
            SourceLocation position = textAt.get(Integer.parseInt(line));
            return position == null ? "?:?" : position.line() + ":" + position.column();
        }

        @Override
        public void close() {
            if (xml != null) {
                try {
                    Files.deleteIfExists(xml);
                } catch (IOException e) {
                    ILog.of(AnswerFileInput.class).warn("The Unattend.xml written for " + file + " cannot be deleted: "
                            + e.getMessage());
                }
            }
        }
    }
}
