package org.imagesmith.ui;

/**
 * What the Apply to Image dialog chose: where to apply the answer file, and with which of the engine's options.
 *
 * @param target the image of a WIM file or the read/write mount
 * @param options the log level, /ForceUnsigned and scratch folder (never /WhatIf: the dialog shows the plan itself)
 */
record ApplyChoice(ApplyTarget target, ApplyOptions options) {
    /** The target with the preferences' options. */
    static ApplyChoice of(ApplyTarget target) {
        return new ApplyChoice(target, ApplyOptions.DEFAULT);
    }
}
