package org.imagesmith.servicing.unattend;

import org.eclipse.emf.ecore.EObject;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Servicing;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.validation.Architectures;

/**
 * What applying an answer file to an offline image applies, as DISM does: the servicing section, and the
 * offlineServicing pass without the components for other processor architectures than the image's. Only problems
 * there stop an apply; the rest is left to Windows Setup.
 */
public final class ApplyScope {
    private ApplyScope() {
    }

    /**
     * Whether element (of a model read from a file) is applied to an image of architecture (amd64, x86, ...; null
     * when it is not known, so that components of every architecture count).
     */
    public static boolean applies(EObject element, String architecture) {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof Servicing) {
                return true;
            }
            if (e instanceof Component component && architecture != null && component.getProcessorArchitecture() != null
                    && !Architectures.applies(architecture, component.getProcessorArchitecture(), false)) {
                return false;
            }
            if (e instanceof Settings settings) {
                return settings.getPassKind() == Pass.OFFLINE_SERVICING;
            }
        }
        return false;
    }

    /** "the oobeSystem pass" for an element of that pass, "no configuration pass" for one outside every pass. */
    public static String passOf(EObject element) {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof Settings settings) {
                return "the " + settings.getPass() + " pass";
            }
        }
        return "no configuration pass";
    }
}
