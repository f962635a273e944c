package org.imagesmith.wim;

import java.nio.file.Path;
import java.util.List;

/**
 * The files given for a split WIM do not make one complete set: a part is missing, a part is given twice, a file
 * belongs to another split WIM, or a header gives a part number outside the set.
 */
public class SplitWimException extends WimFormatException {
    private static final long serialVersionUID = 1L;
    private final List<Path> missingParts;

    public SplitWimException(String message) {
        this(message, List.of());
    }

    public SplitWimException(String message, List<Path> missingParts) {
        super(message);
        this.missingParts = List.copyOf(missingParts);
    }

    /** The files the missing parts would have by the split WIM naming (install2.swm, ...); empty when none is. */
    public List<Path> missingParts() {
        return missingParts;
    }
}
