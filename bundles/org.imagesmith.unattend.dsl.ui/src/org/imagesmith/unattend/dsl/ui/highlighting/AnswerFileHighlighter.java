package org.imagesmith.unattend.dsl.ui.highlighting;

import java.util.Map;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;

/**
 * Colours keywords, strings and comments. A change can open or close a comment or a string anywhere after it, so
 * the damage runs from the change to the end of the document; the whole text is lexed again (milliseconds even for
 * thousands of components).
 */
final class AnswerFileHighlighter implements IPresentationDamager, IPresentationRepairer {
    private static final Map<TokenKind, Style> STYLES = Map.of(
            TokenKind.KEYWORD, new Style(new Color(127, 0, 85), SWT.BOLD),
            TokenKind.STRING, new Style(new Color(42, 0, 255), SWT.NORMAL),
            TokenKind.COMMENT, new Style(new Color(63, 127, 95), SWT.NORMAL));

    private final AnswerFileTokens tokens = new AnswerFileTokens();
    private IDocument document;

    private record Style(Color foreground, int fontStyle) {
    }

    @Override
    public void setDocument(IDocument newDocument) {
        document = newDocument;
    }

    @Override
    public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
        int start = Math.max(0, Math.min(event.getOffset(), event.getDocument().getLength()));
        int lineStart = start;
        try {
            lineStart = event.getDocument().getLineInformationOfOffset(start).getOffset();
        } catch (org.eclipse.jface.text.BadLocationException e) {
            // the offset is in the document
        }
        int end = partition.getOffset() + partition.getLength();
        return new Region(lineStart, Math.max(0, end - lineStart));
    }

    @Override
    public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
        int from = damage.getOffset();
        int to = from + damage.getLength();
        for (HighlightedToken token : tokens.tokens(document.get())) {
            if (token.end() <= from || token.offset() >= to) {
                continue;
            }
            int start = Math.max(token.offset(), from);
            int end = Math.min(token.end(), to);
            Style style = STYLES.get(token.kind());
            presentation.addStyleRange(new StyleRange(start, end - start, style.foreground(), null, style.fontStyle()));
        }
    }
}
