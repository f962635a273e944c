package org.imagesmith.unattend.dsl.ide.server;

import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.imagesmith.unattend.dsl.validation.UnattendDslValidator;

import com.google.inject.Inject;

/** A project of the language server whose answer files are validated for the {@link TargetImage} the client names. */
public class AnswerFileProjectManager extends ProjectManager {
    @Inject
    private TargetImage target;

    @Override
    public XtextResourceSet createNewResourceSet(ResourceDescriptionsData newIndex) {
        XtextResourceSet resourceSet = super.createNewResourceSet(newIndex);
        if (target.architecture() != null) {
            resourceSet.getLoadOptions().put(UnattendDslValidator.TARGET_ARCHITECTURE, target.architecture());
        }
        if (target.version() != null) {
            resourceSet.getLoadOptions().put(UnattendDslValidator.TARGET_VERSION, target.version());
        }
        return resourceSet;
    }
}
