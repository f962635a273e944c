package org.imagesmith.unattend.dsl.ui.highlighting;

/**
 * A token of the text that is highlighted.
 *
 * @param offset the offset of its first character
 * @param length its length in characters
 * @param kind what it is
 */
public record HighlightedToken(int offset, int length, TokenKind kind) {

    /** The offset after its last character. */
    public int end() {
        return offset + length;
    }
}
