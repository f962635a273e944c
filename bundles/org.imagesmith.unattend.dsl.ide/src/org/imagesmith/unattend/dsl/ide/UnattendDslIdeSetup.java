package org.imagesmith.unattend.dsl.ide;

import org.eclipse.xtext.util.Modules2;
import org.imagesmith.unattend.dsl.UnattendDslRuntimeModule;
import org.imagesmith.unattend.dsl.UnattendDslStandaloneSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Sets the answer-file language up with its editor services, as the language server and editors use it. */
public class UnattendDslIdeSetup extends UnattendDslStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new UnattendDslRuntimeModule(), new UnattendDslIdeModule()));
    }
}
