package org.imagesmith.unattend.dsl.ui.editing;

import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching in answer-file text: the braces of blocks, highlighted in pairs (Ctrl+Shift+P goes across). */
public class BracePairMatcher extends DefaultCharacterPairMatcher {
    public BracePairMatcher() {
        super(new char[] {'{', '}'}, IDocumentExtension3.DEFAULT_PARTITIONING, true); // the caret either side
    }
}
