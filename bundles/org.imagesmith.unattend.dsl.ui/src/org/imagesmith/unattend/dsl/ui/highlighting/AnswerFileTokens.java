package org.imagesmith.unattend.dsl.ui.highlighting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;
import org.imagesmith.unattend.dsl.ui.AnswerFileLanguage;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.name.Names;

/** Splits answer-file text into the tokens that are highlighted, with the language's own lexer. */
public final class AnswerFileTokens {
    private final Provider<Lexer> lexers;
    private final Map<Integer, TokenKind> kinds = new HashMap<>();

    /** The tokens of the language set up by {@link AnswerFileLanguage}. */
    public AnswerFileTokens() {
        this(AnswerFileLanguage.injector());
    }

    AnswerFileTokens(Injector injector) {
        lexers = injector.getProvider(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
        injector.getInstance(ITokenDefProvider.class).getTokenDefMap().forEach((type, name) -> {
            TokenKind kind = kindOf(name);
            if (kind != null) {
                kinds.put(type, kind);
            }
        });
    }

    /** The keywords, strings and comments of text, in order. */
    public List<HighlightedToken> tokens(String text) {
        Lexer lexer = lexers.get();
        lexer.setCharStream(new ANTLRStringStream(text));
        List<HighlightedToken> tokens = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            TokenKind kind = kinds.get(token.getType());
            if (kind != null && token instanceof CommonToken common) {
                int start = common.getStartIndex();
                int end = Math.min(common.getStopIndex() + 1, text.length());
                if (start >= 0 && end > start) {
                    tokens.add(new HighlightedToken(start, end - start, kind));
                }
            }
        }
        return tokens;
    }

    /** The kind of a token by its name in the grammar ('keyword' or RULE_NAME), null when it is not highlighted. */
    private static TokenKind kindOf(String name) {
        if (name.length() > 2 && name.startsWith("'") && name.endsWith("'")
                && name.substring(1, name.length() - 1).chars().allMatch(Character::isLetter)) {
            return TokenKind.KEYWORD;
        }
        return switch (name) {
            case "RULE_STRING" -> TokenKind.STRING;
            case "RULE_ML_COMMENT", "RULE_SL_COMMENT", "RULE_XML_COMMENT" -> TokenKind.COMMENT;
            default -> null;
        };
    }
}
