package org.imagesmith.unattend.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;

/** Runs the language server in process and talks LSP to it over pipes, as an editor does. */
class UnattendLanguageServerTest {

    /** A client that records the diagnostics the server publishes. */
    private static final class RecordingClient implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {
        }
    }

    /** The server in process, and a client talking to it over pipes, initialized for a workspace. */
    private static final class Session implements AutoCloseable {
        final RecordingClient client = new RecordingClient();
        final LanguageServer remote;
        final InitializeResult initialized;
        private final PipedOutputStream clientOut;
        private final PipedOutputStream serverOut;

        Session(Path workspace, Object initializationOptions) throws Exception {
            PipedInputStream serverIn = new PipedInputStream(1 << 16);
            clientOut = new PipedOutputStream(serverIn);
            PipedInputStream clientIn = new PipedInputStream(1 << 16);
            serverOut = new PipedOutputStream(clientIn);
            LanguageServerImpl server = Guice.createInjector(UnattendLanguageServer.module()).getInstance(LanguageServerImpl.class);
            Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
            server.connect(serverLauncher.getRemoteProxy());
            serverLauncher.startListening();
            Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
            clientLauncher.startListening();
            remote = clientLauncher.getRemoteProxy();
            InitializeParams initialize = new InitializeParams();
            initialize.setRootUri(workspace.toUri().toString());
            initialize.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "answers")));
            initialize.setInitializationOptions(initializationOptions);
            initialized = remote.initialize(initialize).get(30, TimeUnit.SECONDS);
            remote.initialized(new InitializedParams());
        }

        void open(String uri, String text) {
            remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "unattend", 1, text)));
        }

        List<CodeAction> codeActions(String uri, Diagnostic diagnostic) throws Exception {
            CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), diagnostic.getRange(),
                    new CodeActionContext(List.of(diagnostic)));
            return remote.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS).stream()
                    .map(Either::getRight).toList();
        }

        @Override
        public void close() throws Exception {
            remote.shutdown().get(30, TimeUnit.SECONDS);
            clientOut.close();
            serverOut.close();
        }
    }

    @Test
    void publishesDiagnosticsCompletesAndFormats(@TempDir Path workspace) throws Exception {
        try (Session session = new Session(workspace, null)) {
            LanguageServer remote = session.remote;
            InitializeResult result = session.initialized;
            assertTrue(result.getCapabilities().getCompletionProvider() != null);

            String uri = workspace.resolve("lab.unattend").toUri().toString();
            String text = """
                    unattend {
                        pass windowsPE {
                            component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {
                                DriverPaths {}
                            }
                        }
                    }
                    """;
            session.open(uri, text);
            PublishDiagnosticsParams published = awaitDiagnostics(session.client, uri);
            Diagnostic wrongPass = published.getDiagnostics().stream().filter(d -> "wrong-pass".equals(code(d))).findFirst()
                    .orElseThrow(() -> new AssertionError("no wrong-pass diagnostic in " + published));
            assertEquals(DiagnosticSeverity.Error, wrongPass.getSeverity());
            assertEquals(2, wrongPass.getRange().getStart().getLine());
            assertEquals(18, wrongPass.getRange().getStart().getCharacter());

            CompletionParams completion = new CompletionParams(new TextDocumentIdentifier(uri), new Position(2, 18 + "Microsoft-Windows-Pnp".length()));
            Either<List<CompletionItem>, CompletionList> items = remote.getTextDocumentService().completion(completion).get(30, TimeUnit.SECONDS);
            List<CompletionItem> list = items.isLeft() ? items.getLeft() : items.getRight().getItems();
            assertTrue(list.stream().anyMatch(item -> item.getLabel().equals("Microsoft-Windows-PnpCustomizationsWinPE")),
                    list + " incomplete " + (items.isRight() && items.getRight().isIncomplete()));

            assertTrue(Boolean.TRUE.equals(result.getCapabilities().getDocumentFormattingProvider().getLeft()));
            String messy = text.replace("    ", "  ").replace("DriverPaths {}", "DriverPaths {  }");
            remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                    List.of(new TextDocumentContentChangeEvent(messy))));
            List<? extends TextEdit> edits = remote.getTextDocumentService()
                    .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true)))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(!edits.isEmpty());
            assertEquals(text, LspEdits.apply(messy, edits), "the editor's text after the server's formatting edits");

            Range secondLine = new Range(new Position(1, 0), new Position(2, 0));
            List<? extends TextEdit> lineEdits = remote.getTextDocumentService().rangeFormatting(new DocumentRangeFormattingParams(
                    new TextDocumentIdentifier(uri), new FormattingOptions(4, true), secondLine)).get(30, TimeUnit.SECONDS);
            List<String> before = messy.lines().toList();
            List<String> after = LspEdits.apply(messy, lineEdits).lines().toList();
            assertEquals("    pass windowsPE {", after.get(1), "the selected line is laid out");
            assertEquals(before.subList(2, before.size()), after.subList(2, after.size()), "the lines after it are not");
            assertEquals(before.get(0), after.get(0));
        }
    }

    @Test
    void offersTheQuickFixesAsCodeActionsForTheTargetImageTheClientNames(@TempDir Path workspace) throws Exception {
        try (Session session = new Session(workspace, Map.of(TargetImage.OPTION, "amd64"))) {
            assertTrue(Boolean.TRUE.equals(session.initialized.getCapabilities().getCodeActionProvider().getLeft()));
            String uri = workspace.resolve("fix.unattend").toUri().toString();
            String text = """
                    unattend {
                        pass oobeSystem {
                            component Microsoft-Windows-Shell-Setup arm64 {
                                ComputerName = "LAB-PC-042"
                                TimeZone = "W. Europe Standard Time"
                            }
                        }
                    }
                    """;
            session.open(uri, text);
            PublishDiagnosticsParams published = awaitDiagnostics(session.client, uri);
            Diagnostic mismatch = published.getDiagnostics().stream().filter(d -> "architecture-mismatch".equals(code(d)))
                    .findFirst().orElseThrow(() -> new AssertionError("no architecture-mismatch in " + published));
            List<CodeAction> architectures = session.codeActions(uri, mismatch);
            assertEquals(List.of("Set processorArchitecture to amd64", "Set processorArchitecture to wow64"),
                    architectures.stream().map(CodeAction::getTitle).toList());
            assertEquals(CodeActionKind.QuickFix, architectures.get(0).getKind());
            assertEquals(text.replace("arm64", "amd64"), LspEdits.apply(text, architectures.get(0).getEdit().getChanges().get(uri)));

            Diagnostic wrongPass = published.getDiagnostics().stream().filter(d -> "wrong-pass".equals(code(d))).findFirst()
                    .orElseThrow(() -> new AssertionError("no wrong-pass in " + published));
            List<CodeAction> moves = session.codeActions(uri, wrongPass);
            assertEquals(List.of("Move ComputerName to the offlineServicing pass", "Move ComputerName to the specialize pass"),
                    moves.stream().map(CodeAction::getTitle).toList());
            String moved = LspEdits.apply(text, moves.get(1).getEdit().getChanges().get(uri));
            assertTrue(moved.contains("""
                        pass specialize {
                            component Microsoft-Windows-Shell-Setup arm64 {
                                ComputerName = "LAB-PC-042"
                            }
                        }
                    """), moved);
            assertTrue(!moved.substring(0, moved.indexOf("pass specialize")).contains("ComputerName"), moved);
        }
    }

    @Test
    void deprecationsFollowTheTargetVersionTheClientNames(@TempDir Path workspace) throws Exception {
        String text = """
                unattend {
                    pass oobeSystem {
                        component Microsoft-Windows-Shell-Setup amd64 {
                            OOBE {
                                NetworkLocation = "Office"
                            }
                        }
                    }
                }
                """;
        try (Session session = new Session(workspace, Map.of(TargetImage.VERSION_OPTION, "10"))) {
            String uri = workspace.resolve("win10.unattend").toUri().toString();
            session.open(uri, text);
            PublishDiagnosticsParams published = awaitDiagnostics(session.client, uri);
            assertEquals(List.of("deprecated-setting", "invalid-value"), published.getDiagnostics().stream().map(d -> code(d))
                    .sorted().toList());
            assertTrue(published.getDiagnostics().stream().anyMatch(d -> d.getMessage().getLeft().contains(
                    "deprecated from Windows 10 on")), published.toString());
        }
        try (Session session = new Session(workspace, Map.of())) {
            String uri = workspace.resolve("win7.unattend").toUri().toString();
            session.open(uri, text);
            assertEquals(List.of("invalid-value"), awaitDiagnostics(session.client, uri).getDiagnostics().stream()
                    .map(d -> code(d)).toList(), "Windows 7, the default target, has NetworkLocation as its setting");
        }
    }

    private static String code(Diagnostic diagnostic) {
        return diagnostic.getCode() == null ? null : diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft()
                : String.valueOf(diagnostic.getCode().getRight());
    }

    private static PublishDiagnosticsParams awaitDiagnostics(RecordingClient client, String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = client.diagnostics.poll(1, TimeUnit.SECONDS);
            if (params != null && params.getUri().equals(uri) && !params.getDiagnostics().isEmpty()) {
                return params;
            }
        }
        throw new AssertionError("the server published no diagnostics for " + uri + " within 30 s");
    }
}
