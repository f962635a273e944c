package org.imagesmith.unattend.dsl.ui;

import org.eclipse.core.resources.IFile;
import org.imagesmith.unattend.catalog.WindowsVersion;

/**
 * The image an answer file is checked for, as its Answer File property page names it.
 *
 * @param architecture the processor architecture (amd64, x86, arm64), or null to skip the architecture checks
 * @param version the Windows version, or null for {@link WindowsVersion#DEFAULT}
 */
public record AnswerFileTarget(String architecture, WindowsVersion version) {
    /** No architecture, the default Windows version. */
    public static final AnswerFileTarget NONE = new AnswerFileTarget(null, null);

    /** The target set on file's Answer File property page ({@link #NONE} for null or a file without one). */
    public static AnswerFileTarget of(IFile file) {
        return new AnswerFileTarget(AnswerFileLanguage.targetArchitecture(file), AnswerFileLanguage.targetVersion(file));
    }

    /** target, or {@link #NONE} when it is null. */
    public static AnswerFileTarget orNone(AnswerFileTarget target) {
        return target == null ? NONE : target;
    }
}
