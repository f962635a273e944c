package org.imagesmith.unattend.dsl.ide.server;

import java.util.Comparator;
import java.util.List;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;

/** Applies LSP text edits to a text, as an editor does. */
final class LspEdits {
    private LspEdits() {
    }

    /** text with edits (not overlapping, all computed on text) applied. */
    static String apply(String text, List<? extends TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        List<? extends TextEdit> backwards = edits.stream()
                .sorted(Comparator.comparingInt((TextEdit edit) -> offset(text, edit.getRange().getStart())).reversed()).toList();
        for (TextEdit edit : backwards) {
            out.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
        }
        return out.toString();
    }

    /** The offset in text of an LSP position (0-based line and character). */
    static int offset(String text, Position position) {
        int lineStart = 0;
        for (int line = 0; line < position.getLine(); line++) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                return text.length();
            }
            lineStart = end + 1;
        }
        return Math.min(text.length(), lineStart + position.getCharacter());
    }
}
