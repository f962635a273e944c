package org.imagesmith.unattend.dsl.formatting2;

import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.ITextReplacer;
import org.eclipse.xtext.formatting2.internal.SinglelineDocCommentReplacer;
import org.eclipse.xtext.formatting2.regionaccess.IComment;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.IHiddenRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.preferences.ITypedPreferenceValues;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;
import org.imagesmith.unattend.model.NamespaceDeclaration;
import org.imagesmith.unattend.model.Unattend;

/**
 * The canonical layout of the answer-file language, the one {@link org.imagesmith.unattend.dsl.io.UnattendDslWriter}
 * writes: every pass, component, setting, package and comment on a line of its own, indented one level per block;
 * a block without children written {}; one space between the words of a line, none around ':' and after '@', none
 * inside xmlns:prefix="uri". Blank lines between the children of a block are kept, at most one. Comments of the
 * language (// and /* *&#47;) stay where they are. Text with syntax errors is left as it is.
 */
public class UnattendDslFormatter extends AbstractFormatter2 {
    /** The containment features whose elements stand on lines of their own when their container has a block. */
    private static final Set<String> NODE_LISTS = Set.of("children", "prolog", "epilog");

    /** The parts of the text the request asks to format, as it asked (none: all of it). */
    private List<ITextRegion> requested = List.of();

    /**
     * Uses the text's own line separator (a file written on Windows keeps CRLF), unless the request names one;
     * the indentation is the request's (an editor's tab or spaces), the writer's four spaces by default.
     */
    @Override
    protected void initialize(FormatterRequest request) {
        ITypedPreferenceValues given = request.getPreferences();
        MapBasedPreferenceValues preferences = new MapBasedPreferenceValues(given, new HashMap<>());
        String text = request.getTextRegionAccess() == null ? "" : request.getTextRegionAccess().regionForDocument().getText();
        if (!isSet(given, FormatterPreferenceKeys.lineSeparator.getId())) {
            preferences.put(FormatterPreferenceKeys.lineSeparator, text.contains("\r\n") ? "\r\n" : "\n");
        }
        if (!isSet(given, FormatterPreferenceKeys.indentation.getId())) {
            preferences.put(FormatterPreferenceKeys.indentation, AnswerFileFormatter.INDENTATION);
        }
        request.setPreferences(preferences);
        requested = List.copyOf(request.getRegions());
        if (!requested.isEmpty()) {
            // Xtext keeps only changes inside the regions: the white space before a region's first token (the
            // indentation of a selected line) starts before it
            request.setRegions(requested.stream().map(region -> withWhitespaceBefore(text, region)).toList());
        }
        super.initialize(request);
    }

    @Override
    protected void reset() {
        requested = List.of();
        super.reset();
    }

    private static ITextRegion withWhitespaceBefore(String text, ITextRegion region) {
        int start = Math.min(region.getOffset(), text.length());
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return new TextRegion(start, region.getOffset() + region.getLength() - start);
    }

    private static boolean isSet(ITypedPreferenceValues preferences, String key) {
        return preferences instanceof MapBasedPreferenceValues map && (map.getValues().containsKey(key)
                || map.getDelegate() instanceof ITypedPreferenceValues delegate && isSet(delegate, key));
    }

    @Override
    public void format(Object object, IFormattableDocument document) {
        if (!(object instanceof XtextResource resource) || resource.getContents().isEmpty()
                || !(resource.getContents().get(0) instanceof Unattend)) {
            return;
        }
        ITextRegionAccess access = getTextRegionAccess();
        if (access.hasSyntaxError()) {
            return; // the layout of text that does not parse is not known; the user sees the errors instead
        }
        IEObjectRegion root = access.regionForRootEObject();
        ISemanticRegion previous = null;
        for (ISemanticRegion region : root.getAllSemanticRegions()) {
            if (isKeyword(region, "}")) {
                indentBlock(region, document);
            }
            if (previous == null) {
                document.set(region.getPreviousHiddenRegion(), IHiddenRegionFormatter::noSpace);
            } else {
                document.set(region.getPreviousHiddenRegion(), spacing(previous, region));
            }
            previous = region;
        }
        if (previous != null) {
            document.set(previous.getNextHiddenRegion(), IHiddenRegionFormatter::newLine);
        }
    }

