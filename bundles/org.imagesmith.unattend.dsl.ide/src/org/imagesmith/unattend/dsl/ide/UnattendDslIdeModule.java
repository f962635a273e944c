package org.imagesmith.unattend.dsl.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.imagesmith.unattend.dsl.ide.contentassist.CatalogProposalProvider;

/** The editor services of the answer-file language (content assist from the component catalog). */
public class UnattendDslIdeModule extends AbstractUnattendDslIdeModule {

    /** Content assist proposes components, settings and values of the catalog. */
    public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
        return CatalogProposalProvider.class;
    }
}
