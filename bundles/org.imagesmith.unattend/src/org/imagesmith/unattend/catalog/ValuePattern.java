package org.imagesmith.unattend.catalog;

import java.util.regex.Pattern;

/**
 * The form a string setting's value must have.
 *
 * @param regex the regular expression the whole value must match
 * @param hint the form in words, for messages (for example "a drive letter from C to Z")
 */
public record ValuePattern(Pattern regex, String hint) {

    /** Whether value has the form. */
    public boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }
}
