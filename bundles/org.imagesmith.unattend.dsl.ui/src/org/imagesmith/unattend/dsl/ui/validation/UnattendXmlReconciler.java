package org.imagesmith.unattend.dsl.ui.validation;

/** Validation as you type of Unattend.xml, with the same rules as the answer-file language. */
public class UnattendXmlReconciler extends ValidatingReconciler {

    /** The reconciler the generic editor creates for Unattend.xml files. */
    public UnattendXmlReconciler() {
        super(AnswerFileChecks::checkXml);
    }
}
