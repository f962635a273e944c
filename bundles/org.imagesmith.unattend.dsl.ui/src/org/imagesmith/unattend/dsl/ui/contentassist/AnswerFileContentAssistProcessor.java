package org.imagesmith.unattend.dsl.ui.contentassist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

import com.google.inject.Injector;

/**
 * Content assist of the generic editor from the language's editor-independent proposal provider (the catalog's
 * components, settings and values, the grammar's keywords): the document is parsed, the contexts at the cursor
 * computed and each proposal replaces what is typed before the cursor.
 */
public class AnswerFileContentAssistProcessor implements IContentAssistProcessor {

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        return proposals(viewer.getDocument().get(), offset).toArray(ICompletionProposal[]::new);
    }

    /** The proposals at offset of text, best first. */
    public List<CompletionProposal> proposals(String text, int offset) {
        Injector injector = AnswerFileLanguage.injector();
        XtextResource resource = AnswerFileLanguage.parse(text, null);
        ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
        factory.setPool(AnswerFileLanguage.pool());
        ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
        IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
        injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
        List<CompletionProposal> proposals = new ArrayList<>();
        for (ContentAssistEntry entry : acceptor.getEntries()) {
            String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
            String replacement = entry.getProposal();
            int cursor = replacement.endsWith("{}") || replacement.endsWith("\"\"") ? replacement.length() - 1
                    : replacement.length();
            String label = entry.getLabel() == null ? replacement : entry.getLabel();
            String display = entry.getDescription() == null ? label : label + " - " + entry.getDescription();
            // inside quotes, a quoted value takes the place of the quotes around the caret: "f|" gives "false",
            // not "false""
            int start = offset - prefix.length();
            int end = offset;
            if (replacement.startsWith("\"") && !prefix.startsWith("\"") && start > 0 && text.charAt(start - 1) == '"') {
                start--;
            }
            if (replacement.endsWith("\"") && replacement.length() > 1 && end < text.length() && text.charAt(end) == '"') {
                end++;
            }
            proposals.add(new CompletionProposal(replacement, start, end - start, cursor, null, display, null,
                    entry.getDescription()));
        }
        return proposals;
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return null;
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return null;
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return null;
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
