package org.imagesmith.unattend.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes the bytes of an answer file by its byte order mark or XML declaration (XML 1.0, appendix F). */
final class AnswerFileText {
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private AnswerFileText() {
    }

    static String decode(byte[] bytes, String file) throws UnattendFormatException {
        Charset charset;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0x00, 0x3C)) {
            charset = StandardCharsets.UTF_16BE;
            skip = bytes[0] == 0 ? 0 : 2;
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0x3C, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
            skip = bytes[0] == 0x3C ? 0 : 2;
        } else {
            charset = declaredCharset(bytes, file);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnattendFormatException(file, 0, 0,
                    "the file is not valid " + charset.name() + " text (" + e.getMessage() + ")");
        }
    }

    private static Charset declaredCharset(byte[] bytes, String file) throws UnattendFormatException {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = matcher.group(1);
        try {
            Charset charset = Charset.forName(name);
            return charset.name().startsWith("UTF-16") ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnattendFormatException(file, 1, 1, "the XML declaration names the unknown encoding '" + name + "'");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
