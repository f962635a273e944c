package org.imagesmith.cab;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The "ANSI" code page used for names and texts without a Unicode marker: windows-1252 when the JRE has it. */
final class AnsiCodePage {
    static final Charset CHARSET = lookup();

    private AnsiCodePage() {
    }

    private static Charset lookup() {
        try {
            return Charset.forName("windows-1252");
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
