package org.imagesmith.unattend.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.text.edits.DeleteEdit;
import org.eclipse.text.edits.InsertEdit;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.PackageRules;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.catalog.CatalogDefinitions;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Node;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Unattend;

/**
 * The fixes of answer-file problems that move text: a component to a pass it acts in (wrong-pass), a language pack
 * before the updates (update-before-language-pack). Whole lines move, so comments on them move along.
 */
public final class AnswerFileFixes {
    /** The validator's code of a component in a pass it does not act in. */
    public static final String WRONG_PASS = "wrong-pass";
    /** The validator's code of a language pack installed after an update. */
    public static final String LANGUAGE_PACK_AFTER_UPDATE = "update-before-language-pack";

    private AnswerFileFixes() {
    }

    /** Whether there can be fixes for problems with this code. */
    public static boolean fixes(String code) {
        return WRONG_PASS.equals(code) || LANGUAGE_PACK_AFTER_UPDATE.equals(code);
    }

    /** The fixes of the problem with code whose text starts at offset of text. */
    public static List<Fix> fixesAt(String text, String code, int offset) {
        XtextResource resource = AnswerFileLanguage.parse(text, null);
        if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
            return List.of(); // moving text of a file that does not parse could lose some of it
        }
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
        EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
        if (WRONG_PASS.equals(code) && element instanceof Component component) {
            return moveToPasses(text, component);
        }
        if (LANGUAGE_PACK_AFTER_UPDATE.equals(code) && element instanceof Package pkg) {
            return moveBeforeUpdates(text, pkg).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    private static List<Fix> moveToPasses(String text, Component component) {
        if (!(component.eContainer() instanceof Settings from) || !(from.eContainer() instanceof Unattend unattend)) {
            return List.of();
        }
        Lines moved = Lines.of(text, NodeModelUtils.getNode(component));
        List<Fix> fixes = new ArrayList<>();
        for (Pass pass : new CatalogDefinitions(Catalog.standard()).of(component).map(d -> d.passes()).orElse(java.util.Set.of())) {
            Optional<Settings> target = unattend.getChildren().stream().filter(Settings.class::isInstance)
                    .map(Settings.class::cast).filter(s -> s.getPassKind() == pass).findFirst();
            MultiTextEdit edit = new MultiTextEdit();
            edit.addChild(new DeleteEdit(moved.offset(), moved.length()));
            if (target.isPresent()) {
                edit.addChild(new InsertEdit(beforeClosingBrace(text, NodeModelUtils.getNode(target.get())), moved.text()));
            } else {
                String indent = Lines.indentation(text, NodeModelUtils.getNode(from).getOffset());
                String block = indent + "pass " + pass.getLiteral() + " {\n" + moved.text() + indent + "}\n";
                edit.addChild(new InsertEdit(beforeClosingBrace(text, NodeModelUtils.getNode(unattend)), block));
            }
            fixes.add(new Fix("Move " + component.getName() + " to the " + pass.getLiteral() + " pass", edit));
        }
        return fixes;
    }

    private static Optional<Fix> moveBeforeUpdates(String text, Package pkg) {
        if (!(pkg.eContainer() instanceof Servicing servicing)) {
            return Optional.empty();
        }
        PackageRules rules = Catalog.standard().packages();
        for (Node node : servicing.getChildren()) {
            if (node == pkg) {
                return Optional.empty();
            }
            if (node instanceof Package update && update.getActionKind() == PackageAction.INSTALL
                    && update.getAssemblyIdentity() != null && rules.isUpdate(update.getAssemblyIdentity().getName())) {
                Lines moved = Lines.of(text, NodeModelUtils.getNode(pkg));
                Lines before = Lines.of(text, NodeModelUtils.getNode(update));
                MultiTextEdit edit = new MultiTextEdit();
                edit.addChild(new InsertEdit(before.offset(), moved.text()));
                edit.addChild(new DeleteEdit(moved.offset(), moved.length()));
                return Optional.of(new Fix("Install " + pkg.getAssemblyIdentity().getName() + " before the updates", edit));
            }
        }
        return Optional.empty();
    }

    /** Where a line goes that ends the block of node: the start of the line of its closing brace. */
    private static int beforeClosingBrace(String text, ICompositeNode node) {
        int brace = node.getEndOffset() - 1;
        return Lines.of(text, brace, brace + 1).offset();
    }

    /** The whole lines text from offset to end covers, or exactly that text when it shares its lines with other text. */
    private record Lines(int offset, int length, String text) {

        static Lines of(String text, ICompositeNode node) {
            return of(text, node.getOffset(), node.getEndOffset());
        }

        static Lines of(String text, int start, int end) {
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            int lineEnd = text.indexOf('\n', end);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
            if (!text.substring(lineStart, start).isBlank() || !text.substring(end, lineEnd).isBlank()) {
                return new Lines(start, end - start, text.substring(start, end) + "\n");
            }
            return new Lines(lineStart, lineEnd - lineStart, text.substring(lineStart, lineEnd));
        }

        static String indentation(String text, int offset) {
            int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
            int end = lineStart;
            while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
                end++;
            }
            return text.substring(lineStart, end);
        }
    }
}
