package org.imagesmith.unattend.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template placeholders left in an answer file by a generator that did not fill them: ${Name}, {{Name}}, $Name at
 * the start of a word or path, and %NAME% where NAME is not an environment variable Windows sets (Windows expands
 * %SystemRoot%, %ProgramFiles% and the like in command lines and paths, never a template's own names).
 */
final class Placeholders {
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$\\{[^}\\s]*\\}|\\{\\{[^}]*\\}\\}|(?<![\\w$])\\$[A-Za-z_][A-Za-z0-9_]*(?=$|[\\\\/\\s\"';:,.])|%([A-Za-z_][A-Za-z0-9_()]*)%");
    private static final Set<String> WINDOWS_VARIABLES = Set.of("allusersprofile", "appdata", "commonprogramfiles",
            "commonprogramfiles(x86)", "commonprogramw6432", "computername", "comspec", "configsetroot", "homedrive",
            "homepath", "localappdata", "logonserver", "number_of_processors", "os", "path", "pathext",
            "processor_architecture", "processor_identifier", "processor_level", "processor_revision", "programdata",
            "programfiles", "programfiles(x86)", "programw6432", "psmodulepath", "public", "systemdrive", "systemroot",
            "temp", "tmp", "userdomain", "userdnsdomain", "username", "userprofile", "windir", "date", "time",
            "random", "errorlevel", "cd");

    private Placeholders() {
    }

    /** The first unfilled placeholder in text, or null. */
    static String find(String text) {
        if (text == null || text.indexOf('$') < 0 && text.indexOf('{') < 0 && text.indexOf('%') < 0) {
            return null;
        }
        Matcher matcher = TEMPLATE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1);
            if (variable == null || !WINDOWS_VARIABLES.contains(variable.toLowerCase(Locale.ROOT))) {
                return matcher.group();
            }
        }
        return null;
    }
}
