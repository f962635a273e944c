package org.imagesmith.languageserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged language server jar (and its launcher script) as a process and talks LSP to it over its
 * standard input and output, as an editor does.
 */
class LanguageServerProcessIT {
    /** How long a request may take before the test gives up instead of hanging: a JVM start and a parse. */
    private static final long TIMEOUT_SECONDS = 60;

    private static final String WRONG_PASS = """
            unattend {
              pass windowsPE {
                 component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 { DriverPaths {} }
              }
            }
            """;

    private static final String FORMATTED = """
            unattend {
                pass windowsPE {
                    component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {
                        DriverPaths {}
                    }
                }
            }
            """;

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

    /** The server process and the client connected to it. */
    private record Session(Process process, RecordingClient client, LanguageServer server, Path errors) implements AutoCloseable {

        static Session start(List<String> command, Path workspace) throws IOException {
            Path errors = Files.createTempFile(workspace.getParent(), "languageserver", ".stderr");
            Process process = new ProcessBuilder(command).directory(workspace.toFile())
                    .redirectError(errors.toFile()).start();
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(),
                    process.getOutputStream());
            launcher.startListening();
            return new Session(process, client, launcher.getRemoteProxy(), errors);
        }

        InitializeResult initialize(Path workspace, Object options) throws Exception {
            InitializeParams params = new InitializeParams();
            params.setProcessId((int) ProcessHandle.current().pid());
            params.setCapabilities(new ClientCapabilities());
            params.setRootUri(workspace.toUri().toString());
            params.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "answers")));
            params.setInitializationOptions(options);
            InitializeResult result = server.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.initialized(new InitializedParams());
            return result;
        }

        /** Shuts the server down and waits for its process to end; the exit code it ended with. */
        int shutDown() throws Exception {
            server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            server.exit();
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the server ends after exit; stderr: " + stderr());
            return process.exitValue();
        }

        /** What the server wrote to its standard error, and to its log (-log writes it to the working directory). */
        String stderr() {
            StringBuilder out = new StringBuilder();
            try (var logs = Files.list(errors.getParent().resolve("answers"))) {
                out.append(Files.readString(errors, StandardCharsets.UTF_8));
                for (Path log : logs.filter(path -> path.toString().endsWith("-debug.log")).toList()) {
                    out.append("\n").append(log.getFileName()).append(":\n").append(Files.readString(log, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                out.append(e);
            }
            return out.toString();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("languageserver.jar", "target/imagesmith-unattend-languageserver.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is not built");
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void theJarPublishesDiagnosticsFormatsAndOffersFixes(@TempDir Path temp) throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("answers"));
        Path file = workspace.resolve("lab.unattend");
        Files.writeString(file, WRONG_PASS);
        String uri = file.toUri().toString();
        try (Session session = Session.start(List.of(java(), "-jar", jar().toString(), "-log"), workspace)) {
            InitializeResult result = session.initialize(workspace, Map.of("targetArchitecture", "amd64"));
            assertTrue(result.getCapabilities().getDocumentFormattingProvider().getLeft(), result.getCapabilities().toString());

            session.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "unattend", 1, WRONG_PASS)));
            Diagnostic wrongPass = awaitDiagnostic(session, uri, "wrong-pass");
            assertEquals(DiagnosticSeverity.Error, wrongPass.getSeverity());
            assertEquals(new Position(2, 15), wrongPass.getRange().getStart());
            assertTrue(wrongPass.getMessage().getLeft().contains("does not act in the windowsPE pass"), wrongPass.getMessage().getLeft());

            List<? extends TextEdit> edits = session.server().getTextDocumentService()
                    .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertFalse(edits.isEmpty());
            assertEquals(FORMATTED, apply(WRONG_PASS, edits));

            List<CodeAction> actions = session.server().getTextDocumentService()
                    .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), wrongPass.getRange(),
                            new CodeActionContext(List.of(wrongPass))))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
            assertEquals(List.of("Move Microsoft-Windows-PnpCustomizationsNonWinPE to the offlineServicing pass",
                    "Move Microsoft-Windows-PnpCustomizationsNonWinPE to the auditSystem pass"),
                    actions.stream().map(CodeAction::getTitle).toList());
            String moved = apply(WRONG_PASS, actions.get(0).getEdit().getChanges().get(uri));
            assertTrue(moved.contains("pass offlineServicing {\n    component Microsoft-Windows-PnpCustomizationsNonWinPE amd64"), moved);

            assertEquals(0, session.shutDown(), session.stderr());
        }
    }

    @Test
    void theLauncherStartsTheJar(@TempDir Path temp) throws Exception {
        Path launcher = Path.of(System.getProperty("languageserver.launcher", "../bin/imagesmith-language-server"));
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
        Path workspace = Files.createDirectories(temp.resolve("answers"));
        try (Session session = Session.start(List.of(launcher.toString()), workspace)) {
            InitializeResult result = session.initialize(workspace, null);
            assertTrue(result.getCapabilities().getCodeActionProvider().getLeft(), result.getCapabilities().toString());
            assertEquals(0, session.shutDown(), session.stderr());
        }
    }

    private static Diagnostic awaitDiagnostic(Session session, String uri, String code) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        List<PublishDiagnosticsParams> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = session.client().diagnostics.poll(1, TimeUnit.SECONDS);
            if (params == null) {
                continue;
            }
            seen.add(params);
            if (params.getUri().equals(uri)) {
                for (Diagnostic diagnostic : params.getDiagnostics()) {
                    if (diagnostic.getCode() != null && code.equals(diagnostic.getCode().getLeft())) {
                        return diagnostic;
                    }
                }
            }
        }
        throw new AssertionError("no " + code + " diagnostic for " + uri + " within " + TIMEOUT_SECONDS + " s; published: " + seen
                + "; stderr: " + session.stderr());
    }

    /** text with the LSP edits (computed on text, not overlapping) applied. */
    private static String apply(String text, List<? extends TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt((TextEdit edit) -> offset(text, edit.getRange().getStart())).reversed())
                .forEach(edit -> out.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()),
                        edit.getNewText()));
        return out.toString();
    }

    private static int offset(String text, Position position) {
        int lineStart = 0;
        for (int line = 0; line < position.getLine(); line++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
        }
        return lineStart + position.getCharacter();
    }
}
