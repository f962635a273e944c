package org.imagesmith.unattend.validation;

import java.nio.file.Path;

import org.imagesmith.unattend.catalog.WindowsVersion;

/**
 * What the validator knows beyond the answer file.
 *
 * @param targetArchitecture the processor architecture of the target image (x86, amd64, arm64), or null to skip
 *        the architecture checks
 * @param answerFileDirectory the directory of the answer file, against which relative package sources are
 *        resolved; null to check absolute sources only
 * @param targetVersion the Windows version the file is for (deprecations are reported for it)
 */
public record ValidationOptions(String targetArchitecture, Path answerFileDirectory, WindowsVersion targetVersion) {

    /** Options for {@link WindowsVersion#DEFAULT} when targetVersion is null. */
    public ValidationOptions {
        targetVersion = targetVersion == null ? WindowsVersion.DEFAULT : targetVersion;
    }

    /** Options for the default Windows version ({@link WindowsVersion#DEFAULT}). */
    public ValidationOptions(String targetArchitecture, Path answerFileDirectory) {
        this(targetArchitecture, answerFileDirectory, WindowsVersion.DEFAULT);
    }

    /** No target image and no answer-file directory. */
    public static ValidationOptions none() {
        return new ValidationOptions(null, null);
    }
}
