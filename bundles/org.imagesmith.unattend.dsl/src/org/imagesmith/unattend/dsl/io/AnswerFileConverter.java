package org.imagesmith.unattend.dsl.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.imagesmith.unattend.dsl.UnattendDslStandaloneSetup;
import org.imagesmith.unattend.dsl.formatting2.AnswerFileFormatter;
import org.imagesmith.unattend.dsl.formatting2.UnattendDslFormatter;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.io.UnattendWriter;
import org.imagesmith.unattend.model.Unattend;

import com.google.inject.Injector;

/**
 * Converts answer files between Unattend.xml and the answer-file language through the model: XML with
 * {@link UnattendReader} and {@link UnattendWriter}, language text with the language's parser and
 * {@link UnattendDslWriter}; lays language text out canonically with {@link AnswerFileFormatter}.
 */
public final class AnswerFileConverter {
    /** Language text is read whole; this bounds what a hostile file can claim, as for Unattend.xml. */
    public static final int MAX_TEXT_LENGTH = UnattendReader.MAX_FILE_SIZE;

    /** The deepest nesting of blocks accepted; real answer files nest about ten deep, the parser recurses per level. */
    public static final int MAX_NESTING = 200;

    private AnswerFileConverter() {
    }

    /** The language text of unattend. */
    public static String toText(Unattend unattend) {
        return injector().getInstance(UnattendDslWriter.class).write(unattend);
    }

    /** Parses language text; name is used in messages. */
    public static Unattend parse(String text, String name) throws UnattendDslSyntaxException {
        checkSize(text, name);
        IParseResult result = injector().getInstance(IParser.class).parse(new StringReader(text));
        checkSyntax(text, name, result);
        return (Unattend) result.getRootASTElement();
    }

    /**
     * Lays language text out canonically: one element a line, indented four spaces a block, the comments where
     * they are (see {@link UnattendDslFormatter}); name is used in messages.
     */
    public static String format(String text, String name) throws UnattendDslSyntaxException {
        checkSize(text, name);
        XtextResource resource = (XtextResource) injector().getInstance(IResourceFactory.class)
                .createResource(URI.createURI("memory:/" + URI.encodeSegment(name, false)));
        injector().getInstance(XtextResourceSet.class).getResources().add(resource);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from memory", e);
        }
        checkSyntax(text, name, resource.getParseResult());
        return injector().getInstance(AnswerFileFormatter.class).format(resource);
    }

    private static void checkSize(String text, String name) throws UnattendDslSyntaxException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new UnattendDslSyntaxException(name, List.of(new SyntaxError(1, 1,
                    "the text has " + text.length() + " characters; an answer file has at most " + MAX_TEXT_LENGTH)));
        }
        checkNesting(text, name);
    }

    private static void checkSyntax(String text, String name, IParseResult result) throws UnattendDslSyntaxException {
        List<SyntaxError> errors = new ArrayList<>();
        for (INode node : result.getSyntaxErrors()) {
            int offset = node.getOffset();
            errors.add(new SyntaxError(node.getStartLine(), column(text, offset), node.getSyntaxErrorMessage().getMessage()));
        }
        if (!errors.isEmpty() || !(result.getRootASTElement() instanceof Unattend)) {
            if (errors.isEmpty()) {
                errors.add(new SyntaxError(1, 1, "the text holds no answer file (unattend { ... })"));
            }
            throw new UnattendDslSyntaxException(name, errors);
        }
    }

    /** Unattend.xml bytes as language text; name is used in messages. */
    public static String xmlToText(byte[] xml, String name) throws IOException {
        return toText(UnattendReader.read(xml, name));
    }

    /** Language text as Unattend.xml bytes; name is used in messages. */
    public static byte[] textToXml(String text, String name) throws IOException {
        return UnattendWriter.toBytes(parse(text, name));
    }

    /** Imports the answer file xml into the language file text (UTF-8). */
    public static void importXml(Path xml, Path text) throws IOException {
        Files.writeString(text, toText(UnattendReader.read(xml)), StandardCharsets.UTF_8);
    }

    /** Exports the language file text (UTF-8) as the answer file xml. */
    public static void exportXml(Path text, Path xml) throws IOException {
        if (Files.size(text) > MAX_TEXT_LENGTH) {
            throw new UnattendDslSyntaxException(text.toString(), List.of(new SyntaxError(1, 1,
                    "the file is " + Files.size(text) + " bytes; an answer file has at most " + MAX_TEXT_LENGTH)));
        }
        UnattendWriter.write(parse(Files.readString(text, StandardCharsets.UTF_8), text.toString()), xml);
    }

    /** Refuses text whose blocks nest deeper than MAX_NESTING (braces in strings and comments do not count). */
    private static void checkNesting(String text, String name) throws UnattendDslSyntaxException {
        int depth = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int next;
            if (c == '"') {
                next = endOfString(text, i);
            } else if (text.startsWith("//", i)) {
                next = after(text, "\n", i + 2);
            } else if (text.startsWith("/*", i)) {
                next = after(text, "*/", i + 2);
            } else if (text.startsWith("<!--", i)) {
                next = after(text, "-->", i + 4);
            } else {
                if (c == '{' && ++depth > MAX_NESTING) {
                    int line = 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
                    throw new UnattendDslSyntaxException(name, List.of(new SyntaxError(line, column(text, i),
                            "the blocks nest more than " + MAX_NESTING + " deep; an answer file nests about ten deep")));
                }
                if (c == '}' && depth > 0) {
                    depth--;
                }
                next = i + 1;
            }
            if (next < 0) {
                return; // unterminated string or comment: the parser reports it
            }
            i = next;
        }
    }

    /** The index after the string starting at the quote at start ("" inside is a quote), or -1 if unterminated. */
    private static int endOfString(String text, int start) {
        int from = start + 1;
        while (true) {
            int quote = text.indexOf('"', from);
            if (quote < 0) {
                return -1;
            }
            if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                from = quote + 2;
            } else {
                return quote + 1;
            }
        }
    }

    private static int after(String text, String end, int from) {
        int index = text.indexOf(end, from);
        return index < 0 ? -1 : index + end.length();
    }

    /** The 1-based column of offset in text. */
    static int column(String text, int offset) {
        int end = Math.min(offset, text.length());
        int lineStart = end == 0 ? 0 : text.lastIndexOf('\n', end - 1) + 1;
        return offset - lineStart + 1;
    }

    private static Injector injector() {
        return UnattendDslStandaloneSetup.injector();
    }
}
