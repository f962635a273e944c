package org.imagesmith.unattend.dsl.ui.validation;

/** Validation as you type of answer-file language text (syntax and the answer-file rules). */
public class AnswerFileReconciler extends ValidatingReconciler {

    /** The reconciler the generic editor creates for *.unattend files. */
    public AnswerFileReconciler() {
        super(AnswerFileChecks::checkText);
    }
}
