package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.validation.IssueCodes;

/**
 * The fixes of answer-file problems, by the validator's problem code, as changes of the text (so that an editor
 * applies them as the user's edit, with the comments kept): a component or a setting in a pass where it is not valid
 * (wrong-pass) moves to each pass where it is; a language pack installed after an update
 * (update-before-language-pack) moves before the updates; a component whose processorArchitecture names no
 * architecture (invalid-architecture) or not the target image's (architecture-mismatch) gets one that applies.
 */
public final class AnswerFileFixes {
    /** The validator's code of a component or setting in a pass where it does not act. */
    public static final String WRONG_PASS = IssueCodes.WRONG_PASS;
    /** The validator's code of a language pack installed after an update. */
    public static final String LANGUAGE_PACK_AFTER_UPDATE = IssueCodes.LANGUAGE_PACK_AFTER_UPDATE;
    /** The validator's code of a processorArchitecture that names no processor architecture. */
    public static final String INVALID_ARCHITECTURE = IssueCodes.INVALID_ARCHITECTURE;
    /** The validator's code of a component for another architecture than the target image's. */
    public static final String ARCHITECTURE_MISMATCH = IssueCodes.ARCHITECTURE_MISMATCH;

    private static final Set<String> CODES = Set.of(WRONG_PASS, LANGUAGE_PACK_AFTER_UPDATE, INVALID_ARCHITECTURE, ARCHITECTURE_MISMATCH);

    private AnswerFileFixes() {
    }

    /** Whether there can be fixes for problems with this code. */
    public static boolean fixes(String code) {
        return code != null && CODES.contains(code);
    }

    /**
     * The fixes of the problem with code whose text starts at offset of the parsed resource; none when the text has
     * syntax errors (moving text of a file that does not parse could lose some of it). targetArchitecture is the
     * architecture of the target image (amd64, x86, arm64), or null when it is not known.
     */
    public static List<Fix> fixesAt(XtextResource resource, String code, int offset, String targetArchitecture) {
        if (!fixes(code) || resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
            return List.of();
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
        TextLayout layout = new TextLayout(resource);
        Catalog catalog = Catalog.standard();
        PassMoves moves = new PassMoves(layout, new CatalogDefinitions(catalog));
        return switch (code) {
            case WRONG_PASS -> element instanceof Component component ? moves.moveComponent(component)
                    : element instanceof Setting setting ? moves.moveSetting(setting) : List.of();
            case LANGUAGE_PACK_AFTER_UPDATE -> element instanceof Package pkg
                    ? LanguagePackOrder.moveBeforeUpdates(layout, pkg, catalog.packages()).map(List::of).orElse(List.of())
                    : List.of();
            case INVALID_ARCHITECTURE, ARCHITECTURE_MISMATCH -> element instanceof Component component
                    ? ArchitectureFixes.setArchitecture(component, targetArchitecture)
                    : List.of();
            default -> List.of();
        };
    }
}
