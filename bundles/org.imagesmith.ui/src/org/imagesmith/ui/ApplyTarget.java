package org.imagesmith.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.QualifiedName;

/** Where Apply to Image applies an answer file: an image of a WIM file, or an image mounted read/write. */
sealed interface ApplyTarget {
    /** The persistent property of an answer file that keeps where it was last applied, for the dialog to offer. */
    QualifiedName LAST_TARGET = new QualifiedName("org.imagesmith.ui", "lastApplyTarget");

    /** Says what the target is, for job names and messages. */
    String describe();

    /** The target as the persistent property keeps it. */
    String encode();

    /**
     * An image of a WIM file: mounted into the scratch directory, serviced, committed and unmounted.
     *
     * @param architecture the image's processor architecture as answer files name it (amd64, x86), empty when the
     *        WIM file's XML data does not say
     */
    record WimImage(Path wimFile, int index, String architecture) implements ApplyTarget {
        @Override
        public String describe() {
            return "image " + index + " of " + wimFile;
        }

        @Override
        public String encode() {
            return "wim:" + index + ":" + wimFile;
        }
    }

    /** An image mounted read/write at this directory: serviced in place, left mounted. */
    record MountedImage(Path mountDir) implements ApplyTarget {
        @Override
        public String describe() {
            return "the image mounted at " + mountDir;
        }

        @Override
        public String encode() {
            return "mount:" + mountDir;
        }
    }

    /** Where the answer file was last applied, if it was and the property can be read. */
    static Optional<ApplyTarget> last(IFile answerFile) {
        try {
            return decode(answerFile.getPersistentProperty(LAST_TARGET));
        } catch (CoreException e) {
            return Optional.empty();
        }
    }

    /** Remembers where the answer file is applied. */
    static void remember(IFile answerFile, ApplyTarget target) {
        try {
            answerFile.setPersistentProperty(LAST_TARGET, target.encode());
        } catch (CoreException e) {
            ILog.of(ApplyTarget.class).log(e.getStatus());
        }
    }

    /** The target of an {@link #encode() encoded} text; empty when the text is not one. */
    static Optional<ApplyTarget> decode(String text) {
        try {
            if (text != null && text.startsWith("mount:")) {
                return Optional.of(new MountedImage(Path.of(text.substring("mount:".length()))));
            }
            if (text != null && text.startsWith("wim:") && text.indexOf(':', 4) > 4) {
                int colon = text.indexOf(':', 4);
                return Optional.of(new WimImage(Path.of(text.substring(colon + 1)),
                        Integer.parseInt(text.substring(4, colon)), ""));
            }
        } catch (NumberFormatException | InvalidPathException e) {
            // not a target: nothing to offer
        }
        return Optional.empty();
    }
}