    /** Indents the children of the block that close ends. */
    private void indentBlock(ISemanticRegion close, IFormattableDocument document) {
        ISemanticRegion open = textRegionExtensions.regionFor(close.getSemanticElement()).keyword("{");
        if (open != null && open.getNextSemanticRegion() != close) {
            document.interior(open, close, IHiddenRegionFormatter::indent);
        }
    }

    /** The formatting of the space between two neighbouring tokens. */
    private Procedure1<IHiddenRegionFormatter> spacing(ISemanticRegion previous, ISemanticRegion next) {
        IHiddenRegion between = next.getPreviousHiddenRegion();
        if (isKeyword(next, "}")) {
            boolean empty = isKeyword(previous, "{") && previous.getSemanticElement() == next.getSemanticElement();
            return empty && !between.containsComment() ? IHiddenRegionFormatter::noSpace : IHiddenRegionFormatter::newLine;
        }
        if (isKeyword(previous, "{")) {
            return IHiddenRegionFormatter::newLine;
        }
        if (startsLine(next)) {
            return line -> line.setNewLines(1, 1, 2);
        }
        if (isKeyword(previous, "@") || isKeyword(previous, ":") || isKeyword(next, ":")
                || previous.getSemanticElement() instanceof NamespaceDeclaration
                        && next.getSemanticElement() == previous.getSemanticElement()) {
            return IHiddenRegionFormatter::noSpace;
        }
        return IHiddenRegionFormatter::oneSpace;
    }

    /** Whether region is the first token of an element that stands on a line of its own, or of 'unattend'. */
    private boolean startsLine(ISemanticRegion region) {
        if (isKeyword(region, "unattend")) {
            return true; // after the encoding and the comments before the document element
        }
        for (EObject element = region.getSemanticElement(); element != null; element = element.eContainer()) {
            IEObjectRegion elementRegion = textRegionExtensions.regionForEObject(element);
            if (elementRegion == null || elementRegion.getOffset() != region.getOffset()) {
                return false;
            }
            if (isLineElement(element)) {
                return true;
            }
        }
        return false;
    }

    /** A node of a block (or before and after the document element), rather than a part of its container's line. */
    private boolean isLineElement(EObject element) {
        EStructuralFeature feature = element.eContainingFeature();
        if (feature == null || !NODE_LISTS.contains(feature.getName())) {
            return false;
        }
        EObject container = element.eContainer();
        return container instanceof Unattend || textRegionExtensions.regionFor(container).keyword("{") != null;
    }

    /** Line comments are indented with the code, also those written at the start of a line. */
    @Override
    public ITextReplacer createCommentReplacer(IComment comment) {
        if (comment.getGrammarElement() instanceof TerminalRule rule && rule.getName().equals("SL_COMMENT")) {
            return new SinglelineDocCommentReplacer(comment, "//");
        }
        return super.createCommentReplacer(comment);
    }

    /**
     * Of a request for part of the text (an editor's selected lines), only the changes of the white space that leads
     * up to a token in that part: its lines are laid out, the lines around them stay as they are.
     */
    @Override
    protected List<ITextReplacement> postProcess(IFormattableDocument document, List<ITextReplacement> replacements) {
        List<ITextReplacement> all = super.postProcess(document, replacements);
        if (requested.isEmpty()) {
            return all;
        }
        return all.stream().filter(replacement -> requested.stream().anyMatch(region -> region.getOffset() < replacement.getEndOffset()
                && replacement.getEndOffset() <= region.getOffset() + region.getLength())).toList();
    }

    private static boolean isKeyword(ISemanticRegion region, String keyword) {
        return region.getGrammarElement() instanceof Keyword k && k.getValue().equals(keyword);
    }
}
