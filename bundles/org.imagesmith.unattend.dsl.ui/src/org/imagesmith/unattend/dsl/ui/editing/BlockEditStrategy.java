package org.imagesmith.unattend.dsl.ui.editing;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Typing in answer-file text: Enter keeps the line's indentation and indents a level after an opening brace;
 * Enter between a brace pair puts the closing brace on its own line; a typed opening brace at the end of a line
 * gets its closing brace (typing it then moves past it); a closing brace typed on an empty line goes back a level.
 */
public class BlockEditStrategy implements IAutoEditStrategy {
    /** One level of indentation, as Format writes it. */
    static final String INDENT = "    ";

    @Override
    public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
        if (command.length != 0 || command.text == null) {
            return;
        }
        try {
            if (TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1
                    && command.text.strip().isEmpty()) {
                newLine(document, command);
            } else if (command.text.equals("{")) {
                openBrace(document, command);
            } else if (command.text.equals("}")) {
                closeBrace(document, command);
            }
        } catch (BadLocationException e) {
            // the command stays as typed
        }
    }

    private static void newLine(IDocument document, DocumentCommand command) throws BadLocationException {
        IRegion line = document.getLineInformationOfOffset(command.offset);
        String before = document.get(line.getOffset(), command.offset - line.getOffset());
        String indent = before.substring(0, before.length() - before.stripLeading().length());
        String after = document.get(command.offset, line.getOffset() + line.getLength() - command.offset);
        if (!before.stripTrailing().endsWith("{")) {
            command.text = command.text + indent;
            return;
        }
        command.text = command.text + indent + INDENT;
        if (after.strip().startsWith("}")) {
            // Enter between { and }: the caret on an indented line, the closing brace on the next
            command.caretOffset = command.offset + command.text.length();
            command.shiftsCaret = false;
            command.text = command.text + TextUtilities.getDefaultLineDelimiter(document) + indent;
            int spaces = after.length() - after.stripLeading().length();
            command.length = spaces; // the blanks before the brace go
        }
    }

    private static void openBrace(IDocument document, DocumentCommand command) throws BadLocationException {
        if (restOfLine(document, command.offset).isBlank() && !insideString(document, command.offset)) {
            command.text = "{}";
            command.caretOffset = command.offset + 1;
            command.shiftsCaret = false;
        }
    }

    private static void closeBrace(IDocument document, DocumentCommand command) throws BadLocationException {
        if (command.offset < document.getLength() && document.getChar(command.offset) == '}'
                && !insideString(document, command.offset)) {
            command.text = ""; // typing over the brace that was closed for the user
            command.caretOffset = command.offset + 1;
            command.shiftsCaret = false;
            return;
        }
        IRegion line = document.getLineInformationOfOffset(command.offset);
        String before = document.get(line.getOffset(), command.offset - line.getOffset());
        if (before.isBlank() && before.length() >= INDENT.length()) {
            command.offset = line.getOffset();
            command.length = before.length();
            command.text = before.substring(INDENT.length()) + "}";
        }
    }

    private static String restOfLine(IDocument document, int offset) throws BadLocationException {
        IRegion line = document.getLineInformationOfOffset(offset);
        return document.get(offset, line.getOffset() + line.getLength() - offset);
    }

    /** Whether offset is inside a quoted string of its line (an odd number of quotes before it). */
    private static boolean insideString(IDocument document, int offset) throws BadLocationException {
        IRegion line = document.getLineInformationOfOffset(offset);
        String before = document.get(line.getOffset(), offset - line.getOffset());
        return before.chars().filter(c -> c == '"').count() % 2 == 1;
    }
}
