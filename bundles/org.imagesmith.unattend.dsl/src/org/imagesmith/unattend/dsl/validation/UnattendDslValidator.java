package org.imagesmith.unattend.dsl.validation;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.io.SourceLocation;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.validation.Problem;
import org.imagesmith.unattend.validation.UnattendValidator;
import org.imagesmith.unattend.validation.ValidationOptions;

/**
 * Checks answer-file language text with the rules of the answer-file model ({@link UnattendValidator}, the same
 * rule set as for Unattend.xml) and reports each problem on the language element it is about, with its severity,
 * message and code.
 */
public class UnattendDslValidator extends AbstractUnattendDslValidator {
    /**
     * The resource set load option naming the processor architecture of the image the answer file is for (amd64,
     * x86, arm64): with it, components and packages for another architecture are errors. Problems then carry it as
     * their data, for the fixes that set an architecture.
     */
    public static final String TARGET_ARCHITECTURE = "org.imagesmith.unattend.targetArchitecture";

    /**
     * The resource set load option naming the {@link WindowsVersion} the answer file is for (deprecations are reported
     * for it); without it, {@link WindowsVersion#DEFAULT}.
     */
    public static final String TARGET_VERSION = "org.imagesmith.unattend.targetVersion";

    /** The features that name an element, in the order they are preferred as the place of a problem. */
    private static final String[] NAMING_FEATURES = {"name", "pass", "action", "location", "localName"};

    /** Runs the model's rules on the whole answer file. */
    @Check(CheckType.NORMAL)
    public void checkAnswerFile(Unattend unattend) {
        recordLocations(unattend);
        String target = targetArchitecture(unattend);
        UnattendValidator validator = UnattendValidator.standard(new ValidationOptions(target, directoryOf(unattend),
                targetVersion(unattend)));
        String[] data = target == null ? new String[0] : new String[] {target};
        for (Problem problem : validator.validate(unattend)) {
            EObject element = problem.element() == null ? unattend : problem.element();
            EStructuralFeature feature = namingFeature(element);
            switch (problem.severity()) {
                case ERROR -> getMessageAcceptor().acceptError(problem.message(), element, feature, INSIGNIFICANT_INDEX, problem.code(), data);
                case WARNING -> getMessageAcceptor().acceptWarning(problem.message(), element, feature, INSIGNIFICANT_INDEX, problem.code(), data);
                case INFO -> getMessageAcceptor().acceptInfo(problem.message(), element, feature, INSIGNIFICANT_INDEX, problem.code(), data);
            }
        }
    }

    /** The target architecture given as load option of the answer file's resource set, or null. */
    private static String targetArchitecture(Unattend unattend) {
        Resource resource = unattend.eResource();
        ResourceSet resourceSet = resource == null ? null : resource.getResourceSet();
        Object target = resourceSet == null ? null : resourceSet.getLoadOptions().get(TARGET_ARCHITECTURE);
        return target instanceof String architecture && !architecture.isBlank() ? architecture.strip() : null;
    }

    /** The target Windows version given as load option of the answer file's resource set, or null. */
    private static WindowsVersion targetVersion(Unattend unattend) {
        Resource resource = unattend.eResource();
        ResourceSet resourceSet = resource == null ? null : resource.getResourceSet();
        Object target = resourceSet == null ? null : resourceSet.getLoadOptions().get(TARGET_VERSION);
        return target instanceof WindowsVersion version ? version : null;
    }

    /** Gives every element its position in the text, so that the model's messages can name lines. */
    private static void recordLocations(Unattend unattend) {
        record(unattend);
        unattend.eAllContents().forEachRemaining(UnattendDslValidator::record);
    }

    private static void record(EObject object) {
        ICompositeNode node = NodeModelUtils.getNode(object);
        if (node != null) {
            String text = node.getRootNode().getText();
            int offset = node.getOffset();
            int lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
            SourceLocation.set(object, node.getStartLine(), offset - lineStart + 1);
        }
    }

    /** The directory of a file-based answer file, against which relative package sources are checked. */
    private static Path directoryOf(Unattend unattend) {
        URI uri = unattend.eResource() == null ? null : unattend.eResource().getURI();
        if (uri == null || !uri.isFile()) {
            return null;
        }
        return Path.of(uri.toFileString()).toAbsolutePath().getParent();
    }

    private static EStructuralFeature namingFeature(EObject element) {
        for (String name : NAMING_FEATURES) {
            EStructuralFeature feature = element.eClass().getEStructuralFeature(name);
            if (feature instanceof EAttribute && element.eIsSet(feature)) {
                return feature;
            }
        }
        return null;
    }
}
