package org.imagesmith.unattend.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Element;
import org.imagesmith.unattend.model.ForeignElement;
import org.imagesmith.unattend.model.Node;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Unattend;

/** The outline of an answer file: passes, components and settings, servicing and packages. */
public final class AnswerFileOutline {
    private AnswerFileOutline() {
    }

    /** The top-level elements of text (what parses of it, when it has syntax errors). */
    public static List<OutlineNode> of(String text) {
        XtextResource resource = AnswerFileLanguage.parse(text, null);
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Unattend unattend)) {
            return List.of();
        }
        return children(unattend);
    }

    private static List<OutlineNode> children(Element element) {
        List<OutlineNode> nodes = new ArrayList<>();
        for (Node child : element.getChildren()) {
            String label = label(child);
            ICompositeNode node = NodeModelUtils.getNode(child);
            if (label != null && node != null) {
                nodes.add(new OutlineNode(label, node.getOffset(), node.getLength(),
                        child instanceof Package || !(child instanceof Element inner) ? List.of() : children(inner)));
            }
        }
        return nodes;
    }

    private static String label(EObject object) {
        if (object instanceof Settings settings) {
            return "pass " + orMissing(settings.getPass());
        }
        if (object instanceof Servicing) {
            return "servicing";
        }
        if (object instanceof Component component) {
            return orMissing(component.getName())
                    + (component.getProcessorArchitecture() == null ? "" : " (" + component.getProcessorArchitecture() + ")");
        }
        if (object instanceof Setting setting) {
            return orMissing(setting.getName()) + (setting.getValue() == null ? "" : " = " + setting.getValue());
        }
        if (object instanceof Package pkg) {
            return "package " + orMissing(pkg.getAction())
                    + (pkg.getAssemblyIdentity() == null ? "" : " " + orMissing(pkg.getAssemblyIdentity().getName()));
        }
        if (object instanceof ForeignElement foreign) {
            return "element " + orMissing(foreign.getLocalName());
        }
        return null; // comments and processing instructions
    }

    private static String orMissing(String text) {
        return text == null ? "?" : text;
    }
}
