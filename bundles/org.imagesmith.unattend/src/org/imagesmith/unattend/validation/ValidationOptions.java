package org.imagesmith.unattend.validation;

import java.nio.file.Path;

/**
 * What the validator knows beyond the answer file.
 *
 * @param targetArchitecture the processor architecture of the target image (x86, amd64, arm64), or null to skip
 *        the architecture checks
 * @param answerFileDirectory the directory of the answer file, against which relative package sources are
 *        resolved; null to check absolute sources only
 */
public record ValidationOptions(String targetArchitecture, Path answerFileDirectory) {

    /** No target image and no answer-file directory. */
    public static ValidationOptions none() {
        return new ValidationOptions(null, null);
    }
}
