package org.imagesmith.unattend.validation;

/** How serious a problem is. */
public enum Severity {
    /** Windows Setup fails or does something else than the file says. */
    ERROR,
    /** Probably a mistake, or something that cannot be checked against the catalog. */
    WARNING,
    /** Worth knowing. */
    INFO
}
