package org.imagesmith.unattend.io;

import java.util.Arrays;

/** Maps between character offsets of a decoded file and 1-based line/column as the XML parser counts them. */
final class TextPositions {
    private final int[] lineStarts;

    TextPositions(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    /** The offset of a 1-based line and column, clamped to the text. */
    int offset(int line, int column) {
        if (line < 1) {
            return 0;
        }
        int index = Math.min(line, lineStarts.length) - 1;
        return lineStarts[index] + Math.max(column, 1) - 1;
    }

    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }
}
