package org.imagesmith.unattend.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.imagesmith.unattend.dsl.ide.contentassist.CatalogProposalProvider;
import org.imagesmith.unattend.dsl.ide.server.AnswerFileCodeActions;

/**
 * The editor services of the answer-file language: content assist from the component catalog, the quick fixes of
 * its problems as code actions.
 */
public class UnattendDslIdeModule extends AbstractUnattendDslIdeModule {

    /** The quick fixes of the answer-file problems, for the language server. */
    public Class<? extends ICodeActionService2> bindICodeActionService2() {
        return AnswerFileCodeActions.class;
    }

    /** Content assist proposes components, settings and values of the catalog. */
    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return CatalogProposalProvider.class;
    }
}
