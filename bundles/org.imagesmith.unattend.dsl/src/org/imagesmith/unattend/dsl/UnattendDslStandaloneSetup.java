package org.imagesmith.unattend.dsl;

import org.eclipse.emf.ecore.EPackage;
import org.imagesmith.unattend.model.UnattendPackage;

import com.google.inject.Injector;

/**
 * Sets the language up without the Eclipse extension registry: registers the answer-file model (the grammar's
 * model, which the generated setup leaves out because it is imported) and the .unattend resource factory.
 */
public class UnattendDslStandaloneSetup extends UnattendDslStandaloneSetupGenerated {
    private static Injector injector;

    @Override
    public Injector createInjectorAndDoEMFRegistration() {
        EPackage.Registry.INSTANCE.putIfAbsent(UnattendPackage.eNS_URI, UnattendPackage.eINSTANCE);
        return super.createInjectorAndDoEMFRegistration();
    }

    /** Registers the language and returns its injector. */
    public static Injector doSetup() {
        return new UnattendDslStandaloneSetup().createInjectorAndDoEMFRegistration();
    }

    /** The injector of the runtime language, created and registered on first use. */
    public static synchronized Injector injector() {
        if (injector == null) {
            injector = doSetup();
        }
        return injector;
    }
}
