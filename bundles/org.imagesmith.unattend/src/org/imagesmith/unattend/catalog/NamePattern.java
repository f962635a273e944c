package org.imagesmith.unattend.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A package name glob: '*' matches any text, {lang} a language tag such as de-DE (case is ignored). */
public final class NamePattern {
    private static final String LANGUAGE = "[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*";

    private final String glob;

    private NamePattern(String glob) {
        this.glob = glob;
    }

    /** The pattern for glob. */
    public static NamePattern of(String glob) {
        return new NamePattern(glob);
    }

    /**
     * Matches name; the result is the language {lang} stood for ("" when the pattern has none), empty when the name
     * does not match.
     */
    public Optional<String> match(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = regex(null).matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(glob.contains("{lang}") ? matcher.group("lang") : "");
    }

    /** Whether name matches with {lang} standing for language (any language when language is empty). */
    public boolean matches(String name, String language) {
        return name != null && regex(language == null || language.isEmpty() ? null : language).matcher(name).matches();
    }

    private Pattern regex(String language) {
        StringBuilder regex = new StringBuilder();
        boolean named = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (glob.startsWith("{lang}", i)) {
                if (language != null) {
                    regex.append(Pattern.quote(language));
                } else if (!named) {
                    regex.append("(?<lang>").append(LANGUAGE).append(')');
                    named = true;
                } else {
                    regex.append(LANGUAGE);
                }
                i += "{lang}".length() - 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String toString() {
        return glob;
    }
}
