package org.imagesmith.unattend.dsl.ui.editing;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;

/**
 * Toggle Comment (Ctrl+/) on answer-file text: the lines of a selection become {@code //} comments, at the
 * indentation of the least indented of them; when every non-blank line is one already, the comment marks go.
 */
public final class LineComments {
    /** The text language's line comment. */
    public static final String MARK = "//";

    private LineComments() {
    }

    /**
     * Toggles the comment on the lines from firstLine to lastLine (0-based, inclusive) as one change of the
     * document (one undo).
     *
     * @return the region of the lines after the change
     */
    public static IRegion toggle(IDocument document, int firstLine, int lastLine) throws BadLocationException {
        int start = document.getLineOffset(firstLine);
        IRegion last = document.getLineInformation(lastLine);
        int end = last.getOffset() + last.getLength();
        String[] lines = document.get(start, end - start).split("\n", -1);
        boolean commented = true;
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            String content = line.strip();
            if (!content.isEmpty()) {
                commented &= content.startsWith(MARK);
                indent = Math.min(indent, indentation(line));
            }
        }
        if (indent == Integer.MAX_VALUE) {
            return new Region(start, end - start); // only blank lines
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().isEmpty()) {
                text.append(line);
            } else if (commented) {
                int at = line.indexOf(MARK);
                int after = at + MARK.length();
                if (after < line.length() && line.charAt(after) == ' ') {
                    after++;
                }
                text.append(line, 0, at).append(line.substring(after));
            } else {
                text.append(line, 0, indent).append(MARK).append(' ').append(line.substring(indent));
            }
            if (i < lines.length - 1) {
                text.append('\n');
            }
        }
        document.replace(start, end - start, text.toString());
        return new Region(start, text.length());
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
