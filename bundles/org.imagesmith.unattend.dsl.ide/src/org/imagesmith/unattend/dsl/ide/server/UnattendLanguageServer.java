package org.imagesmith.unattend.dsl.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.ServerLauncher;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;
import org.imagesmith.unattend.dsl.ide.UnattendDslIdeSetup;

import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Singleton;

/**
 * The language server of the answer-file language (.unattend files) over standard input and output: Xtext's
 * {@link ServerLauncher} with the language registered directly rather than found through a service loader, so that
 * it also runs inside OSGi. Arguments as for ServerLauncher (-log, -trace, -noValidate). Besides diagnostics and
 * completion it formats and offers the quick fixes of the answer-file problems as code actions.
 */
public final class UnattendLanguageServer {
    private UnattendLanguageServer() {
    }

    /** Starts the server on System.in and System.out. */
    public static void main(String[] args) {
        ServerLauncher.launch(UnattendLanguageServer.class.getName(), args, module());
    }

    /**
     * Xtext's server module with the answer-file language as its only language, and the target image the client
     * names in initializationOptions ({"targetArchitecture": "amd64"}).
     */
    public static Module module() {
        return Modules2.mixin(new ServerModule(), binder -> {
            binder.bind(IResourceServiceProvider.Registry.class).toProvider(LanguageRegistry.class);
            binder.bind(LanguageServerImpl.class).to(AnswerFileLanguageServer.class);
            binder.bind(ProjectManager.class).to(AnswerFileProjectManager.class);
        });
    }

    /** The registry of the server: one instance of the answer-file language for the .unattend extension. */
    @Singleton
    static final class LanguageRegistry implements Provider<IResourceServiceProvider.Registry> {
        private IResourceServiceProvider.Registry registry;

        @Override
        public synchronized IResourceServiceProvider.Registry get() {
            if (registry == null) {
                registry = new ResourceServiceProviderRegistryImpl();
                IResourceServiceProvider language = new UnattendDslIdeSetup().createInjectorAndDoEMFRegistration()
                        .getInstance(IResourceServiceProvider.class);
                registry.getExtensionToFactoryMap().put("unattend", language);
            }
            return registry;
        }
    }
}
