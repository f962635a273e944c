package org.imagesmith.unattend.dsl.ide.quickfix;

/**
 * A change of text: the characters from offset on, length of them, replaced by text.
 *
 * @param offset where the replaced characters start
 * @param length how many characters are replaced (0 for an insertion)
 * @param text what replaces them (empty for a deletion)
 */
public record TextChange(int offset, int length, String text) {

    /** The offset after the replaced characters. */
    public int end() {
        return offset + length;
    }
}
