package org.imagesmith.unattend.dsl.formatting2;

import java.util.Comparator;
import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Formats answer-file language text in its canonical layout ({@link UnattendDslFormatter}): as the changes to make
 * (what an editor applies, so that markers and the caret stay) or as the formatted text.
 */
public class AnswerFileFormatter {
    /** The indentation of the canonical layout, as the writer indents. */
    public static final String INDENTATION = "    ";

    @Inject
    private Provider<IFormatter2> formatters;
    @Inject
    private Provider<FormatterRequest> requests;
    @Inject
    private TextRegionAccessBuilder regions;

    /**
     * The changes that lay the parsed text of resource out canonically, in text order; none when the text has syntax
     * errors or is formatted already.
     */
    public List<ITextReplacement> replacements(XtextResource resource) {
        FormatterRequest request = requests.get();
        request.setAllowIdentityEdits(false);
        request.setFormatUndefinedHiddenRegionsOnly(false);
        request.setTextRegionAccess(regions.forNodeModel(resource).create());
        return formatters.get().format(request).stream().sorted(Comparator.comparingInt(ITextReplacement::getOffset)).toList();
    }

    /** The text of resource laid out canonically (its text unchanged when it has syntax errors). */
    public String format(XtextResource resource) {
        String text = resource.getParseResult().getRootNode().getText();
        return apply(text, replacements(resource));
    }

    /** text with the replacements (in text order, not overlapping) made. */
    public static String apply(String text, List<ITextReplacement> replacements) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
        int at = 0;
        for (ITextReplacement replacement : replacements) {
            out.append(text, at, replacement.getOffset()).append(replacement.getReplacementText());
            at = replacement.getEndOffset();
        }
        return out.append(text, at, text.length()).toString();
    }
}
