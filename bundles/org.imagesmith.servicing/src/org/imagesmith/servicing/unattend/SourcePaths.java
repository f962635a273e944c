package org.imagesmith.servicing.unattend;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.emf.ecore.EObject;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.unattend.model.Source;
import org.imagesmith.unattend.validation.IssueCodes;
import org.imagesmith.unattend.validation.Problem;

/**
 * Resolves the paths an answer file names (package sources, driver paths): relative paths and %configsetroot%
 * against the answer file's folder, as Windows Setup resolves them against the configuration set.
 */
final class SourcePaths {
    private static final String CONFIG_SET_ROOT = "%configsetroot%";
    private final Path answerFile;

    SourcePaths(Path answerFile) {
        this.answerFile = answerFile.toAbsolutePath().normalize();
    }

    Path answerFile() {
        return answerFile;
    }

    Path folder() {
        return answerFile.getParent();
    }

    /**
     * The local path of a location written at element; what is the thing named, for messages.
     *
     * @throws ServicingException naming the line and column when the path cannot be used or does not exist
     */
    Path resolve(String location, EObject element, String what) throws ServicingException {
        String text = location.trim();
        if (text.toLowerCase(Locale.ROOT).startsWith(CONFIG_SET_ROOT)) {
            text = text.substring(CONFIG_SET_ROOT.length()).replaceFirst("^[\\\\/]+", "");
        }
        if (text.startsWith("\\\\") || text.startsWith("//")) {
            throw error(element, what + " " + location + " is a network path; copy it to a local folder (or mount the"
                    + " share) and give that path", ServicingException.FILE_NOT_FOUND);
        }
        boolean driveLetter = text.length() >= 2 && Character.isLetter(text.charAt(0)) && text.charAt(1) == ':';
        if (driveLetter && File.separatorChar != '\\') {
            throw error(element, what + " " + location + " is a Windows drive path, which does not exist on this system;"
                    + " give a path relative to the answer file, or an absolute path of this system",
                    ServicingException.FILE_NOT_FOUND);
        }
        Path path;
        try {
            path = Path.of(File.separatorChar == '\\' ? text : text.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw error(element, what + " '" + location + "' is not a valid path: " + e.getReason(),
                    ServicingException.INVALID_PARAMETER);
        }
        Path resolved = path.isAbsolute() ? path : folder().resolve(path).normalize();
        if (!Files.exists(resolved)) {
            throw error(element, what + " " + resolved + " (location \"" + location + "\") does not exist",
                    ServicingException.FILE_NOT_FOUND);
        }
        return resolved;
    }

    /**
     * Whether a validator problem is about a %configsetroot% source, which the validator cannot resolve; such
     * sources are checked (with their position) when they are resolved here.
     */
    static boolean isConfigSetPath(Problem problem) {
        return problem.code().equals(IssueCodes.MISSING_SOURCE) && problem.element() instanceof Source source
                && source.getLocation() != null
                && source.getLocation().trim().toLowerCase(Locale.ROOT).startsWith(CONFIG_SET_ROOT);
    }

    ServicingException error(EObject element, String message, int code) {
        return new ServicingException(code, answerFile + ":" + Positions.of(element) + ": " + message + ".");
    }
}
