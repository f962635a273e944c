package org.imagesmith.inf;

import java.util.Locale;
import java.util.Map;

/** Turns raw value text into the value: quotes removed ("" inside quotes is one quote), %strkey% replaced, %% is %. */
final class InfValues {
    private final Map<String, String> strings;

    InfValues(Map<String, String> strings) {
        this.strings = strings;
    }

    /** A value with its %strkey% tokens replaced; unknown tokens (such as DIRIDs like %13%) stay as written. */
    String field(String raw) {
        return process(raw, true);
    }

    /** A value with quotes processed but no token replaced (the values of [Strings] sections). */
    String literal(String raw) {
        return process(raw, false);
    }

    private String process(String raw, boolean substitute) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                    out.append('"');
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                i++;
                continue;
            }
            if (c == '%' && substitute) {
                int close = raw.indexOf('%', i + 1);
                if (close == i + 1) {
                    out.append('%');
                    i += 2;
                    continue;
                }
                if (close > 0) {
                    String token = raw.substring(i + 1, close);
                    String value = strings.get(token.toLowerCase(Locale.ROOT));
                    out.append(value != null ? value : raw.substring(i, close + 1));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
