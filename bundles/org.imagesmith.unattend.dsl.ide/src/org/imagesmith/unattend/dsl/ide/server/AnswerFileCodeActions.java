package org.imagesmith.unattend.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.dsl.ide.quickfix.AnswerFileFixes;
import org.imagesmith.unattend.dsl.ide.quickfix.Fix;
import org.imagesmith.unattend.dsl.ide.quickfix.TextChange;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/** The quick fixes of the answer-file problems ({@link AnswerFileFixes}) as LSP code actions. */
public class AnswerFileCodeActions implements ICodeActionService2 {

    @Override
    public List<Either<Command, CodeAction>> getCodeActions(Options options) {
        if (options.getCodeActionParams().getContext() == null) {
            return List.of();
        }
        return options.getLanguageServerAccess().doSyncRead(options.getURI(), context -> context.getResource() instanceof XtextResource resource
                ? actions(options.getURI(), resource, context.getDocument(), options.getCodeActionParams().getContext().getDiagnostics())
                : List.of());
    }

    private static List<Either<Command, CodeAction>> actions(String uri, XtextResource resource, Document document,
            List<Diagnostic> diagnostics) {
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            String code = code(diagnostic);
            if (!AnswerFileFixes.fixes(code)) {
                continue;
            }
            int offset = document.getOffSet(diagnostic.getRange().getStart());
            for (Fix fix : AnswerFileFixes.fixesAt(resource, code, offset, targetArchitecture(diagnostic.getData()))) {
                List<TextEdit> edits = new ArrayList<>();
                for (TextChange change : fix.changes()) {
                    edits.add(new TextEdit(new Range(document.getPosition(change.offset()), document.getPosition(change.end())),
                            change.text()));
                }
                CodeAction action = new CodeAction(fix.label());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(diagnostic));
                action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
                actions.add(Either.forRight(action));
            }
        }
        return actions;
    }

    private static String code(Diagnostic diagnostic) {
        if (diagnostic.getCode() == null) {
            return null;
        }
        return diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
    }

    /** The target architecture a problem carries as its data (as the server sent it, or as the client returns it). */
    private static String targetArchitecture(Object data) {
        if (data instanceof String[] values && values.length > 0) {
            return values[0];
        }
        if (data instanceof JsonArray array && !array.isEmpty() && array.get(0).isJsonPrimitive()) {
            return array.get(0).getAsString();
        }
        if (data instanceof JsonElement element && element.isJsonPrimitive()) {
            return element.getAsString();
        }
        return null;
    }
}
