package org.imagesmith.unattend.dsl.ide.server;

import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Inject;

/**
 * Xtext's language server, taking the image the answer files are for from the initializationOptions of initialize:
 * {"targetArchitecture": "amd64"} (x86, arm64, ...).
 */
public class AnswerFileLanguageServer extends LanguageServerImpl {
    @Inject
    private TargetImage target;

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        target.configure(params.getInitializationOptions());
        return super.initialize(params);
    }
}
